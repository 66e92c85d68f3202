"""What a backfill knows before it asks (crawler.backfill) and how a long run
tells its progress and end time (crawler.runs)."""

from __future__ import annotations

import datetime as dt

from crawler.backfill import NEIGHBOUR_MARGIN, IdFacts, listings_first, outside_window
from crawler.runs import eta_seconds, progress_line, summary_lines

COLUMNS = ["xw/dzyw", "xw/jjgz", "xw/gxdt", "ly/kbmj", "wh/kbwh"]


def test_a_listed_id_is_tried_in_its_own_column_first() -> None:
    facts = IdFacts()
    facts.add("wh/kbwh", 100, "2022-03-01")
    assert facts.order(100, COLUMNS)[0] == "wh/kbwh"
    assert sorted(facts.order(100, COLUMNS)) == sorted(COLUMNS)  # every column, once


def test_nearest_neighbours_then_the_columns_that_hold_most_ids_near() -> None:
    facts = IdFacts()
    for number, column in [(90, "ly/kbmj"), (99, "xw/gxdt"), (102, "xw/jjgz"),
                           (103, "ly/kbmj"), (104, "ly/kbmj"), (500, "wh/kbwh")]:
        facts.add(column, number)
    order = facts.order(100, COLUMNS)
    assert order[:2] == ["xw/gxdt", "xw/jjgz"]  # 99 and 102: the nearest either side
    assert order[2] == "ly/kbmj"  # three ids near 100
    assert order[-1] == "wh/kbwh" or order.index("wh/kbwh") > 2  # far away: no weight


def test_unknown_ids_keep_the_given_order() -> None:
    assert IdFacts().order(7, COLUMNS) == COLUMNS


def test_day_bounds_come_from_the_nearest_dated_ids() -> None:
    facts = IdFacts()
    facts.add("xw/dzyw", 10, "2021-05-01")
    facts.add("xw/dzyw", 15)  # undated: not a bound
    facts.add("ly/kbmj", 20, "2021-06-01")
    assert facts.day_bounds(12) == (dt.date(2021, 5, 1), dt.date(2021, 6, 1))
    assert facts.day_bounds(5) == (None, dt.date(2021, 5, 1))
    assert facts.day_bounds(25) == (dt.date(2021, 6, 1), None)
    assert facts.day_bounds(20) == (dt.date(2021, 5, 1), None)


def test_neighbours_leave_an_article_out_only_by_more_than_the_margin() -> None:
    since, until = dt.date(2022, 1, 1), dt.date(2022, 12, 31)
    just_before = since - NEIGHBOUR_MARGIN + dt.timedelta(days=1)
    assert not outside_window((None, just_before), since, until)
    assert outside_window((None, since - NEIGHBOUR_MARGIN - dt.timedelta(days=1)), since, until)
    assert outside_window((until + NEIGHBOUR_MARGIN + dt.timedelta(days=1), None), since, until)
    assert not outside_window((dt.date(2021, 12, 1), dt.date(2022, 2, 1)), since, until)
    assert not outside_window((None, None), since, until)


def test_listings_first_when_they_cost_fewer_requests() -> None:
    # 900 newer articles, 15 a page: 61 pages, against 200 ids x 4 wrong guesses.
    assert listings_first(58899, 58000, 58199, 9, known_share=0.0)
    # The range is known already: a walk guesses right.
    assert not listings_first(58899, 58000, 58199, 9, known_share=1.0)
    # 30,000 newer articles for 100 ids in 3 columns: walk.
    assert not listings_first(130_000, 100_000, 100_099, 3, known_share=0.0)
    assert listings_first(None, 1, 2, 9, 0.0)


def test_progress_line_gives_requests_a_record_and_the_time_left() -> None:
    stats = {"ids/total": 1000, "ids/found": 180, "ids/not_found": 20,
             "downloader/request_count": 300, "pages/listing": 50, "pages/home": 1,
             "item_scraped_count": 180}
    # 249 article requests for 200 ids; 800 ids left at 10 requests a second.
    eta = eta_seconds(stats, rate=10.0)
    assert eta is not None and abs(eta - 800 * 249 / 200 / 10) < 1e-6
    line = progress_line(stats, rate=10.0)
    assert line is not None
    assert "ids 200 of 1000 tried (20%)" in line and "1.67 requests a record" in line
    assert "about 1 min 40 s left" in line
    assert progress_line(stats) is not None and "left" not in (progress_line(stats) or "")


def test_summary_names_requests_a_record_the_plan_and_a_high_not_found_share() -> None:
    stats = {"ids/found": 10, "ids/not_found": 30, "downloader/request_count": 95,
             "item_scraped_count": 10, "crawl/backfill": 1}
    lines = "\n".join(summary_lines("fissico", stats, [], delay=1.0))
    assert "requests: 95 for 10 records (9.50 a record)" in lines
    assert "a column the crawler does not know of may hold them" in lines
    plan = {"dry_run/articles": 200, "pages/listing": 69, "pages/home": 1,
            "downloader/request_count": 72}
    lines = "\n".join(summary_lines("fissico", plan, [], delay=1.0))
    assert "dry run: 70 home and listing pages read, 200 article requests planned: " \
           "272 requests, about 4 min 32 s at DOWNLOAD_DELAY=1" in lines
