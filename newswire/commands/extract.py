"""``scrapy extract FILE_OR_URL``: what newswire reads from one page.

Prints the JSON that ``newswire.extraction.extract`` returns — every field, the
method that produced each, the page type and the fixes made — for a saved page
(``.html`` or ``.html.gz``; pass ``--url`` so the right wire parser is chosen) or for
a URL fetched with the project's settings (so ``-s NEWSWIRE_MIRROR=...`` works).

Page bytes are decoded as a browser would (BOM, HTTP charset, ``<meta charset>``,
checked against the bytes: ``newswire.extraction.encoding``), so a saved page that
declares UTF-8 over windows-1252 bytes reads ``café``, not ``caf\ufffd``; the
``encoding`` key of the output says which charset was used.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "[options] <file or url>"

    def short_desc(self) -> str:
        return "Print the fields newswire extracts from a saved page or a URL"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--url", help="the page's URL when reading a file (chooses the wire parser)")

    def run(self, args: list[str], opts) -> None:
        if len(args) != 1:
            raise UsageError()
        target = args[0]
        content_type = None
        if target.startswith(("http://", "https://")):
            data, url, status, content_type = self._fetch(target)
        else:
            path = Path(target)
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            url, status = opts.url or path.resolve().as_uri(), 200
        from newswire.extraction import extract_bytes  # not at import: every scrapy command loads this module

        result = extract_bytes(data, url, content_type, status)
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))

    def _fetch(self, url: str) -> tuple[bytes, str, int, str | None]:
        import scrapy

        got: dict = {}

        class FetchOne(scrapy.Spider):
            name = "extract-fetch"
            custom_settings = {"ROBOTSTXT_OBEY": False, "ITEM_PIPELINES": {}, "FEEDS": {}, "EXTENSIONS": {}}

            async def start(self):
                yield scrapy.Request(url, callback=self.parse, meta={"handle_httpstatus_all": True})

            def parse(self, response):
                content_type = response.headers.get("Content-Type")
                got.update(
                    body=response.body,
                    url=response.url,
                    status=response.status,
                    content_type=content_type.decode("latin-1") if content_type else None,
                )

        self.crawler_process.crawl(FetchOne)
        self.crawler_process.start()
        if not got:
            raise UsageError(f"could not fetch {url}")
        return got["body"], got["url"], got["status"], got["content_type"]
