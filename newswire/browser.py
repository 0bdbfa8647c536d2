"""Pages that need a browser: scrapy-playwright driving Debian's ``chromium``.

Opt-in per wire: a spider that needs it sets ``custom_settings = PLAYWRIGHT_SETTINGS``
(from ``newswire.settings``) and marks the requests that need rendering with
``meta["playwright"] = True`` (the bases do it for ``listing_needs_browser``).
Static pages of that spider still go through plain HTTP, and spiders without it never
start a browser or its driver (≈ 300 MB).

Chromium comes from Debian (``apt-get install chromium``), never from ``playwright
install``, which cannot download here; a missing binary stops the crawl at start with
that instruction (exit code 1) instead of failing every page quietly.

With ``NEWSWIRE_MIRROR`` set, the browser's document requests are answered by the
mirror too (:func:`route_to_mirror`), so rendered pages keep their real URLs.
"""

from __future__ import annotations

import os

from newswire.downloader import download_via_mirror, mirror_target

CHROMIUM = "/usr/bin/chromium"


def abort_non_document(request) -> bool:
    """Only the page itself is loaded: images, fonts, styles, trackers and XHR are
    aborted (the wires' JavaScript-only listings carry their data inline)."""
    return request.resource_type not in ("document", "script")


def chromium_problem(settings) -> str | None:
    """Why the browser cannot start, or None."""
    handlers = settings.getdict("DOWNLOAD_HANDLERS")
    if not any("playwright" in str(path).lower() or "browser" in str(path) for path in handlers.values()):
        return None
    path = (settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS") or {}).get("executable_path", CHROMIUM)
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return None
    return (f"Chromium not found at {path} (PLAYWRIGHT_LAUNCH_OPTIONS['executable_path']); this wire needs a browser. "
            "Install Debian's package: apt-get install chromium")


async def route_to_mirror(page, request) -> None:
    """Page init callback: answer the browser's requests from the mirror.

    The browser asks for ``https://www.businesswire.com/newsroom``; the mirror is fetched
    with ``Host: www.businesswire.com`` and its answer given to the page as if it came
    from the real host. Redirects are passed to the browser unfollowed, so their real
    ``Location`` comes back through this route too.
    """
    mirror = request.meta["newswire_mirror"]
    api = page.context.request

    async def handle(route, browser_request):
        if abort_non_document(browser_request):
            await route.abort()
            return
        target, host = mirror_target(mirror, browser_request.url)
        # X-Newswire-Browser: the mirror's request log marks the page as rendered, so the
        # benchmark's baseline renders it too (newswire.bench_crawl).
        answer = await api.get(target, headers={"Host": host, "X-Newswire-Browser": "1"}, max_redirects=0)
        await route.fulfill(status=answer.status, headers=answer.headers, body=await answer.body())

    await page.route("**", handle)


def _handler_class():
    from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

    class BrowserDownloadHandler(ScrapyPlaywrightDownloadHandler):
        """scrapy-playwright's handler, with plain requests routed to the mirror like
        :class:`~newswire.downloader.MirrorDownloadHandler` does."""

        def __init__(self, crawler):
            super().__init__(crawler)
            self.mirror = (crawler.settings.get("NEWSWIRE_MIRROR") or "").rstrip("/")

        async def download_request(self, request):
            if request.meta.get("playwright") or not self.mirror:
                return await super().download_request(request)
            return await download_via_mirror(super().download_request, request, self.mirror)

    return BrowserDownloadHandler


def __getattr__(name: str):
    # scrapy-playwright (≈ 0.2 s of imports) loads only when a browser wire's settings
    # name "newswire.browser.BrowserDownloadHandler", never for the static wires.
    if name == "BrowserDownloadHandler":
        handler = _handler_class()
        globals()[name] = handler
        return handler
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
