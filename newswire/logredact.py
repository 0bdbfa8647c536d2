"""Secrets never reach the log: credentials in URLs, proxy authorisation, URL tokens.

A crawl's log is read by people and shipped to log stores, and it is full of URLs:
feed URLs that carry an API token (``https://wire.example/rss?token=abc123``), proxy
URLs with credentials (``http://user:s3cret@proxy:3128``, in "Overridden settings"),
request headers in error dumps (``Proxy-Authorization: Basic dXNlcjpzM2NyZXQ=``).
:class:`RedactSecrets` rewrites every log record, message and traceback, to::

    https://wire.example/rss?token=[redacted]
    http://[redacted]@proxy:3128
    Proxy-Authorization: [redacted]

:class:`LogRedaction` (an extension in ``EXTENSIONS``) installs it for the crawl, before
Scrapy logs its overridden settings: on the record factory, so every record is
redacted once when it is made, whichever logger made it and whichever handler
(``LOG_FILE``, stderr, a test's capture) writes it.
"""

from __future__ import annotations

import logging
import re

from scrapy.exceptions import NotConfigured

from newswire.extraction.urls import SECRET_PARAMS

REDACTED = "[redacted]"

# Query (and fragment, and ``;``) parameters whose value is a secret, the same list
# records are cleaned with. Matched on the whole name, case-insensitively: ``token``
# and ``api_token``, not ``tokenizer``.

# scheme://user:password@host -> scheme://[redacted]@host (a user name alone is kept out too).
_USERINFO = re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)(?P<userinfo>[^\s/?#@'\"<>\[\]]+)@")
# ?token=abc123 / &api_key=... / ;sig=... (the value ends at &, #, space, quote or bracket).
_PARAM = re.compile(
    r"(?P<sep>[?&;#]|%3[fF]|%26)(?P<name>" + "|".join(sorted((re.escape(p) for p in SECRET_PARAMS), key=len, reverse=True))
    + r")(?P<eq>=|%3[dD])(?P<value>[^&#\s'\"<>\])]+)",
    re.IGNORECASE,
)
# Authorization / Proxy-Authorization header values, as dumped in dicts or header blocks:
# "Proxy-Authorization: Basic dXNlcjpz..." or b'Proxy-Authorization': [b'Basic ...'].
_AUTH_HEADER = re.compile(
    r"(?P<name>(?:proxy-)?authorization)(?P<sep>['\"]?\s*[:=]\s*\[?\s*(?:b?['\"])?)(?P<value>[^'\"\]\r\n,}]+)",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """``text`` with every secret replaced by ``[redacted]`` (see the module notes)."""
    if not text or not isinstance(text, str):
        return text
    if "@" in text:
        text = _USERINFO.sub(lambda m: f"{m['scheme']}{REDACTED}@", text)
    if "=" in text or "%3" in text.lower():
        text = _PARAM.sub(lambda m: f"{m['sep']}{m['name']}{m['eq']}{REDACTED}", text)
    if "uthorization" in text.lower() or "AUTHORIZATION" in text:
        text = _AUTH_HEADER.sub(lambda m: f"{m['name']}{m['sep']}{REDACTED}", text)
    return text


class RedactSecrets(logging.Filter):
    """A logging filter that redacts a record in place (and never drops one).

    The message is formatted once with its arguments (a Request, a dict of settings,
    a failure) and replaced by its redacted text; a traceback is formatted and
    redacted too, since exception messages quote URLs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_newswire_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave it to logging's own error path
            return True
        clean = redact(message)
        if clean != message or record.args:
            record.msg, record.args = clean, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record._newswire_redacted = True
        return True


_FILTER = RedactSecrets()
_installed_factory = None


def install() -> None:
    """Redact every log record of this process from now on (idempotent)."""
    global _installed_factory
    current = logging.getLogRecordFactory()
    if current is _installed_factory:
        return

    root = logging.getLogger()

    def factory(*args, **kwargs):
        record = current(*args, **kwargs)
        # A record below every root handler's level is never written (Scrapy's
        # "Crawled (200)" lines at LOG_LEVEL=INFO): formatting it would cost ~0.1 ms.
        if root.handlers and all(record.levelno < h.level for h in root.handlers):
            return record
        _FILTER.filter(record)
        return record

    _installed_factory = factory
    logging.setLogRecordFactory(factory)
    for handler in logging.getLogger().handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)


class LogRedaction:
    """Extension: installs :class:`RedactSecrets` when the crawler is set up, before
    Scrapy logs the overridden settings. ``NEWSWIRE_REDACT_LOGS = False`` turns it off."""

    def __init__(self, crawler):
        install()

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSWIRE_REDACT_LOGS", True):
            raise NotConfigured
        return cls(crawler)
