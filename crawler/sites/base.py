"""What a site description holds: hosts, URL schemes, listing forms, selectors,
labels and cleaning rules. Data with a few lookups; no Scrapy, no I/O.

A *column* is the path part that names a channel in a URL scheme (``lzyl`` on
shanxidayuan, ``xw/dzyw`` on fissico, ``314064`` or ``318641/318818`` on the
Shanxi News GB scheme, ``dspd/ycpd/ycxw`` on its old ``sxxww`` scheme).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from re import Pattern

from crawler.cleaning.rules import SiteRules

# Pages every site has besides its schemes' (any CMS): a home page at the
# root, a search page, an error page. What a deleted article redirects to.
ROOT_PAGE = re.compile(r"^https?://[^/?#]+/?(?:(?:index|default)\.(?:s?html?|php|aspx?|jsp))?$",
                       re.I)
SEARCH_PAGE = re.compile(r"/(?:search|so|s|plus/search|e/search|cgi-bin/search|jsearch)"
                         r"(?:[./?]|$)|[?&](?:q|wd|kw|keyword|keywords|searchword|query)=",
                         re.I)
ERROR_PAGE = re.compile(r"/(?:404|50\d|error|err|notfound|not_found|not-found)(?:[./?]|$)",
                        re.I)


@dataclass(frozen=True)
class UrlScheme:
    """One way a site lays out its URLs.

    ``article`` has groups ``column`` and ``id``; ``listing`` groups ``column``
    and ``page`` (absent or empty on a column's first page). ``column`` is what
    a column key of this scheme looks like (for ``categories=`` and ``ids=``).
    """

    name: str
    article: Pattern[str]
    listing: Pattern[str]
    column: Pattern[str]
    article_url: str  # {column}, {id}
    listing_url: str  # {column}: the column's first listing page


@dataclass(frozen=True)
class Selectors:
    """CSS selectors other crawlers of the site used (SITES.md). They confirm
    what the layout-independent extractor finds; none is required to match."""

    title: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    info: tuple[str, ...] = ()
    breadcrumb: tuple[str, ...] = ()
    editor: tuple[str, ...] = ()


@dataclass(frozen=True)
class Site:
    name: str
    label: str  # the site's own name, as pages print it
    # How pages name the site (or the network it belongs to): cut from <title>,
    # never a headline, the breadcrumb's root.
    names: tuple[str, ...]
    # Hosts; a leading dot means "this domain and its subdomains".
    hosts: tuple[str, ...]
    homes: tuple[str, ...]  # where a full crawl starts
    schemes: tuple[UrlScheme, ...]
    columns: dict[str, str]  # known column key -> its name on the site
    rules: SiteRules
    selectors: Selectors = field(default_factory=Selectors)
    # Hosts under ``hosts`` that are another product, never crawled (e-papers).
    excluded_hosts: tuple[str, ...] = ()
    # URL rewrites to the canonical copy of the same page: (pattern, replacement).
    aliases: tuple[tuple[Pattern[str], str], ...] = ()
    # Article ids: one sequence across all columns (an id walk tries every
    # column for each id) or one per column (it walks each column in turn).
    shared_ids: bool = False
    # Home pages besides ``homes`` that a crawl follows when linked (the
    # sub-sites on other hosts of the same site).
    home_pages: Pattern[str] | None = None
    # One article and one listing page the seeds and SITES.md show: the pages
    # ``scrapy check`` runs each spider's contracts on (the replica serves them).
    sample_article: str | None = None
    sample_listing: str | None = None

    # --- hosts -------------------------------------------------------------

    def owns_host(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        if host in self.excluded_hosts:
            return False
        for allowed in self.hosts:
            if allowed.startswith("."):
                if host == allowed[1:] or host.endswith(allowed):
                    return True
            elif host == allowed:
                return True
        return False

    # --- URLs ----------------------------------------------------------------

    def canonical_alias(self, url: str) -> str:
        for pattern, replacement in self.aliases:
            url = pattern.sub(replacement, url)
        return url

    def article_match(self, url: str) -> re.Match[str] | None:
        for scheme in self.schemes:
            m = scheme.article.match(url)
            if m:
                return m
        return None

    def listing_match(self, url: str) -> re.Match[str] | None:
        for scheme in self.schemes:
            m = scheme.listing.match(url)
            if m:
                return m
        return None

    def is_home(self, url: str) -> bool:
        return self.home_pages is not None and self.home_pages.match(url) is not None

    def is_article(self, url: str) -> bool:
        return self.article_match(url) is not None

    def page_kind(self, url: str) -> str:
        """What a URL of this site is: ``article``, ``home``, ``listing``,
        ``search``, ``error`` (a /404.html) or ``other``."""
        if self.is_article(url):
            return "article"
        if self.is_home(url) or ROOT_PAGE.match(url) or url in self.homes:
            return "home"
        if SEARCH_PAGE.search(url):
            return "search"
        if ERROR_PAGE.search(url):
            return "error"
        return "listing" if self.listing_match(url) else "other"

    def column_of(self, url: str) -> str | None:
        """The column an article or listing URL belongs to."""
        m = self.article_match(url) or self.listing_match(url)
        return m["column"] if m else None

    def scheme_for_column(self, column: str) -> UrlScheme | None:
        for scheme in self.schemes:
            if scheme.column.fullmatch(column):
                return scheme
        return None

    def listing_for(self, column: str) -> str:
        scheme = self.scheme_for_column(column)
        if scheme is None:
            raise ValueError(f"{column!r} is not a column of {self.name}")
        return scheme.listing_url.format(column=column)

    def article_for(self, column: str, number: int) -> str:
        scheme = self.scheme_for_column(column)
        if scheme is None:
            raise ValueError(f"{column!r} is not a column of {self.name}")
        return scheme.article_url.format(column=column, id=number)

    def column_problem(self, column: str) -> str | None:
        """Why ``column`` cannot be a column of this site, or ``None``."""
        if self.scheme_for_column(column) is not None:
            return None
        forms = " or ".join(s.column.pattern for s in self.schemes)
        return f"{column!r} is not a column of {self.name} ({forms})"


def in_column(column: str | None, wanted: tuple[str, ...]) -> bool:
    """Whether ``column`` is one of ``wanted`` or nested below one of them."""
    if column is None:
        return False
    return any(column == w or column.startswith(w + "/") for w in wanted)
