"""Page objects: pure functions of a response, one method per thing extracted.

``ArticlePage`` turns an article response into the whole seed record (the
same code as :func:`crawler.extract.extract_article`); ``ListingPage`` gives
the article links with their dates and the next listing page. Nothing here
touches the crawler, so all of it is testable offline on saved HTML bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import urldefrag, urljoin

import parsel
from scrapy.http import Response

from crawler.extract.article import Extraction, extract
from crawler.extract.decode import ExtractionError, response_text
from crawler.extract.soft404 import ErrorPage
from crawler.sites.base import Site
from crawler.urls import canonical_url

DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
NEXT_LABELS = ("下一页", "下页", "后页", "下一頁", "下頁", "Next", "next", "›", "»", ">")


def _has_meta(response: Response) -> bool:
    """Whether the response came from a request (one built by hand has no meta)."""
    try:
        response.meta  # noqa: B018  (raises AttributeError without a request)
    except AttributeError:
        return False
    return True


def _content_type(response: Response) -> str | None:
    value = response.headers.get("Content-Type")
    return value.decode("latin-1") if value else None


@dataclass
class ArticlePage:
    """An article page; ``record()`` is the seed record, each field its method."""

    body: bytes | str
    url: str
    site: Site
    content_type: str | None = None
    # The day the listing printed beside the link (request meta ``listed_date``):
    # the date of a page that holds none of its own.
    listed_date: str | None = None
    # Fingerprints of what the site answers for a URL that does not exist
    # (crawler.state.errorpages): a page that matches one is no article.
    error_pages: frozenset[str] = frozenset()

    @classmethod
    def from_response(cls, response: Response, site: Site, listed_date: str | None = None,
                      error_pages: frozenset[str] = frozenset()) -> ArticlePage:
        """``listed_date``: the listing's date for this page, else the request's."""
        listed = listed_date or (response.meta.get("listed_date") if _has_meta(response)
                                 else None)
        return cls(response.body, response.url, site, _content_type(response), listed,
                   error_pages)

    @cached_property
    def extraction(self) -> Extraction:
        """Raises ``ExtractionError`` for a page with no article (``ErrorPage``,
        reason ``soft_404``, for an error page)."""
        found = extract(self.body, self.url, content_type=self.content_type, site=self.site,
                        error_pages=self.error_pages)
        record = found.record
        if record["published_at"] is None and self.listed_date:
            record["published_at"], record["date_source"] = self.listed_date, "listing"
            found.counters["date/listing"] += 1
        return found

    def _field(self, key: str) -> Any:
        return self.extraction.record[key]

    def id(self) -> str:
        return str(self._field("id"))

    def canonical_url(self) -> str:
        return str(self._field("url"))

    def title(self) -> str:
        return str(self._field("title"))

    def subtitle(self) -> str | None:
        return self._field("subtitle")

    def published_at(self) -> str | None:
        return self._field("published_at")

    def date_source(self) -> str | None:
        """Where the date came from: printed, meta, script, url or listing."""
        return self._field("date_source")

    def author(self) -> str | None:
        return self._field("author")

    def editor(self) -> str | None:
        return self._field("editor")

    def source(self) -> str | None:
        return self._field("source")

    def region(self) -> str | None:
        return self._field("region")

    def category(self) -> list[str]:
        return list(self._field("category"))

    def tags(self) -> list[str]:
        return list(self._field("tags"))

    def text(self) -> str:
        return str(self._field("text"))

    def record(self) -> dict[str, Any]:
        return dict(self.extraction.record)


@dataclass(frozen=True)
class ListedArticle:
    url: str
    date: dt.date | None


def _parse_date(text: str) -> dt.date | None:
    match = DATE_RE.search(text)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


@dataclass
class ListingPage:
    response: Response
    site: Site

    @cached_property
    def selector(self) -> parsel.Selector:
        return parsel.Selector(text=response_text(self.response))

    @cached_property
    def _links(self) -> list[tuple[Any, str]]:
        """The page's ``<a href>`` elements in document order, each with its
        absolute URL: lxml's own elements, without a parsel selector per link,
        resolved once for the four readers below (a listing has hundreds)."""
        return [(link, self._abs(link.get("href"))) for link in self.selector.root.iter("a")
                if link.get("href") is not None]

    def _abs(self, href: str) -> str:
        return urldefrag(urljoin(self.response.url, href.strip()))[0]

    def articles(self) -> list[ListedArticle]:
        """Article links (canonical URLs: a BIG5 copy names its GB page) with
        the date printed beside each (nearest enclosing element that holds
        exactly one date), in page order, each once."""
        found: dict[str, ListedArticle] = {}
        for link, absolute in self._links:
            url = canonical_url(absolute)
            if url in found or not self.site.is_article(url):
                continue
            date = None
            node = link.getparent()
            for _ in range(4):
                if node is None:
                    break
                dates = DATE_RE.findall(" ".join(node.itertext()))
                if len(dates) == 1:
                    date = _parse_date("-".join(dates[0]))
                    break
                if len(dates) > 1:
                    break
                node = node.getparent()
            found[url] = ListedArticle(url=url, date=date)
        return list(found.values())

    def _listing_page(self, url: str) -> int | None:
        """The page number of a listing URL of this site (1 for a first page)."""
        match = self.site.listing_match(url)
        if match is None:
            return None
        groups = match.groupdict()
        return int(groups.get("page") or groups.get("qpage") or 1)

    def listings(self) -> list[str]:
        """Links to listings' first pages found on the page (a BIG5 copy's
        listing becomes its GB original)."""
        out: dict[str, str] = {}
        for _link, absolute in self._links:
            url = self.site.canonical_alias(absolute)
            if self._listing_page(url) == 1:
                # Requested as linked: the canonical form (no trailing slash)
                # names the column but need not be a page the server has.
                out.setdefault(canonical_url(url), url)
        return list(out.values())

    def homes(self) -> list[str]:
        """Links to the site's home pages (the sub-sites on its other hosts)."""
        out: dict[str, str] = {}
        for _link, absolute in self._links:
            url = self.site.canonical_alias(absolute)
            if self.site.is_home(url):
                out.setdefault(canonical_url(url), url)
        return list(out.values())

    def current_page(self) -> int:
        return self._listing_page(self.response.url) or 1

    def next_page(self) -> str | None:
        """The following listing page: a 下一页-style link, else page n+1's number."""
        this = canonical_url(self.response.url)
        numbered: str | None = None
        want = str(self.current_page() + 1)
        for link, absolute in self._links:
            url = self.site.canonical_alias(absolute)
            if canonical_url(url) == this or self._listing_page(url) is None:
                continue
            label = " ".join("".join(link.itertext()).split())
            if label in NEXT_LABELS or any(label.startswith(n) for n in NEXT_LABELS[:5]):
                return url
            if label == want and numbered is None:
                numbered = url
        return numbered


__all__ = ["ArticlePage", "ErrorPage", "ExtractionError", "ListedArticle", "ListingPage"]
