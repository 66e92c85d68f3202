"""Canonical URLs, record ids and the fetch guard.

Everything that decides *which* URL is the same article, and *whether* a URL may
be fetched at all, lives here so that spiders, re-fetch and dedupe agree. The
sites' hosts and URL aliases come from their descriptions (``crawler.sites``).
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.sites import site_for_host

# Query parameters that only track where a click came from.
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|spm|from|isappinstalled|fbclid|gclid|share_?token|scene|"
    r"clicktime|enterid|wxshare\w*|timestamp)$",
    re.I,
)
INDEX_PAGE = re.compile(r"/index\.s?html?$", re.I)
DEFAULT_PORTS = {"http": 80, "https": 443}


def refuse_reason(url: str) -> str | None:
    """Why ``url`` must not be fetched, or ``None`` when it may be.

    Only http(s) URLs on the three sites' hosts pass: no other scheme, no IP
    literal (so no private or loopback address), no credentials, no odd port.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        port = parts.port
    except ValueError as exc:
        return f"malformed URL ({exc})"
    if parts.scheme.lower() not in DEFAULT_PORTS:
        return f"scheme {parts.scheme or '(none)'!r} is not http(s)"
    if not host:
        return "no host"
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        return f"IP literal host {host}"
    if parts.username or parts.password:
        return "credentials in URL"
    if port is not None and port != DEFAULT_PORTS[parts.scheme.lower()]:
        return f"non-default port {port}"
    if site_for_host(host) is None:
        return f"host {host} is not one of the three sites"
    return None


# A URL is canonicalised about ten times on its way (listing, request, frontier,
# record, dedupe) and pure: recent ones are kept.
@lru_cache(maxsize=16384)
def canonical_url(url: str) -> str:
    """One spelling per article URL.

    Lower-case scheme and host, no default port, no fragment, no tracking
    parameters (the rest sorted), no ``index.html``, no trailing slash, and
    ``http`` for the three sites (the scheme their pages state as 本文地址), and
    a site's alias (a Shanxi News ``/BIG5/`` copy) as the page it copies.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    site = site_for_host(host)
    if site is not None and scheme == "https" and port in (None, 443):
        scheme, netloc = "http", host
    path = parts.path or "/"
    if "//" in path:
        path = re.sub(r"/{2,}", "/", path)
    path = INDEX_PAGE.sub("/", path)
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
               if not TRACKING_PARAMS.match(k))
    ) if parts.query else ""
    canonical = urlunsplit((scheme, netloc, path, query, ""))
    return site.canonical_alias(canonical) if site is not None else canonical


def record_id(url: str) -> str:
    """First 16 hex digits of SHA-256 of the canonical URL."""
    return canonical_id(canonical_url(url))


def canonical_id(canonical: str) -> str:
    """``record_id`` of a URL already canonical (``canonical_url``'s result):
    a caller that holds both the canonical URL and the id computes it once."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
