"""Offline mirror routing: the one place where the network is redirected.

With ``NEWSWIRE_MIRROR=http://127.0.0.1:8765`` every request for a real wire URL
(``https://menafn.com/1109925453/Putin-...``) is sent to the mirror as
``http://127.0.0.1:8765/1109925453/Putin-...`` with ``Host: menafn.com``; the
response comes back under the real URL. Spiders, redirects, robots.txt, items and
feeds therefore see only real wire URLs, and no request can leave the machine.
Without the setting the handler is Scrapy's plain HTTP/1.1 handler.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler


class MirrorDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.mirror = (crawler.settings.get("NEWSWIRE_MIRROR") or "").rstrip("/")

    async def download_request(self, request):
        if not self.mirror:
            return await super().download_request(request)
        parts = urlsplit(request.url)
        target = f"{self.mirror}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
        headers = request.headers.copy()
        headers["Host"] = parts.netloc
        response = await super().download_request(request.replace(url=target, headers=headers))
        return response.replace(url=request.url, request=request)
