"""Article extraction: plain functions from ``(html, url)`` to article fields.

No Scrapy and no network here, so everything is tested from saved pages.
``extract(html, url)`` is the single entry point; it dispatches to the wire's parser
by the URL's host (``newswire.parsers``) and falls back to the generic layer.
``extract_bytes(body, url, content_type_header)`` does the same for undecoded page
bytes (a saved file, a raw response body).
"""

__all__ = ["extract", "extract_bytes", "parse_page", "clean_fields", "normalise_fields"]


def __getattr__(name: str):
    # Imported on first use: the parsers import this package's helpers (urls, text),
    # and the stages in ``article`` import the parsers.
    if name in __all__:
        from newswire.extraction import article

        return getattr(article, name)
    raise AttributeError(name)
