"""The mirror's HTTP side: one Twisted web server, many wire sites, routed by Host.

The crawler connects to ``127.0.0.1:<port>`` but sends the real host name
(``Host: menafn.com``), exactly as it would on the internet; the router strips the
port, picks the :class:`WireSite` that claims the host and lets it answer. A site
returns a plain :class:`Response`; this module turns it into bytes on the wire,
including the deliberately broken ones (a body cut short of its Content-Length).

Twisted web is used rather than ``http.server`` because crawls run at 32-64
concurrent connections, where ``http.server``'s backlog of 5 drops connections.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote

from twisted.web.resource import Resource
from twisted.web.server import NOT_DONE_YET, Site


@dataclass
class Response:
    """What a site answers to one request.

    ``truncate_at`` simulates a connection that dies mid-download: the full length is
    announced in Content-Length, only ``truncate_at`` bytes are sent, then the
    connection is closed.

    The hostile kinds (``--faults``), each served without blocking other requests:

    * ``hang``: the headers and ``body`` (the first bytes of a page) are sent, then
      nothing, ever; only the client's download timeout ends it.
    * ``trickle``: ``body`` is sent one byte every ``trickle`` seconds (1.0), with its
      full Content-Length announced, so the client never sees the end in time.
    * ``repeat_to``: ``body`` is repeated until ``repeat_to`` bytes (12 MB) have been
      sent in 64 KB writes, chunked, with no Content-Length to warn the client.
    * ``reset``: nothing is answered; the TCP connection is aborted (an RST).
    """

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    truncate_at: int | None = None
    hang: bool = False
    trickle: float | None = None
    repeat_to: int | None = None
    reset: bool = False


def redirect(location: str, status: int = 301) -> Response:
    """A redirect to an absolute real URL (``https://menafn.com/1109925453/Putin-...``)."""
    body = (f'<html><head><title>Object moved</title></head><body><h2>Object moved to '
            f'<a href="{location}">here</a>.</h2></body></html>').encode()
    return Response(status=status, body=body, headers={"Location": location})


class WireSite:
    """One mirrored wire: the hosts it answers for, its pages and its ground truth.

    Subclasses set ``wire`` and ``hosts`` and implement :meth:`handle`, :meth:`truth`
    and :meth:`changes`; ``day`` is the day served (1: the site at ``now``, 2: 24 hours later).
    """

    wire: str = ""
    hosts: tuple[str, ...] = ()
    server_header: str = "nginx"
    day: int = 1
    by_id: dict
    """Story id -> story, for every story that has an article page."""
    _pages: dict | None = None

    def article_page(self, story) -> str:
        """The HTML of ``story``'s article page."""
        raise NotImplementedError

    def article_bytes(self, story) -> bytes:
        """``article_page(story)`` as UTF-8, taken from :meth:`prerender`'s pages when it ran."""
        if self._pages is not None:
            body = self._pages.get(story)
            if body is not None:
                return body
        return self.article_page(story).encode("utf-8")

    def prerender(self) -> int:
        """Render every story's article page now rather than on each request
        (``--prerender``); returns how many. The mirror stands in for servers that run
        elsewhere, yet shares the crawler's cores: a PR Newswire page costs it ~0.2 ms to
        render, a sixth of the CPU a benchmark crawl has. Pages are kept as bytes (about
        660 MB for 10,000 PR Newswire stories)."""
        self._pages = {story: self.article_page(story).encode("utf-8") for story in self.by_id.values()}
        return len(self._pages)

    def handle(self, path: str, query: dict[str, str]) -> Response:
        """Answer ``GET path?query``. ``path`` is percent-decoded (``/arabic/1110.../ارتفاع-...``);
        ``query`` maps lower-cased parameter names to their first value."""
        raise NotImplementedError

    def truth(self) -> Iterator[dict]:
        """The records a perfect crawl of this site outputs, one dict per article."""
        raise NotImplementedError

    def changes(self, day: int | None = None) -> dict:
        """What changed since the day before (``new``, ``updated``, ``deleted``, ``moved``,
        ``variants``, keyed by truth id); day 1 lists every article as new."""
        raise NotImplementedError


class Mirror:
    """A set of wire sites served together, and their combined ground truth."""

    def __init__(self, sites: Iterable[WireSite]):
        self.sites = list(sites)
        self.by_host = {host: site for site in self.sites for host in site.hosts}

    @property
    def truth(self) -> list[dict]:
        """Every article a perfect crawl must output (regenerated on each access)."""
        return list(self.iter_truth())

    def iter_truth(self) -> Iterator[dict]:
        for site in self.sites:
            yield from site.truth()

    def write_truth(self, path: str | Path) -> int:
        """Write the truth as JSON Lines; returns the number of records."""
        count = 0
        with open(path, "w", encoding="utf-8") as out:
            for record in self.iter_truth():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        return count

    def changes(self, day: int | None = None) -> dict:
        """Every site's :meth:`WireSite.changes` merged (lists joined, mappings united)."""
        merged: dict = {"day": None, "now": None, "new": [], "updated": [], "deleted": [], "moved": {}, "variants": {}}
        for site in self.sites:
            record = site.changes(day)
            for key, value in record.items():
                if isinstance(value, list):
                    merged.setdefault(key, []).extend(value)
                elif isinstance(value, dict):
                    merged.setdefault(key, {}).update(value)
                else:
                    merged[key] = value
        return merged

    def write_changes(self, path: str | Path, day: int | None = None) -> dict:
        """Write :meth:`changes` as one JSON object; returns it."""
        record = self.changes(day)
        Path(path).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return record

    def prerender(self) -> int:
        """Every site's :meth:`WireSite.prerender`; returns the number of pages rendered."""
        return sum(site.prerender() for site in self.sites)

    def site_for(self, host: str) -> WireSite | None:
        """The site for a Host header value (``"www.menafn.com:8080"`` -> the MENAFN site)."""
        name = host.strip().lower()
        if name.startswith("["):
            name = name.split("]")[0] + "]"
        else:
            name = name.rsplit(":", 1)[0] if ":" in name else name
        return self.by_host.get(name.rstrip("."))

    def resource(self, request_log: str | Path | None = None) -> Resource:
        return _HostRouter(self, RequestLog(request_log) if request_log else None)

    def listen(self, port: int = 0, host: str = "127.0.0.1", reactor=None, request_log: str | Path | None = None):
        """Start serving on the running (or default) reactor; returns the listening port.

        Usable in-process, e.g. from a test under pytest-twisted:
        ``port = mirror.listen(); port.getHost().port``. ``request_log``: see :class:`RequestLog`.
        """
        if reactor is None:
            from twisted.internet import reactor
        return reactor.listenTCP(port, _QuietSite(self.resource(request_log)), backlog=1024, interface=host)


class RequestLog:
    """``--request-log FILE``: one line per request received, the absolute URL the client asked for.

    The URL is rebuilt from the request line and the Host header. The crawler's mirror
    routing (:mod:`newswire.downloader`, :mod:`newswire.browser`) sends every request as
    ``GET /path?query`` with ``Host: <real host>`` and does not say which scheme the
    real URL had, so the scheme is taken from an absolute-form request line
    (``GET http://menafn.com/x``) or an ``X-Forwarded-Proto`` header when a client sends
    one, else ``https``: the project's download handler sends both schemes to the mirror,
    so replaying the line fetches the same page. Path and query are logged exactly as
    received (still percent-encoded), so a replay asks for the same bytes.

    A page the crawler's browser asked for (its mirror routing sends
    ``X-Newswire-Browser: 1``) is logged as ``<url> browser``.

    Lines are appended with one unbuffered ``write`` each on an ``O_APPEND`` descriptor:
    every line is in the file as soon as its request has been received, and a reader may
    truncate the file between crawls (the next line goes to the new end of file).
    """

    def __init__(self, path: str | Path):
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def record(self, request) -> None:
        uri = request.uri
        if uri[:1] != b"/" and b"://" in uri:  # absolute form: the client said everything
            line = uri
        else:
            proto = (request.getHeader(b"x-forwarded-proto") or b"https").strip().lower()
            line = proto + b"://" + (request.getHeader(b"host") or b"") + uri
        if request.getHeader(b"x-newswire-browser"):
            line += b" browser"
        os.write(self.fd, line + b"\n")

    def close(self) -> None:
        os.close(self.fd)


def serve(mirror: Mirror, port: int = 0, host: str = "127.0.0.1", request_log: str | Path | None = None) -> None:
    """Serve ``mirror`` until SIGINT/SIGTERM. Prints ``listening http://HOST:PORT`` once bound.
    ``request_log``: a file to append each request's URL to (:class:`RequestLog`)."""
    from twisted.internet import reactor

    def stop(signum, frame):
        # Safe before the reactor runs too: the stop is queued and honoured on start.
        reactor.callFromThread(reactor.stop)

    # Handlers go in before the "listening" line, so a signal sent right after it is never lost.
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    listening = mirror.listen(port, host, reactor, request_log=request_log)
    print(f"listening http://{host}:{listening.getHost().port}", flush=True)
    reactor.run(installSignalHandlers=False)


class _QuietSite(Site):
    """A Site without per-request access logging (pure overhead in a benchmark)."""

    def log(self, request):
        pass


class _HostRouter(Resource):
    isLeaf = True

    def __init__(self, mirror: Mirror, request_log: RequestLog | None = None):
        super().__init__()
        self.mirror = mirror
        self.request_log = request_log

    def render(self, request):
        if self.request_log is not None:
            self.request_log.record(request)
        host = (request.getHeader(b"host") or b"").decode("latin-1")
        site = self.mirror.site_for(host)
        raw_path, _, raw_query = request.uri.partition(b"?")
        if raw_path[:1] != b"/":  # absolute-form request line (``GET http://menafn.com/x``)
            raw_path = b"/" + raw_path.split(b"://", 1)[-1].partition(b"/")[2]
        if site is None:
            response = Response(404, b"Unknown host\n", "text/plain; charset=utf-8")
        elif request.method not in (b"GET", b"HEAD"):
            response = Response(405, b"Method not allowed\n", "text/plain; charset=utf-8", {"Allow": "GET, HEAD"})
        else:
            path = unquote(raw_path.decode("utf-8", "replace").split("#")[0], encoding="utf-8", errors="replace")
            query: dict[str, str] = {}
            for key, value in parse_qsl(raw_query.decode("utf-8", "replace"), keep_blank_values=True):
                query.setdefault(key.lower(), value)
            try:
                response = site.handle(path, query)
            except Exception as error:  # a bug in a site must show as a 500, not kill the server
                print(f"mirror error on {host}{raw_path.decode('latin-1')}: {error!r}", file=sys.stderr, flush=True)
                response = Response(500, b"Internal error\n", "text/plain; charset=utf-8")
        etag = response.headers.get("ETag") if response.status == 200 else None
        if etag and (request.getHeader(b"if-none-match") or b"").decode("latin-1") == etag:
            # Conditional GET, as the wires' feed servers answer it (PR Newswire's RSS).
            response = Response(304, b"", response.content_type, {"ETag": etag})
        return self._send(request, response, site)

    @staticmethod
    def _send(request, response: Response, site: WireSite | None):
        if response.reset:
            request.channel.transport.abortConnection()
            return NOT_DONE_YET
        request.setResponseCode(response.status)
        request.setHeader(b"content-type", response.content_type.encode())
        request.setHeader(b"server", (site.server_header if site else "nginx").encode())
        for name, value in response.headers.items():
            request.setHeader(name.encode(), value.encode("latin-1"))
        if response.hang or response.trickle or response.repeat_to:
            return _stream(request, response)
        if response.truncate_at is None:
            return response.body
        request.setHeader(b"content-length", str(len(response.body)).encode())
        if request.method != b"HEAD":
            request.write(response.body[: response.truncate_at])
        request.channel.transport.loseConnection()
        return NOT_DONE_YET


def _stream(request, response: Response):
    """Serve a ``hang``, ``trickle`` or ``repeat_to`` response with the reactor's
    timers (never a sleep: the other connections are served meanwhile); everything
    stops as soon as the client goes away."""
    from twisted.internet import reactor

    gone: list[bool] = []
    request.notifyFinish().addBoth(lambda _: gone.append(True))
    if request.method == b"HEAD":
        request.finish()
        return NOT_DONE_YET
    if response.hang:
        request.write(response.body)  # headers and the first bytes, then silence
        return NOT_DONE_YET
    if response.trickle:
        request.setHeader(b"content-length", str(len(response.body)).encode())
        body = response.body

        def drip(offset: int) -> None:
            if gone:
                return
            if offset >= len(body):
                request.finish()
                return
            request.write(body[offset: offset + 1])
            reactor.callLater(response.trickle, drip, offset + 1)

        drip(0)
        return NOT_DONE_YET
    chunk = (response.body or b" ") * (65536 // max(1, len(response.body)) + 1)
    chunk = chunk[:65536]

    def pour(sent: int) -> None:
        if gone:
            return
        if sent >= response.repeat_to:
            request.finish()
            return
        request.write(chunk)
        reactor.callLater(0, pour, sent + len(chunk))

    pour(0)
    return NOT_DONE_YET
