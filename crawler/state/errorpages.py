"""What each site answers for a URL that does not exist, learnt and kept.

Many sites answer a missing article with HTTP 200 and a page of their own
(their chrome around "page not found", or around nothing that says so). The
rules in ``crawler.extract.rules`` know the common CMS families; this knows
the site: before a re-fetch or an id walk (``SOFT404_PROBE``) one URL in the
site's article scheme with an id no site reaches (``PROBE_ID``) is fetched,
and when it answers 200 the fingerprint of its page
(``crawler.extract.soft404.page_fingerprint``) is kept in
``STATE_DIR/errorpages/<site>.json`` (the last ``KEEP`` seen, newest first;
written to a temporary file and renamed, so a kill leaves the old file).
Every later article page that has one of them is gone, not updated.

Held by the crawler (``crawl_state(crawler).error_pages``); the spiders probe
in their ``start()`` and pass ``learned(site)`` to the page objects.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future

from crawler.extract.decode import ExtractionError, decode_page
from crawler.extract.dom import load
from crawler.extract.soft404 import page_fingerprint
from crawler.sites.base import Site
from crawler.state import state_dir
from crawler.state.runtime import crawl_state

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
PROBE_ID = 987654321  # an article id far beyond any of the three sites'
KEEP = 4


def probe_url(site: Site) -> str:
    """A URL in the site's first article scheme that certainly names no article."""
    column = next(iter(site.columns))
    return site.article_for(column, PROBE_ID)


def response_fingerprint(response: Response, site: Site) -> str | None:
    """The fingerprint of the page in ``response`` (None when it holds none)."""
    ctype = response.headers.get("Content-Type")
    try:
        text = decode_page(response.body, ctype.decode("latin-1") if ctype else None).text
    except ExtractionError:
        return None
    page = load(text, site.name)
    return page_fingerprint(page) if page is not None and page.lines else None


class ErrorPages:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._known: dict[str, list[str]] = {}

    def _path(self, site: str) -> Path:
        return self.folder / f"{site}.json"

    def _load(self, site: str) -> list[str]:
        if site not in self._known:
            try:
                data = json.loads(self._path(site).read_text(encoding="utf-8"))
                found = [str(f) for f in data.get("fingerprints", [])][:KEEP]
            except FileNotFoundError:
                found = []
            except (OSError, ValueError, AttributeError) as exc:
                logger.warning("%s: unreadable (%s); the site's error page is learnt again",
                               self._path(site), exc)
                found = []
            self._known[site] = found
        return self._known[site]

    def learned(self, site: str) -> frozenset[str]:
        """The fingerprints of ``site``'s error page, this run's and earlier ones."""
        return frozenset(self._load(site))

    def learn(self, site: str, url: str, status: int, fingerprint: str | None) -> None:
        known = self._load(site)
        if fingerprint is not None:
            known[:] = [fingerprint, *[f for f in known if f != fingerprint]][:KEEP]
        record: dict[str, Any] = {"probe": url, "status": status, "at": time.time(),
                                  "fingerprints": known}
        path = self._path(site)
        temporary = path.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)

    async def probe(self, crawler: Crawler, site: Site) -> str | None:
        """Fetch ``probe_url(site)`` and learn what it answers; returns how it
        answered (``200``, ``404``, the reason it failed …) for the log and
        counts it under ``soft404/probe/<answer>``."""
        assert crawler.engine is not None and crawler.stats is not None
        url = probe_url(site)
        request = Request(url, dont_filter=True, meta={
            "handle_httpstatus_all": True, "deltafetch_enabled": False, "dont_retry": True})
        try:
            response = await maybe_deferred_to_future(crawler.engine.download(request))
        except Exception as exc:  # refused, redirected away, a network error
            answer = getattr(exc, "reason", None) or type(exc).__name__
            crawler.stats.inc_value(f"soft404/probe/{answer}")
            logger.info("%s: the probe for its error page (%s) gave %s", site.name, url, answer)
            return str(answer)
        fingerprint = response_fingerprint(response, site) if response.status == 200 else None
        self.learn(site.name, url, response.status, fingerprint)
        crawler.stats.inc_value(f"soft404/probe/{response.status}")
        if fingerprint is not None:
            crawler.stats.inc_value("soft404/probe/learned")
            logger.info("%s answers a missing article with a 200 page (%s): learnt as its "
                        "error page", site.name, url)
        return str(response.status)


def error_pages(crawler: Crawler) -> ErrorPages:
    """The crawl's ``ErrorPages`` (made on first use, held by the crawler)."""
    shared = crawl_state(crawler)
    if shared.error_pages is None:
        shared.error_pages = ErrorPages(state_dir(crawler.settings, "errorpages"))
    return shared.error_pages
