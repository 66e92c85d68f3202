"""Page objects: pure functions of a response, one method per thing extracted.

``ArticlePage`` gives the item a spider exports (the raw page text, which the
clean pipeline turns into fields and article text); ``ListingPage`` gives the
article links with their dates and the next listing page. Nothing here touches
the crawler, so all of it is testable offline on saved HTML bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urldefrag, urljoin

import parsel
from scrapy.http import Response
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from crawler.extract.render import render_text
from crawler.extract.sites import SiteLayout
from crawler.items import ArticleItem
from crawler.textnorm import strip_glosses
from crawler.urls import canonical_url, record_id

# Share of U+FFFD (or of C0 control characters) above which a decoding is wrong.
MAX_BAD_CHAR_RATIO = 0.002
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
DATE_RE = re.compile(r"(20\d{2}|19\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
NEXT_LABELS = ("下一页", "下页", "后页", "下一頁", "下頁", "Next", "next", "›", "»", ">")
MIN_FALLBACK_CHARS = 50


class ExtractionError(Exception):
    """A page that yields no article, with the reason as its message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _bad_ratio(text: str) -> float:
    if not text:
        return 1.0
    return (text.count("\ufffd") + len(CONTROL.findall(text))) / len(text)


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode page bytes, not trusting a declared charset blindly.

    Servers lie about charsets. Valid UTF-8 with multi-byte sequences is
    practically never GBK, so strict UTF-8 wins; then the declared charsets
    (header, ``<meta>``); then GB18030 (a superset of GB2312 and GBK). Raises
    ``ExtractionError`` when no candidate decodes cleanly.
    """
    if not body.strip():
        raise ExtractionError("empty_body")
    candidates = ["utf-8"]
    for declared in (http_content_type_encoding(content_type or ""),
                     html_body_declared_encoding(body)):
        if declared:
            candidates.append("gb18030" if declared.lower() in {"gb2312", "gbk", "gb_2312-80"}
                              else declared)
    candidates.append("gb18030")
    for encoding in dict.fromkeys(candidates):
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _bad_ratio(text) <= MAX_BAD_CHAR_RATIO:
            return text, encoding
    raise ExtractionError("bad_encoding")


def response_text(response: Response) -> str:
    """The response body decoded by ``decode_body`` (raises ``ExtractionError``)."""
    content_type = response.headers.get("Content-Type")
    header = content_type.decode("latin-1") if content_type else None
    return decode_body(response.body, header)[0]


@dataclass
class ArticlePage:
    response: Response
    layout: SiteLayout

    @cached_property
    def html(self) -> str:
        return response_text(self.response)

    def url(self) -> str:
        return canonical_url(self.response.url)

    def id(self) -> str:
        return record_id(self.response.url)

    @cached_property
    def page_text(self) -> str:
        return render_text(self.html, decode_emails=True)

    def site_layout_holds(self) -> bool:
        """Whether the page shows the site's own labels, so the site rules apply."""
        text, _ = strip_glosses(self.page_text)
        return any(anchor in text for anchor in self.layout.anchors)

    def fallback_text(self) -> str | None:
        """Title and body by trafilatura, for a page the site rules don't know."""
        import trafilatura

        body = trafilatura.extract(self.html, include_comments=False, include_tables=False,
                                   favor_precision=True)
        if not body or len(body) < MIN_FALLBACK_CHARS:
            return None
        meta = trafilatura.extract_metadata(self.html)
        title = (meta.title if meta else None) or ""
        paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
        if title and paragraphs and paragraphs[0] == title:
            paragraphs = paragraphs[1:]
        return "\n\n".join([title, *paragraphs] if title else paragraphs)

    def item(self, fetched_at: str) -> tuple[ArticleItem, bool]:
        """The item to export and whether the generic fallback made its text.

        Raises ``ExtractionError`` for a page with nothing to export.
        """
        text = self.page_text
        used_fallback = False
        if not text:
            raise ExtractionError("empty_page")
        if not self.site_layout_holds():
            fallback = self.fallback_text()
            if fallback is None:
                raise ExtractionError("no_article_found")
            text, used_fallback = fallback, True
        item = ArticleItem(id=self.id(), url=self.url(), site=self.layout.name, text=text,
                           fetched_at=fetched_at)
        return item, used_fallback


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
    layout: SiteLayout

    @cached_property
    def selector(self) -> parsel.Selector:
        return parsel.Selector(text=response_text(self.response))

    def _abs(self, href: str) -> str:
        return urldefrag(urljoin(self.response.url, href.strip()))[0]

    def articles(self) -> list[ListedArticle]:
        """Article links with the date printed beside each (nearest enclosing
        element that holds exactly one date), in page order, each once."""
        found: dict[str, ListedArticle] = {}
        for link in self.selector.xpath("//a[@href]"):
            url = canonical_url(self._abs(link.attrib["href"]))
            if url in found or not self.layout.article_url.match(url):
                continue
            date = None
            node = link
            for _ in range(4):
                parents = node.xpath("..")
                if not parents:
                    break
                node = parents[0]
                dates = DATE_RE.findall(" ".join(node.xpath(".//text()").getall()))
                if len(dates) == 1:
                    date = _parse_date("-".join(dates[0]))
                    break
                if len(dates) > 1:
                    break
            found[url] = ListedArticle(url=url, date=date)
        return list(found.values())

    def listings(self) -> list[str]:
        """Links to channel listings (first pages) found on the page."""
        out: dict[str, str] = {}
        for href in self.selector.xpath("//a/@href").getall():
            url = self._abs(href)
            match = self.layout.listing_url.match(url)
            if match and not (match["page"] or match["qpage"]):
                # Requested as linked: the canonical form (no trailing slash)
                # names the channel but need not be a page the server has.
                out.setdefault(canonical_url(url), url)
        return list(out.values())

    def current_page(self) -> int:
        match = self.layout.listing_url.match(self.response.url)
        if match is None:
            return 1
        return int(match["page"] or match["qpage"] or 1)

    def next_page(self) -> str | None:
        """The following listing page: a 下一页-style link, else page n+1's number."""
        this = canonical_url(self.response.url)
        numbered: str | None = None
        want = str(self.current_page() + 1)
        for link in self.selector.xpath("//a[@href]"):
            url = self._abs(link.attrib["href"])
            if canonical_url(url) == this or not self.layout.listing_url.match(url):
                continue
            label = " ".join("".join(link.xpath(".//text()").getall()).split())
            if label in NEXT_LABELS or any(label.startswith(n) for n in NEXT_LABELS[:5]):
                return url
            if label == want and numbered is None:
                numbered = url
        return numbered
