"""Offline mirror routing: the one place where the network is redirected.

With ``NEWSWIRE_MIRROR=http://127.0.0.1:8765`` every request for a real wire URL
(``https://menafn.com/1109925453/Putin-...``) is sent to the mirror as
``http://127.0.0.1:8765/1109925453/Putin-...`` with ``Host: menafn.com``; the
response comes back under the real URL. Spiders, redirects, robots.txt, items and
feeds therefore see only real wire URLs, and no request can leave the machine.
Without the setting the handler is Scrapy's plain HTTP/1.1 handler. Browser requests
are routed the same way by :mod:`newswire.browser`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler


def mirror_target(mirror: str, url: str) -> tuple[str, str]:
    """The mirror URL serving ``url`` and the Host header to send with it."""
    parts = urlsplit(url)
    target = f"{mirror.rstrip('/')}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
    return target, parts.netloc


async def download_via_mirror(download, request, mirror: str):
    """Fetch ``request`` through ``download`` (an HTTP handler's coroutine method) from
    the mirror, and hand the response back under the real URL."""
    target, host = mirror_target(mirror, request.url)
    headers = request.headers.copy()
    headers["Host"] = host
    response = await download(request.replace(url=target, headers=headers))
    return response.replace(url=request.url, request=request)


class MirrorDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.mirror = (crawler.settings.get("NEWSWIRE_MIRROR") or "").rstrip("/")

    async def download_request(self, request):
        if not self.mirror:
            return await super().download_request(request)
        return await download_via_mirror(super().download_request, request, self.mirror)
