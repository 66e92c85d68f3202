"""The run history and the template-change alarm (crawler.state.history), on
profiles built from counters as a crawl counts them."""

from __future__ import annotations

import datetime as dt
import json
import math
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from crawler.config import project_settings
from crawler.extract.layout import length_bucket, page_layout, shape_of
from crawler.health import failed_reasons
from crawler.runs import write_run_stats
from crawler.state.history import (
    Limits,
    Run,
    SiteProfile,
    compare,
    fisher_less,
    fisher_more,
    judge,
    load_runs,
    profiles,
    record_verdicts,
    run_kind,
)

LIMITS = Limits()
FIELDS = {"published_at": "2026-12-05T08:30:00+08:00", "author": "李明", "source": "山西日报",
          "editor": "王芳", "category": ["要闻"], "tags": [], "subtitle": None}


def page(text_len: int = 800, body: str = "div#rwb_zw", info: str = "div.left1",
         how: str = "selector", **fields: Any) -> dict[str, int]:
    record = {**FIELDS, **fields, "text": "字" * text_len}
    return page_layout(record, how, title_from_body=False, headline_only=False,
                       body_shape=body, info_shape=info)


def run_stats(site: str, pages: list[dict[str, int]], **extra: Any) -> dict[str, Any]:
    stats: dict[str, Any] = {"deltafetch/known_at_start": 100, "finish_reason": "finished",
                             **extra}
    for counts in pages:
        for key, value in counts.items():
            stats[f"layout/{site}/{key}"] = stats.get(f"layout/{site}/{key}", 0) + value
    return stats


def usual(n: int, author_every: int = 1) -> list[dict[str, int]]:
    """``n`` pages of the usual layout; every ``author_every``-th has an author."""
    return [page(700 + 13 * i, author="李明" if i % author_every == 0 else None)
            for i in range(n)]


_times = count()


def history(tmp_path: Path, *stats: dict[str, Any]) -> list[Run]:
    """``stats`` saved as runs one day apart in a new folder, read back."""
    folder = tmp_path / f"runs{next(_times)}" / "sxnews"
    for day, one in enumerate(stats):
        at = dt.datetime(2026, 11, 1, 3, tzinfo=dt.UTC) + dt.timedelta(days=day)
        write_run_stats(folder, {"start_time": at, **one}, at)
    runs, problems = load_runs(folder, "sxnews")
    assert problems == []
    return runs


def verdict(current: dict[str, Any], runs: list[Run], accept: bool = False,
            confirm_runs: int = 3) -> Any:
    [one] = judge(current, "sxnews", runs, runs=5, limits=LIMITS, accept=accept,
                  confirm_runs=confirm_runs, started="2026-12-07 03:00")
    return one


# --- the test statistic --------------------------------------------------------------------


def brute_less(k: int, n: int, big_k: int, big_n: int) -> float:
    total, hits = big_n + n, big_k + k
    return sum(math.comb(hits, x) * math.comb(total - hits, n - x)
               for x in range(0, k + 1)) / math.comb(total, n)


@pytest.mark.parametrize(("k", "n", "big_k", "big_n"),
                         [(0, 5, 9, 10), (3, 10, 30, 40), (12, 20, 60, 100), (20, 20, 97, 100),
                          (1, 1, 0, 3)])
def test_fisher_tail_is_the_hypergeometric_sum(k: int, n: int, big_k: int, big_n: int) -> None:
    assert fisher_less(k, n, big_k, big_n) == pytest.approx(brute_less(k, n, big_k, big_n))
    # the upper tail is the lower tail of the complement
    assert fisher_more(k, n, big_k, big_n) == pytest.approx(
        brute_less(n - k, n, big_n - big_k, big_n))


def test_the_test_knows_the_sample_size() -> None:
    # The same drop of a share (60 % -> 40 %): chance on 20 pages, not on 2,000.
    assert fisher_less(8, 20, 300, 500) > 0.05
    assert fisher_less(800, 2000, 300, 500) < 1e-10
    # 20 pages of 20 without a date against 97 of 100: no chance at all.
    assert fisher_less(0, 20, 97, 100) < 1e-19


# --- profiles --------------------------------------------------------------------------------


def test_profile_reads_the_counters_of_each_site() -> None:
    stats = {**run_stats("sxnews", usual(10)), **run_stats("fissico", usual(4, 2)),
             "layout/alarm/sxnews": "x", "layout/baseline/sxnews": "y", "other/key": 3}
    found = profiles(stats)
    assert set(found) == {"sxnews", "fissico"}
    assert found["fissico"].pages == 4 and found["fissico"].share("field/author") == 0.5
    assert found["sxnews"].share("field/time") == 1.0


def test_median_length_within_ten_percent() -> None:
    lengths = [120, 300, 800, 810, 5000]
    profile = SiteProfile("s", {})
    for n in lengths:
        key = f"length/{length_bucket(n)}"
        profile.counts[key] = profile.counts.get(key, 0) + 1
    median = profile.median_length()
    assert median is not None and abs(median - 800) / 800 < 0.1


def test_shape_names_the_container_and_folds_digits() -> None:
    from lxml import html

    root = html.fromstring("<div class='main'><div><p id='c123'>x</p><span>y</span></div>"
                           "<section><div><div><b>z</b></div></div></section></div>")
    assert shape_of(root.xpath("//p")[0]) == "p#cN"
    assert shape_of(root.xpath("//span")[0]) == "div.main>div>span"
    assert shape_of(root.xpath("//b")[0]) == "div>div>b"  # three steps at most
    assert shape_of(None) == "none"


# --- the comparison --------------------------------------------------------------------------


def pooled(pages: list[dict[str, int]]) -> SiteProfile:
    return profiles(run_stats("sxnews", pages))["sxnews"]


def test_lost_dates_on_a_small_run_are_a_shift() -> None:
    base = pooled(usual(97) + [page(published_at=None) for _ in range(3)])
    small = pooled([page(published_at="2026-12-05") for _ in range(2)]
                   + [page(published_at=None) for _ in range(18)])
    shifts = {s.what: s for s in compare(small, base, LIMITS)}
    assert shifts["date coverage"].before == pytest.approx(0.97)
    assert shifts["date coverage"].after == pytest.approx(0.1)
    assert shifts["time of day coverage"].after == 0
    assert "author coverage" not in shifts


def test_chance_variation_of_a_small_run_is_no_shift() -> None:
    base = pooled([page(author="李") for _ in range(400)]
                  + [page(author=None) for _ in range(600)])
    assert base.share("field/author") == pytest.approx(0.4)
    # 3 of 20 with an author (15 %): a drop of 25 points, and chance (p 0.02).
    small = pooled([page(author="李" if i < 3 else None) for i in range(20)])
    assert compare(small, base, LIMITS) == []
    # The same share over 200 pages is no chance.
    large = pooled([page(author="李" if i < 30 else None) for i in range(200)])
    assert [s.what for s in compare(large, base, LIMITS)] == ["author coverage"]


def test_a_new_body_container_is_named_with_its_share() -> None:
    base = pooled(usual(60) + [page(body="div#picG", info="p.pic_info") for _ in range(10)])
    switched = pooled(usual(9) + [page(body="div.article-con", info="div.info", how="density")
                                  for _ in range(16)])
    shifts = [s.describe() for s in compare(switched, base, LIMITS)]
    assert "new body container div.article-con on 64% of pages" in shifts
    assert "new info line div.info on 64% of pages" in shifts
    assert any(s.startswith("body by the site's selectors 100% → 36%") for s in shifts)


def test_a_known_template_in_another_mix_is_no_shift() -> None:
    # A first crawl's mix of eras against a nightly run of today's pages only.
    base = pooled(usual(30) + [page(body="div.old", info="td.old", how="density",
                                    author=None) for _ in range(70)])
    today = pooled(usual(20))
    assert compare(today, base, LIMITS) == []


# --- judging a run against its history -------------------------------------------------------


def test_only_nightly_runs_are_judged(tmp_path: Path) -> None:
    runs = history(tmp_path, run_stats("sxnews", usual(100)))
    blank = run_stats("sxnews", [page(author=None) for _ in range(30)])
    assert "author coverage" in (verdict(blank, runs).alarm or "")
    for extra, kind in (({"crawl/backfill": 1}, "a backfill"),
                        ({"deltafetch/known_at_start": 0}, "an initial crawl")):
        one = verdict({**blank, **extra}, runs)
        assert one.alarm is None and one.baseline == f"not judged: {kind}"
    assert run_kind({}, "refetch") == "refetch"


def test_runs_completing_an_unfinished_first_crawl_are_initial(tmp_path: Path) -> None:
    # A first crawl stopped (SIGTERM) and cut by max_items: the runs after it
    # read the rest of the site's listings, older templates, and are no nightly.
    first = run_stats("sxnews", usual(100), **{"deltafetch/known_at_start": 0,
                                                "finish_reason": "shutdown"})
    limited = run_stats("sxnews", usual(100), finish_reason="max_items")
    runs = history(tmp_path, first, limited)
    assert [r.kind for r in runs] == ["initial", "nightly"]  # as saved without a kind
    rest = run_stats("sxnews", [page(body="div.old", author=None) for _ in range(50)])
    assert run_kind(rest, "sxnews", runs) == "initial"
    assert verdict(rest, runs).baseline == "not judged: an initial crawl"
    # Once a crawl has finished, the next one is a nightly run.
    done = history(tmp_path, first, run_stats("sxnews", usual(100)))
    assert run_kind(rest, "sxnews", done) == "nightly"


def test_too_short_a_history_is_not_judged(tmp_path: Path) -> None:
    runs = history(tmp_path, run_stats("sxnews", usual(12)))
    one = verdict(run_stats("sxnews", [page(published_at=None) for _ in range(30)]), runs)
    assert one.alarm is None and one.baseline.startswith("not judged: 12 pages in 1 earlier")


def test_alarm_then_confirmation_after_runs_in_a_row(tmp_path: Path) -> None:
    switched = run_stats("sxnews", [page(body="div.article-con", how="density",
                                         published_at="2026-12-05") for _ in range(25)])
    stored = [run_stats("sxnews", usual(40)) for _ in range(3)]
    alarms = []
    for _ in range(3):
        runs = history(tmp_path, *stored)
        one = verdict(switched, runs)
        assert one.alarm is not None
        alarms.append(one.alarm)
        stored.append({**switched, "layout/alarm/sxnews": one.alarm})
    # The first alarm dates the change; the later ones keep that date.
    assert "since 2026-12-07 03:00 UTC" in alarms[0]
    assert all("since 2026-11-04 03:00 UTC" in a for a in alarms[1:])  # the 4th run's
    assert "time of day coverage 100% → 0%" in alarms[0]
    assert "new body container div.article-con on 100% of pages" in alarms[0]
    # Three in a row: the fourth run is judged against them, and is quiet.
    runs = history(tmp_path, *stored)
    one = verdict(switched, runs)
    assert one.alarm is None and one.accepted == "after 3 runs in a row with the alarm"
    # Off: the alarms go on.
    assert verdict(switched, runs, confirm_runs=0).alarm is not None


def test_an_accepted_run_starts_the_new_baseline(tmp_path: Path) -> None:
    switched = run_stats("sxnews", [page(body="div.article-con", how="density",
                                         published_at="2026-12-05") for _ in range(25)])
    first = verdict(switched, history(tmp_path, run_stats("sxnews", usual(100))), accept=True)
    assert first.alarm is None and first.accepted == "HEALTH_TEMPLATE_ACCEPT"
    stats = dict(switched)

    class Stats(dict[str, Any]):
        def set_value(self, key: str, value: Any) -> None:
            self[key] = value

    collected = Stats(stats)
    record_verdicts(collected, [first], "nightly")
    runs = history(tmp_path, dict(collected))
    later = verdict(switched, runs)
    assert later.alarm is None and later.baseline == "1 run, 25 pages"


def test_alarm_fails_the_run_unless_warn(tmp_path: Path) -> None:
    stats = {"finish_reason": "finished",
             "layout/alarm/sxnews": "sxnews: template change suspected since x: y"}
    [reason] = failed_reasons(stats, project_settings({}))
    assert reason.startswith("sxnews: template change suspected")
    assert failed_reasons(stats, project_settings({"HEALTH_TEMPLATE_CHANGE": "warn"})) == []


def test_unreadable_run_files_are_named_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "runs" / "sxnews"
    write_run_stats(folder, run_stats("sxnews", usual(3)), dt.datetime(2026, 12, 1,
                                                                       tzinfo=dt.UTC))
    (folder / "2026-12-02T03-00-00Z.json").write_text("{not json", "utf-8")
    (folder / "2026-12-03T03-00-00Z.json").write_text(json.dumps([1]), "utf-8")
    runs, problems = load_runs(folder, "sxnews")
    assert len(runs) == 1 and len(problems) == 2
    assert "2026-12-02T03-00-00Z.json: unreadable run stats" in problems[0]
    assert problems[1].endswith("not a JSON object, skipped")


def test_run_summary_says_what_the_alarm_made_of_each_site() -> None:
    from crawler.runs import summary_lines

    stats = {"layout/baseline/sxnews": "5 runs, 300 pages",
             "layout/alarm/sxnews": "sxnews: template change suspected since …",
             "layout/baseline/fissico": "not judged: an initial crawl",
             "layout/baseline/shanxidayuan": "1 run, 30 pages",
             "layout/accepted/shanxidayuan": "HEALTH_TEMPLATE_ACCEPT"}
    lines = [line for line in summary_lines("x", stats, []) if "layout of" in line]
    assert lines == [
        "x: layout of fissico: not judged: an initial crawl",
        "x: layout of shanxidayuan against 1 run, 30 pages: accepted as the new normal "
        "(HEALTH_TEMPLATE_ACCEPT)",
        "x: layout of sxnews against 5 runs, 300 pages: template change suspected "
        "(see the ERROR or WARNING line)"]


def test_fallback_share_is_left_to_the_history_once_a_run_is_judged() -> None:
    # A new template's pages found by density: past HEALTH_MAX_FALLBACK_SHARE.
    stats = {"finish_reason": "finished", "extract/body/density": 37,
             "extract/body/selector": 3, "extract/fallback": 37}
    limits = project_settings({})
    assert any("fallback share" in r for r in failed_reasons(stats, limits))
    judged = {**stats, "layout/baseline/sxnews": "5 runs, 200 pages"}
    assert failed_reasons(judged, limits) == []
    accepted = {**stats, "layout/baseline/sxnews": "not judged: accepted",
                "layout/accepted/sxnews": "HEALTH_TEMPLATE_ACCEPT"}
    assert failed_reasons(accepted, limits) == []
    # Not judged (too short a history, an initial crawl): the fixed limit holds.
    short = {**stats, "layout/baseline/sxnews": "not judged: an initial crawl"}
    assert any("fallback share" in r for r in failed_reasons(short, limits))


def test_a_bug_in_the_alarm_costs_the_run_neither_its_stats_nor_its_verdict(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import project_crawler
    from scrapy import Spider

    import crawler.runs as runs

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("simulated")

    monkeypatch.setattr(runs, "judge", broken)
    crawler = project_crawler(Spider, STATE_DIR=str(tmp_path / "state"))
    assert crawler.stats is not None
    for key, value in run_stats("sxnews", usual(30)).items():
        crawler.stats.set_value(key, value)
    summary = runs.RunSummary.from_crawler(crawler)
    summary.spider_opened(Spider("sxnews"))
    summary.engine_stopped()
    [saved] = (tmp_path / "state" / "runs" / "sxnews").glob("*.json")
    stats = json.loads(saved.read_text("utf-8"))
    assert stats["layout/sxnews/pages"] == 30  # the stats were written
    assert stats["layout/judge_error"].startswith("KeyError: 'simulated'")
    [reason] = failed_reasons(stats, project_settings({}))
    assert reason.startswith("the template-change alarm could not judge the run (KeyError")
