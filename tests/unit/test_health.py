"""Run health (crawler.health): which finished crawls exit nonzero, and why."""

from __future__ import annotations

from typing import Any

import pytest

from crawler.config import project_settings
from crawler.health import failed_reasons

LIMITS = project_settings({})
HEALTHY = {"finish_reason": "finished", "pages/home": 1, "pages/listing": 12,
           "listing/discovered": 300, "item_scraped_count": 290,
           "extract/body/selector": 295, "fetch/failed/article": 2,
           "fetch/failed/reason_count/http_503": 2}


def reasons(**changes: Any) -> list[str]:
    return failed_reasons({**HEALTHY, **changes}, LIMITS)


def test_a_healthy_run_has_no_reason() -> None:
    assert reasons() == []


@pytest.mark.parametrize(("changes", "expected"), [
    ({"finish_reason": "shutdown"}, "did not finish (shutdown)"),
    ({"robotstxt/unreachable": 1, "robotstxt/unreachable/http_503": 1},
     "robots.txt of 1 host unreachable (http_503)"),
    ({"pages/home": 0, "pages/listing": 0, "fetch/failed/home": 1,
      "fetch/failed/reason_count/connection_refused": 1},
     "no listing could be read (1 page failed: "),
    ({"item_scraped_count": 0, "extract/body/selector": 0, "extract/dropped/no_article": 290},
     "nothing exported although listings named 300 new articles (no_article 290"),
    ({"fetch/failed/article": 120}, "failed share 29% of 415 article pages"),
    ({"backoff/challenge": 40, "fetch/failed/article": 42}, "challenged share 12%"),
    ({"extract/fallback": 290}, "fallback share 98%"),
    ({"input/bad_line": 3}, "3 input lines could not be used"),
    ({"signal/handler_error/count": 1, "signal/handler_error/FeedExporter.open_spider": 1},
     "1 exception raised in signal handlers (FeedExporter.open_spider 1)"),
])
def test_each_rule_fails_a_run_with_one_line(changes: dict[str, Any], expected: str) -> None:
    found = reasons(**changes)
    assert len(found) >= 1 and any(expected in r for r in found), found
    assert all("\n" not in r for r in found)


def test_a_window_run_whose_articles_were_all_judged_does_not_fail() -> None:
    # Every article dropped as outside the window or a duplicate: a judgement.
    assert reasons(item_scraped_count=0, item_dropped_count=290) == []
    assert reasons(finish_reason="max_items") == []
    # Old templates in a backfill come by the fallback: expected there.
    assert reasons(**{"extract/fallback": 290, "crawl/backfill": 1}) == []
    # Several template eras at once: half by the fallback is no failure.
    assert reasons(**{"extract/fallback": 150}) == []


def errors(count: int, name: str = "ValueError") -> dict[str, int]:
    return {"extract/error": count, f"extract/error/{name}": count}


def test_extraction_errors_over_their_share_fail_a_run_with_one_line() -> None:
    # 5 of 302 article pages tried (2 failed fetches, 295 extracted, 5 raised): 1.66 %.
    [reason] = reasons(**errors(5))
    assert reason == ("extraction raised on 5 of 302 article pages (1.66%: ValueError 5), "
                      "above the limit 1% (HEALTH_MAX_ERROR_SHARE): a bug in extraction "
                      "(see the ERROR lines)")
    # The setting moves the limit.
    assert failed_reasons({**HEALTHY, **errors(5)},
                          project_settings({"HEALTH_MAX_ERROR_SHARE": "0.02"})) == []


def test_extraction_errors_within_their_share_do_not_fail_a_run() -> None:
    assert reasons(**errors(2)) == []  # 2 of 299: 0.67 %, pending for the next run
    assert reasons(**errors(3)) == []  # 3 of 300: exactly 1 %, not above it
    assert len(reasons(**errors(4))) == 1  # 4 of 301: above it


def test_a_tiny_run_fails_on_its_first_extraction_error() -> None:
    # Unlike the other shares, no minimum of pages: each error is a bug.
    tiny = {"finish_reason": "finished", "extract/body/selector": 2,
            "item_scraped_count": 2}
    assert failed_reasons(tiny, LIMITS) == []
    [reason] = failed_reasons({**tiny, **errors(1, "KeyError")}, LIMITS)
    assert "extraction raised on 1 of 3 article pages (33.3%: KeyError 1)" in reason
    [reason] = failed_reasons({"finish_reason": "finished", **errors(1)}, LIMITS)
    assert "extraction raised on 1 of 1 article pages (100%: ValueError 1)" in reason


def test_any_exception_in_a_spider_callback_fails_a_run() -> None:
    raised = {"spider_exceptions/count": 3, "spider_exceptions/KeyError": 2,
              "spider_exceptions/TypeError": 1}
    assert failed_reasons(raised) == [
        "3 exceptions raised in spider callbacks (KeyError 2, TypeError 1): a bug; "
        "their pages were not processed (see the ERROR lines)"]
    assert reasons(**raised)[0].startswith("3 exceptions raised in spider callbacks")
    assert failed_reasons({"spider_exceptions/count": 0}) == []


def test_pages_whose_body_was_anchored_to_the_headline_count_as_extracted() -> None:
    # 290 anchored records and 12 failed fetches: a 4 % failed share, within limits;
    # were they not counted as article pages, the share would be 100 %.
    anchored = {"extract/body/selector": 0, "extract/body/anchored": 290,
                "fetch/failed/article": 12}
    assert reasons(**anchored) == []
