"""Page objects: pure functions of a response.

``ArticlePage`` turns an article response into the whole seed record (the
same code as :func:`crawler.extract.extract_article`); ``ListingPage`` gives
the article links with their dates and the next listing page. Nothing here
touches the crawler, so all of it is testable offline on saved HTML bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import parsel
from scrapy.http import Response

from crawler.dates import calendar_day
from crawler.extract.article import Extraction, extract
from crawler.extract.decode import ExtractionError, response_text
from crawler.extract.soft404 import ErrorPage
from crawler.sites.base import Site
from crawler.urls import canonical_url

DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
NEXT_LABELS = ("下一页", "下页", "后页", "下一頁", "下頁", "Next", "next", "›", "»", ">")
# An article file and the later pages of an article split over several, beside
# it: ``<id>.html``, then ``<id>_2.html`` (DedeCMS' pagelist) or ``<id>-2.html``
# (the People's Daily CMS's page split), in the same folder on the same host.
ARTICLE_FILE = re.compile(r"^(?P<stem>[a-z][a-z0-9+.-]*://[^/?#]+/(?:[^?#]*/)?(?P<id>\d+))"
                          r"(?:[_-](?P<part>\d+))?(?P<ext>\.s?html?)$", re.I)
HREF = re.compile(rb"""href\s*=\s*["']?([^"'\s<>]+)""", re.I)


def is_article_page(site: Site, url: str) -> bool:
    """Whether ``url`` is a later page of one of ``site``'s articles."""
    found = article_of_page(url)
    return found is not None and site.is_article(found[0])


def article_of_page(url: str) -> tuple[str, int] | None:
    """``(the article's URL, page number)`` of a later page's URL (``…/58159_2.html``
    -> ``(…/58159.html, 2)``); ``None`` for any other URL (a first page included)."""
    m = ARTICLE_FILE.match(url)
    if m is None or m["part"] is None or int(m["part"]) < 2:
        return None
    return m["stem"] + m["ext"], int(m["part"])


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
    """An article page; ``record()`` is the seed record."""

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

    def record(self) -> dict[str, Any]:
        return dict(self.extraction.record)

    def paragraphs(self) -> list[str]:
        """The body paragraphs (what a later page adds to the article's text)."""
        return list(self.extraction.paragraphs)

    def page_links(self) -> dict[int, str]:
        """The other pages of the article this page belongs to, by number, as
        its pager links them: same host, same folder, same id, ``_n``/``-n``
        (page 1 is the article's own URL, never listed). Read from the raw
        bytes: hrefs are ASCII in every charset the sites use."""
        here = ARTICLE_FILE.match(self.url)
        if here is None:
            return {}
        host = urlsplit(self.url).netloc.lower()
        body = self.body.encode("utf-8") if isinstance(self.body, str) else self.body
        found: dict[int, str] = {}
        needle = here["id"].encode()
        for raw in HREF.findall(body):
            if needle not in raw:
                continue
            url = self.site.canonical_alias(urldefrag(urljoin(
                self.url, raw.decode("ascii", "replace").replace("&amp;", "&")))[0])
            m = ARTICLE_FILE.match(url)
            if (m is None or m["part"] is None or m["id"] != here["id"]
                    or m["stem"].lower() != here["stem"].lower()
                    or m["ext"].lower() != here["ext"].lower()
                    or urlsplit(url).netloc.lower() != host):
                continue
            number = int(m["part"])
            if number >= 2:
                found.setdefault(number, url)
        return dict(sorted(found.items()))


@dataclass
class PagedArticle:
    """An article split over pages, read one page after another: the first
    page's record, the pages its pagers named so far, and the paragraphs of
    each later page read. Plain data (it rides in request meta, also through
    Redis), built and joined here so that crawls, ``refetch``, ``scrapy parse``
    and ``reextract`` make the same one record."""

    record: dict[str, Any]
    links: dict[str, str] = field(default_factory=dict)  # page number -> URL
    texts: list[list[str]] = field(default_factory=list)  # pages 2…, in order
    read: int = 1  # the last page read
    capped: bool = False  # pages left unread at ARTICLE_MAX_PAGES
    first_paragraphs: int = 0  # body paragraphs on the first page

    @classmethod
    def start(cls, first: ArticlePage, record: dict[str, Any]) -> PagedArticle | None:
        """``None`` when the article has one page."""
        links = first.page_links()
        if not links:
            return None
        return cls(record, {str(n): u for n, u in links.items()},
                   first_paragraphs=len(first.paragraphs()))

    @classmethod
    def from_meta(cls, data: dict[str, Any]) -> PagedArticle:
        return cls(**data)

    def to_meta(self) -> dict[str, Any]:
        return asdict(self)

    def next_page(self, max_pages: int) -> tuple[int, str] | None:
        """The next page to read (the lowest number above the last read, so a
        pager that shows a window of pages is followed to its end), or ``None``
        once there is none or ``max_pages`` were read (then ``capped``)."""
        later = sorted((int(n), u) for n, u in self.links.items() if int(n) > self.read)
        if not later:
            return None
        if self.read >= max_pages:
            self.capped = True
            return None
        return later[0]

    def add(self, number: int, page: ArticlePage) -> None:
        """Page ``number`` read: its paragraphs, and the pages its pager names."""
        self.texts.append(page.paragraphs())
        self.read = number
        for n, url in page.page_links().items():
            self.links.setdefault(str(n), url)

    @property
    def pages(self) -> int:
        return self.read

    @property
    def headline_only(self) -> bool:
        """No page held body text: a gallery of photos and captions (captions
        are not text, SEED_FORMAT.md), so the record is its headline."""
        return not self.first_paragraphs and not any(self.texts)

    def joined(self) -> dict[str, Any]:
        """The one record: the first page's fields, every page's paragraphs in order."""
        return {**self.record, "text": joined_text(self.record["text"], self.texts)}


def joined_text(first: str, later: Sequence[Sequence[str]]) -> str:
    """The first page's text followed by the later pages' paragraphs."""
    return "\n\n".join([first, *(p for page in later for p in page)])


@dataclass(frozen=True)
class ListedArticle:
    url: str
    date: dt.date | None


def _parse_date(text: str) -> dt.date | None:
    match = DATE_RE.search(text)
    if not match:
        return None
    return calendar_day(match[1], match[2], match[3])


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

    def last_page(self) -> int:
        """The highest page number this listing's pager links to (1 with none)."""
        column = self.site.column_of(self.response.url)
        numbers = [n for _link, absolute in self._links
                   if (n := self._listing_page(url := self.site.canonical_alias(absolute)))
                   and self.site.column_of(url) == column]
        return max([self.current_page(), *numbers])

    def page_url(self, number: int) -> str | None:
        """The URL of this listing's page ``number``, spelled as its pager
        spells page 2 and on (``list_11_7.html``, ``index7.html``)."""
        for _link, absolute in self._links:
            url = self.site.canonical_alias(absolute)
            match = self.site.listing_match(url)
            if match is None or not match.groupdict().get("page") or \
                    self.site.column_of(url) != self.site.column_of(self.response.url):
                continue
            start, end = match.span("page")
            return url[:start] + str(number) + url[end:]
        return None

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


__all__ = ["ArticlePage", "ErrorPage", "ExtractionError", "ListedArticle", "ListingPage",
           "PagedArticle", "article_of_page", "is_article_page", "joined_text"]
