"""URL canonicalisation: one spelling per story URL.

``http://www.menafn.com/1109925453/Putin?utm_source=x#rssom`` and
``https://menafn.com/1109925453/Putin`` are the same story URL. Tracking parameters
(``utm_*``, ``pg`` on EIN News links, click ids) and fragments go; the scheme becomes
https; a leading ``www.`` goes; the remaining query is kept in a sorted, escaped form
(w3lib), because on some wires the query *is* the address
(``/qn_news_story_s.aspx?storyid=1095168700``).
"""

from __future__ import annotations

import functools
import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url as w3_canonicalize

TRACKING_PARAMS = frozenset(
    {"pg", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ref", "src", "cmpid", "ncid", "yptr"}
)
#: Parameters whose value is a credential (``?access_token=...`` on a feed link, a signed
#: ``sig=``): never kept in a record's ``url`` or ``canonical_url``, redacted in logs
#: (:mod:`newswire.logredact`). Matched on the whole name, case-insensitively.
SECRET_PARAMS = frozenset({
    "token", "access_token", "auth_token", "api_token", "id_token", "refresh_token", "key", "apikey", "api_key",
    "api-key", "secret", "client_secret", "signature", "sig", "password", "passwd", "pwd", "auth", "session",
    "sessionid", "x-amz-signature", "x-amz-credential", "x-amz-security-token",
})


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key.startswith("utm_") or key in TRACKING_PARAMS or key in SECRET_PARAMS


def strip_secrets(url: str) -> str:
    """``url`` without credentials: no ``user:password@`` and no :data:`SECRET_PARAMS`
    (``https://menafn.com/1112065663/Slug?access_token=abc&utm_source=rss`` ->
    ``https://menafn.com/1112065663/Slug?utm_source=rss``); any other URL unchanged."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if k.lower() not in SECRET_PARAMS]
    if "@" not in parts.netloc and len(kept) == len(pairs):
        return url
    netloc = parts.netloc.rpartition("@")[2]
    query = urlencode(kept) if len(kept) != len(pairs) else parts.query
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


# A URL that is already canonical but for its scheme and "www." (lower-case host, no
# port, user, query or fragment, a path of unreserved characters without dot
# segments: https://www.globenewswire.com/news-release/2026/11/27/3195000/0/en/Slug.html),
# the common case, skips the parsing of _canonicalize_parsed (~20 us). The result is
# the same; tests check both paths.
_PLAIN = re.compile(r"https?://(?:www\.)?([a-z0-9][a-z0-9.-]*)((?:/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*)?)*)")


@functools.lru_cache(maxsize=4096)
def canonicalize_url(url: str) -> str:
    """Canonical form of a story URL (see module docstring). Cached: a record asks for
    the forms of its page URL, its canonical URL and the URLs it was found by, often
    the same. Kept small: the entries of a 10,000-story crawl are never asked again."""
    plain = _PLAIN.fullmatch(url)
    if plain:
        return f"https://{plain.group(1)}{plain.group(2) or '/'}"
    return _canonicalize_parsed(url)


def _canonicalize_parsed(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)])
    scheme = "https" if parts.scheme in ("http", "https", "") else parts.scheme
    rebuilt = urlunsplit((scheme, host, parts.path or "/", query, ""))
    return w3_canonicalize(rebuilt, keep_fragments=False)


def url_id(url: str) -> str:
    """Fallback story id part when a wire's URLs carry no native id: a short URL hash."""
    return "url:" + hashlib.sha1(canonicalize_url(url).encode("utf-8")).hexdigest()[:16]


def host_of(url: str) -> str:
    """Lower-cased host without ``www.`` (``menafn.com``)."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host
