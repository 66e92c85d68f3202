"""One description per site (:class:`crawler.sites.base.Site`), and lookups.

Spiders, the fetch guard, URL canonicalisation, extraction and cleaning read
these; nothing else names a site's hosts, URLs, selectors or rules.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from crawler.sites import fissico, shanxidayuan, sxnews
from crawler.sites.base import Selectors, Site, UrlScheme, in_column

SITES: dict[str, Site] = {s.name: s for s in (shanxidayuan.SITE, fissico.SITE, sxnews.SITE)}
SITE_NAMES: tuple[str, ...] = tuple(SITES)


def site_named(name: str) -> Site:
    try:
        return SITES[name]
    except KeyError:
        raise ValueError(f"unknown site {name!r}; known: {', '.join(SITES)}") from None


def site_for_host(host: str) -> Site | None:
    for site in SITES.values():
        if site.owns_host(host):
            return site
    return None


def site_for_url(url: str) -> Site | None:
    try:
        return site_for_host(urlsplit(url).hostname or "")
    except ValueError:
        return None


__all__ = ["SITES", "SITE_NAMES", "Selectors", "Site", "UrlScheme", "in_column",
           "site_for_host", "site_for_url", "site_named"]
