"""Whether a finished crawl should end with a failing exit status, from its stats.

``scrapy crawl`` (``crawler.commands.crawl``) calls ``failed_reasons`` once the
crawl is over and, when it returns anything, prints each reason on one line
and exits with status 1 (2 is kept for a run that never started: a bad
argument or setting). Each rule reads only stats, so a rule can be tested on
a plain dict, and the saved stats of a run (STATE_DIR/runs) can be judged
again later. Rules:

- interrupted: ``finish_reason`` other than finished / max_items (a SIGTERM,
  a kill by the memory or time limit extensions);
- robots_blocked: a host's robots.txt unreachable (RFC 9309: nothing fetched);
- listings_unreadable: home and listing pages asked for, none read;
- nothing_exported: listings named new articles, none was exported;
- input_problems: input lines or files the run could not use;
- callback_exceptions: an exception raised in a spider callback outside
  extraction (Scrapy's ``spider_exceptions/count``): a bug in the crawler, so
  the pages it was raised on were not processed; any one fails the run;
- handler_exceptions: an exception Scrapy caught in a signal handler
  (``signal/handler_error/count``: a feed that could not open, a component's
  bug): its work was not done; any one fails the run;
- shares_over_limits: failed fetches, bot checks or extraction fallbacks over
  their share of the article pages (``HEALTH_MAX_*_SHARE``; fallbacks not in a
  backfill, which reads older templates);
- template_change: the run's layout profile shifted against the site's own
  history (``layout/alarm/<site>``, set by ``crawler.state.history`` before
  the stats are saved), unless ``HEALTH_TEMPLATE_CHANGE`` is warn or off;
- extraction_errors: pages whose extraction raised an unexpected exception
  (``extract/error``; a crawl keeps them pending, a re-fetch gives each an
  ``error`` record) over ``HEALTH_MAX_ERROR_SHARE`` of the article pages tried,
  judged on runs of any size.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from crawler.state.history import NOT_JUDGED


def _count(stats: Mapping[str, Any], key: str) -> int:
    value = stats.get(key) or 0
    return int(value) if isinstance(value, int | float) else 0


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def input_problems(stats: Mapping[str, Any]) -> list[str]:
    """Input the run could not use: bad lines (``input/bad_line``, e.g. a line of
    a URL list that is no URL) and unusable files (``input/bad_file``, e.g. a
    symbolic link). Each was logged as ``file:line: reason`` and reported as an
    ``error`` record; the rest of the input was processed."""
    reasons = []
    lines = _count(stats, "input/bad_line")
    files = _count(stats, "input/bad_file")
    if lines:
        reasons.append(f"{_plural(lines, 'input line')} could not be used (see log)")
    if files:
        reasons.append(f"{_plural(files, 'input file')} could not be used (see log)")
    return reasons


def robots_blocked(stats: Mapping[str, Any]) -> list[str]:
    """robots.txt unreachable (5xx, a bot check, no answer): RFC 9309 says
    nothing on that host may be fetched, so the run could not do its work."""
    hosts = _count(stats, "robotstxt/unreachable")
    if not hosts:
        return []
    why = sorted(k.removeprefix("robotstxt/unreachable/") for k in stats
                 if k.startswith("robotstxt/unreachable/"))
    return [f"robots.txt of {_plural(hosts, 'host')} unreachable ({', '.join(why)}): "
            "nothing on it was fetched (RFC 9309); the pages wait for the next run"]


def listings_unreadable(stats: Mapping[str, Any]) -> list[str]:
    """Not one home or listing page read although some were asked for: the
    site is down, blocks the crawler, or moved."""
    failed = _count(stats, "fetch/failed/home") + _count(stats, "fetch/failed/listing")
    read = _count(stats, "pages/home") + _count(stats, "pages/listing")
    if failed and not read:
        return [f"no listing could be read ({_plural(failed, 'page')} failed: "
                f"{_top_reasons(stats)})"]
    return []


def nothing_exported(stats: Mapping[str, Any]) -> list[str]:
    """Listings named articles no earlier run exported, yet none was exported."""
    discovered = _count(stats, "listing/discovered")
    # Dropped by a pipeline (a duplicate, outside the window) is a judgement,
    # not a failure: only a run where no article even became a record fails.
    if discovered and not _count(stats, "item_scraped_count") \
            and not _count(stats, "item_dropped_count"):
        return [f"nothing exported although listings named {_plural(discovered, 'new article')}"
                f" ({_top_reasons(stats)})"]
    return []


def _top_reasons(stats: Mapping[str, Any], n: int = 3) -> str:
    found = sorted(((int(v), k.rsplit("/", 1)[1]) for k, v in stats.items()
                    if k.startswith(("fetch/failed/reason_count/", "extract/dropped/",
                                     "extract/error/"))
                    and isinstance(v, int)), reverse=True)
    return ", ".join(f"{reason} {count}" for count, reason in found[:n]) or "no reason counted"


def _by_type(stats: Mapping[str, Any], prefix: str) -> str:
    """``ValueError 3, KeyError 1`` from counters ``<prefix><ExceptionType>``."""
    found = sorted(((int(v), k.removeprefix(prefix)) for k, v in stats.items()
                    if k.startswith(prefix) and k != f"{prefix}count" and isinstance(v, int)),
                   key=lambda pair: (-pair[0], pair[1]))
    return ", ".join(f"{name} {count}" for count, name in found)


def callback_exceptions(stats: Mapping[str, Any]) -> list[str]:
    """Exceptions raised in spider callbacks outside extraction: a bug in the
    crawler's own code (a listing's walk, an article's routing), not a page's
    fault; the pages they were raised on were not processed."""
    raised = _count(stats, "spider_exceptions/count")
    if not raised:
        return []
    return [f"{_plural(raised, 'exception')} raised in spider callbacks "
            f"({_by_type(stats, 'spider_exceptions/')}): a bug; their pages were not "
            "processed (see the ERROR lines)"]


def handler_exceptions(stats: Mapping[str, Any]) -> list[str]:
    """Exceptions Scrapy caught in signal handlers and went on: the component's
    work (opening an output, keeping state) was not done."""
    raised = _count(stats, "signal/handler_error/count")
    if not raised:
        return []
    return [f"{_plural(raised, 'exception')} raised in signal handlers "
            f"({_by_type(stats, 'signal/handler_error/')}): a component's work was not "
            "done (see the ERROR lines)"]


@dataclass(frozen=True)
class ArticlePages:
    """What became of the article pages a run tried; each page is in one count."""

    failed: int  # the fetch failed
    extracted: int  # a record
    dropped: int  # no article (ExtractionError)
    errors: int  # extraction raised an unexpected exception

    @classmethod
    def of(cls, stats: Mapping[str, Any]) -> ArticlePages:
        return cls(
            failed=_count(stats, "fetch/failed/article"),
            # however the body was found: selector, density, anchored
            extracted=sum(int(v) for k, v in stats.items()
                          if k.startswith("extract/body/") and isinstance(v, int)),
            dropped=sum(int(v) for k, v in stats.items()
                        if k.startswith("extract/dropped/") and isinstance(v, int)),
            errors=_count(stats, "extract/error"))

    @property
    def tried(self) -> int:
        return self.failed + self.extracted + self.dropped + self.errors


def _percent(share: float) -> str:
    return f"{share * 100:.3g}%"


def extraction_errors(stats: Mapping[str, Any], limits: Limits) -> list[str]:
    """Pages whose extraction raised (a bug, not a page without an article)
    beyond HEALTH_MAX_ERROR_SHARE of the article pages tried. No minimum of
    pages, unlike the other shares: each error is a bug, and the share is only
    a tolerance that a large run earns."""
    pages = ArticlePages.of(stats)
    if not pages.errors or pages.errors / pages.tried <= limits.health_max_error_share:
        return []
    return [f"extraction raised on {pages.errors} of {pages.tried} article pages "
            f"({_percent(pages.errors / pages.tried)}: {_by_type(stats, 'extract/error/')}), "
            f"above the limit {_percent(limits.health_max_error_share)} "
            "(HEALTH_MAX_ERROR_SHARE): a bug in extraction (see the ERROR lines)"]


def shares_over_limits(stats: Mapping[str, Any], limits: Limits) -> list[str]:
    """Failed fetches, bot checks or extraction fallbacks beyond their share of
    the article pages tried (HEALTH_MAX_* settings)."""
    pages = ArticlePages.of(stats)
    tried = pages.tried
    if tried < 10:
        return []  # too few to judge by shares
    shares = {"failed": (pages.failed + pages.dropped) / tried,
              "challenged": _count(stats, "backoff/challenge") / tried}
    if not _count(stats, "crawl/backfill") and not judged_by_history(stats):
        # Today's pages found by density alone: the site's selectors stopped
        # holding (a new template). A backfill reads older templates, where
        # that is expected (the replica's 2019 sxnews pages: 90 %). A run the
        # template-change alarm judged against the site's history (or whose
        # layout was accepted as the new normal) is left to that judgement.
        shares["fallback"] = _count(stats, "extract/fallback") / max(1, pages.extracted)
    return [f"{name} share {value:.0%} of {tried} article pages is above the limit "
            f"{getattr(limits, f'health_max_{name}_share'):.0%} "
            f"(HEALTH_MAX_{name.upper()}_SHARE)"
            for name, value in shares.items()
            if value > getattr(limits, f"health_max_{name}_share")]


def judged_by_history(stats: Mapping[str, Any]) -> bool:
    """Every site of the run was judged against its own history by the
    template-change alarm (crawler.state.history), or accepted as a new normal."""
    verdicts = {k.removeprefix("layout/baseline/"): str(v) for k, v in stats.items()
                if k.startswith("layout/baseline/")}
    return bool(verdicts) and all(
        not basis.startswith(NOT_JUDGED) or stats.get(f"layout/accepted/{site}")
        for site, basis in verdicts.items())


def interrupted(stats: Mapping[str, Any]) -> list[str]:
    reason = stats.get("finish_reason")
    if reason in (None, "finished", "max_items", "closespider_itemcount"):
        return []
    return [f"the crawl did not finish ({reason}); run the same command again to complete it"]


def template_change(stats: Mapping[str, Any], limits: Limits) -> list[str]:
    """A site whose layout moved against its history: the alarm's own line."""
    if limits.health_template_change != "fail":
        return []
    if stats.get("layout/judge_error"):
        return [f"the template-change alarm could not judge the run ({stats['layout/judge_error']}"
                "): a bug; see the ERROR line"]
    return [str(value) + " (HEALTH_TEMPLATE_CHANGE=warn to warn only; "
            "HEALTH_TEMPLATE_ACCEPT=True once the new layout is checked)"
            for key, value in sorted(stats.items())
            if key.startswith("layout/alarm/") and value]


class Limits(Protocol):
    """The shares a run may reach (``HEALTH_MAX_*``, crawler.config)."""

    health_max_failed_share: float
    health_max_challenged_share: float
    health_max_fallback_share: float
    health_max_error_share: float
    health_template_change: str


# Each rule reads stats only: a list of data the report and monitors can share.
RULES: tuple[Callable[[Mapping[str, Any]], list[str]], ...] = (
    interrupted, robots_blocked, listings_unreadable, nothing_exported, input_problems,
    callback_exceptions, handler_exceptions)


def failed_reasons(stats: Mapping[str, Any], limits: Limits | None = None) -> list[str]:
    """One line per reason the run failed; empty when it did not. ``limits``
    (the project settings) adds the share rules."""
    reasons = [reason for rule in RULES for reason in rule(stats)]
    if limits is not None:
        reasons += shares_over_limits(stats, limits) + extraction_errors(stats, limits) \
            + template_change(stats, limits)
    return reasons
