"""Each site spider against the replica: full crawl, seeds, incremental runs, backfills."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import GOLDEN_DIR, ROOT
from crawl_helpers import raising_launcher, run_crawl

from crawler.sites import SITES as SITE_DESCRIPTIONS
from replica import Replica

# pytest -n: the module's full crawls (full_crawl) are made on one worker, once.
pytestmark = pytest.mark.xdist_group("full-crawl")

SITES = ("shanxidayuan", "fissico", "sxnews")
FULL_CRAWL_ARTICLES = 2000
SKIP_KEYS = {"fetched_at"}


@pytest.fixture(scope="module")
def big_replica() -> Any:
    with Replica(articles=FULL_CRAWL_ARTICLES) as replica:
        yield replica


@pytest.fixture(scope="module")
def full_crawl(big_replica: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One full crawl per site of the big replica, shared by the tests that read it."""
    runs: dict[str, Any] = {}

    def run(site: str) -> Any:
        if site not in runs:
            where = tmp_path_factory.mktemp(f"full-{site}")
            runs[site] = run_crawl(site, big_replica.proxy_url, where / "state",
                                   where / "out.jsonl")
        return runs[site]

    return run


@pytest.mark.slow
@pytest.mark.parametrize("site", SITES)
def test_full_crawl_exports_exactly_the_replica(site: str, big_replica: Any,
                                                full_crawl: Any) -> None:
    run = full_crawl(site)
    assert run.returncode == 0, run.log[-3000:]
    truth = {r["url"]: r for r in big_replica.truth(site)}
    got = run.by_url()
    assert len(truth) >= FULL_CRAWL_ARTICLES
    assert len(got) == len(run.records), "an article was exported twice"
    assert set(got) == set(truth)
    model = big_replica.model(site)
    for url, want in truth.items():
        if want["published_at"] is None:
            # A topic page prints no date: it takes the day its listing shows.
            listed = model.ref_for_url(url).when.date().isoformat()
            want = truth[url] = {**want, "published_at": listed}
            assert got[url]["date_source"] == "listing", url
        else:
            assert got[url]["date_source"] in ("printed", "meta"), url
    mismatched = {(url, key) for url, want in truth.items() for key in want
                  if key not in SKIP_KEYS and got[url].get(key) != want[key]}
    assert not mismatched, sorted(mismatched)[:10]
    # Seed pages served by the replica come out as the golden records.
    for golden_file in sorted(GOLDEN_DIR.glob("*.json")):
        golden = json.loads(golden_file.read_text("utf-8"))
        if golden["site"] != site:
            continue
        matches = [r for r in run.records if r["title"] == golden["title"]]
        assert len(matches) == 1, golden_file.name
        record = matches[0]
        skip = {"id"} | ({"url"} if golden["url"] is None else set())
        for key, value in golden.items():
            if key not in skip:
                assert record[key] == value, (golden_file.name, key)


@pytest.mark.parametrize("site", ["fissico", "sxnews"])
def test_multipage_articles_are_one_record_each(site: str, big_replica: Any,
                                                full_crawl: Any) -> None:
    """Every article split over pages (and every gallery) is one record under
    its first URL (its text checked against the truth above), all its pages
    fetched, none of them a record; the stats count them."""
    from crawler.extract.pages import article_of_page
    from replica.generator import page_count, page_url

    run = full_crawl(site)
    model = big_replica.model(site)
    paged = [a for a in (model.article(r) for r in model.refs()) if page_count(a) > 1]
    assert len(paged) >= 50
    fetched = set(run.fetched)
    assert {page_url(a, k) for a in paged for k in range(2, page_count(a) + 1)} <= fetched
    assert not [r["url"] for r in run.records if article_of_page(r["url"])]
    assert f"'article/multipage': {len(paged)}," in run.log
    assert f"'article/pages': {sum(map(page_count, paged))}," in run.log
    if site == "sxnews":  # galleries of photos and captions only: headline-only records
        bare = [a for a in paged if a.record["text"] == a.record["title"]]
        assert bare and f"'article/gallery': {len(bare)}," in run.log


@pytest.mark.parametrize("site", SITES)
def test_reextracting_the_crawls_archive_gives_its_records(
        site: str, full_crawl: Any, tmp_path_factory: pytest.TempPathFactory,
        tmp_path: Path) -> None:
    """The archive the full crawl wrote, re-extracted with no request (and dedupe
    as the crawl ran it), gives the crawl's records: pages dated only by their
    listing too (the date travels with the page)."""
    run = full_crawl(site)
    assert run.returncode == 0, run.log[-3000:]
    [where] = tmp_path_factory.getbasetemp().glob(f"full-{site}[0-9]*")
    out = tmp_path / "re.jsonl"
    proc = subprocess.run([sys.executable, "-m", "scrapy", "reextract",
                           str(where / "state" / "archive"), "-O", str(out), "-j", "2",
                           "--dedupe", "--no-progress"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = {r["id"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    want = {r["id"]: r for r in run.records}
    assert set(got) == set(want)
    differ = sorted((rid, key) for rid, record in want.items()
                    for key in record.keys() | got[rid].keys()
                    if key not in SKIP_KEYS and got[rid].get(key) != record.get(key))
    assert not differ, differ[:10]
    if site == "sxnews":  # its topic pages print no date of their own
        assert any(r.get("date_source") == "listing" for r in got.values())


def _article_fetches(run: Any, site: str) -> list[str]:
    description = SITE_DESCRIPTIONS[site]
    return [url for url in run.fetched if description.is_article(url)]


@pytest.mark.parametrize("site", SITES)
def test_incremental_runs(site: str, replica: Any, tmp_path: Path) -> None:
    state = tmp_path / "state"
    first = run_crawl(site, replica.proxy_url, state, tmp_path / "1.jsonl")
    assert first.returncode == 0 and len(first.records) == len(replica.truth(site))
    second = run_crawl(site, replica.proxy_url, state, tmp_path / "2.jsonl")
    assert second.returncode == 0
    assert second.records == [] and _article_fetches(second, site) == []
    assert len(second.fetched) > 0  # listings were re-read
    assert "listing/stopped_known" in second.log
    new_urls = replica.grow(site, 10)
    third = run_crawl(site, replica.proxy_url, state, tmp_path / "3.jsonl")
    assert sorted(r["url"] for r in third.records) == sorted(new_urls)
    assert sorted(_article_fetches(third, site)) == sorted(new_urls)


def test_id_range_backfill_walks_one_column(replica: Any, tmp_path: Path) -> None:
    """shanxidayuan: ids are a sequence per column, so a walk stays in its column."""
    site = SITE_DESCRIPTIONS["shanxidayuan"]
    numbers = sorted(int(m["id"]) for url in replica.urls("shanxidayuan")
                     if (m := site.article_match(url)) and m["column"] == "changzhi")
    # Past the column's newest id: four ids it does not have (yet).
    start, end = numbers[len(numbers) // 4], numbers[-1] + 4
    want = {url for url in replica.urls("shanxidayuan")
            if (m := site.article_match(url)) and m["column"] == "changzhi"
            and start <= int(m["id"]) <= end}
    assert len(want) >= 5
    run = run_crawl("shanxidayuan", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", f"ids={start}-{end}", "-a", "categories=changzhi")
    assert run.returncode == 0, run.log[-2000:]
    assert {r["url"] for r in run.records} == want
    assert len(run.records) == len(want)
    # Ids the column lacks are counted and summed up, not logged one by one.
    missing = end - start + 1 - len(want)
    assert missing > 0 and f"'ids/not_found': {missing}" in run.log
    assert "Ignoring response <404" not in run.log
    assert f"ids: {len(want)} found, {missing} not found" in run.log


def test_id_range_backfill_finds_articles_in_any_column(replica: Any, tmp_path: Path) -> None:
    """fissico: one id sequence across all columns; an id walk tries each
    column for an id and finds the article wherever it is."""
    site = SITE_DESCRIPTIONS["fissico"]
    by_id = {int(m["id"]): (m["column"], url) for url in replica.urls("fissico")
             if (m := site.article_match(url))}
    ids = sorted(by_id)
    start, end = ids[len(ids) // 3], ids[len(ids) // 3 + 39]
    wanted = {n: by_id[n] for n in range(start, end + 1) if n in by_id}
    columns = {column for column, _ in wanted.values()}
    assert len(columns) >= 4, columns  # the range spans several columns and sections
    known = ",".join(sorted({c for c in site.columns} | columns))
    run = run_crawl("fissico", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", f"ids={start}-{end}", "-a", f"categories={known}")
    assert run.returncode == 0, run.log[-2000:]
    assert {r["url"] for r in run.records} == {url for _, url in wanted.values()}
    assert f"'ids/found': {len(wanted)}" in run.log
    # Each id is fetched once in its own column and never again once found.
    assert len(_article_fetches(run, "fissico")) <= len(range(start, end + 1)) * len(
        known.split(","))


def test_sxnews_reaches_every_host_scheme_and_listing_form(full_crawl: Any) -> None:
    """GB pages on several hosts with nested nodes and index<N>.html listings,
    the old sxxww scheme, and no record (no fetch, even) of a BIG5 copy."""
    run = full_crawl("sxnews")
    assert run.returncode == 0, run.log[-3000:]
    hosts = {url.split("/")[2] for url in _article_fetches(run, "sxnews") if "/GB/" in url}
    assert {"news.sxrb.com", "xz.sxrb.com", "yc.sxrb.com", "photo.sxrb.com"} <= hosts
    nested = [u for u in run.by_url() if re.search(r"/GB/\d+/\d+/\d+/\d+\.html$", u)]
    assert nested
    assert any(re.search(r"/GB/[\d/]+/index\d+\.html$", u) for u in run.fetched)
    assert any("/sxxww/" in u for u in run.by_url())
    assert not any("/BIG5/" in u for u in run.fetched)
    assert len(run.by_url()) == len(run.records)


def test_fissico_crawls_every_section(full_crawl: Any) -> None:
    run = full_crawl("fissico")
    assert run.returncode == 0, run.log[-3000:]
    sections = {url.split("/html/")[1].split("/")[0] for url in run.by_url()}
    assert {"xw", "ly", "zx"} <= sections


@pytest.mark.parametrize("site", ["fissico", "sxnews"])
def test_date_window_backfill(site: str, replica: Any, tmp_path: Path) -> None:
    truth = replica.truth(site)
    model = replica.model(site)

    def day(record: dict[str, Any]) -> dt.date:
        # A topic page prints no date; its listing shows the day it went up.
        if record["published_at"]:
            return dt.date.fromisoformat(record["published_at"][:10])
        return model.ref_for_url(record["url"]).when.date()

    days = sorted(map(day, truth))
    since, until = days[len(days) // 3], days[len(days) // 2]
    want = {r["url"] for r in truth if since <= day(r) <= until}
    assert len(want) >= 10
    run = run_crawl(site, replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", f"since={since}", "-a", f"until={until}")
    assert run.returncode == 0, run.log[-2000:]
    assert {r["url"] for r in run.records} == want
    if site == "fissico":
        # Its columns page four deep here: paging stopped once past `since`.
        # (Shanxi News spreads the same articles over many shallow nodes.)
        assert "listing/stopped_past_since" in run.log


def test_bad_argument_stops_before_any_request(replica: Any, tmp_path: Path) -> None:
    before = replica.requests
    run = run_crawl("sxnews", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", "since=2020-02-30")
    assert run.returncode == 2
    assert "bad argument: since='2020-02-30'" in run.log
    assert replica.requests == before


def test_bad_pages_are_dropped_with_a_reason_and_charset_lies_survive(
        replica: Any, tmp_path: Path) -> None:
    truth = replica.truth("sxnews")
    lying, binary, empty = truth[1]["url"], truth[2]["url"], truth[3]["url"]
    replica.fault("wrong_charset", url=lying)
    replica.fault("binary", url=binary)
    replica.fault("empty", url=empty)
    run = run_crawl("sxnews", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl")
    assert run.returncode == 0, run.log[-2000:]
    got = run.by_url()
    assert set(got) == {r["url"] for r in truth} - {binary, empty}
    assert got[lying]["text"] == truth[1]["text"]
    assert all("\ufffd" not in r["text"] for r in run.records)
    assert "'extract/dropped/bad_encoding': 1" in run.log
    assert "'extract/dropped/empty_body': 1" in run.log


# An exception raised inside extraction, simulated in the crawl's own process
# (tests/support/raising.py): ArticlePage.record raises for the pages named.
RECORD = "crawler.extract.pages:ArticlePage.record"
ERROR_LINE = re.compile(r"\] ERROR: Extraction error on (\S+): ValueError: simulated bug "
                        r"\(at tests/support/raising\.py:\d+ in raising\)$")


def test_pages_whose_extraction_raises_fail_the_run_and_wait_for_the_next(
        replica: Any, tmp_path: Path) -> None:
    urls = [r["url"] for r in replica.truth("shanxidayuan")]
    raising = urls[::3]
    state = tmp_path / "state"
    run = run_crawl("shanxidayuan", replica.proxy_url, state, tmp_path / "1.jsonl",
                    launcher=raising_launcher(RECORD, raising, tmp_path / "raising.txt"))
    assert run.returncode == 1, run.log[-2000:]
    assert set(run.by_url()) == set(urls) - set(raising)
    assert (f"crawl shanxidayuan: extraction raised on {len(raising)} of {len(urls)} "
            "article pages") in run.log
    # One ERROR line per page, naming it, the exception and where it was raised.
    errors = [line for line in run.log.splitlines() if " ERROR: " in line]
    logged = [ERROR_LINE.search(line) for line in errors]
    assert all(logged), errors[:3]
    assert sorted(m[1] for m in logged if m) == sorted(raising)
    assert "Spider error processing" not in run.log
    assert f"'extract/error/ValueError': {len(raising)}" in run.log
    assert f"'frontier/pending': {len(raising)}" in run.log  # kept for the next run

    # The bug fixed: the next run exports exactly the pages left.
    again = run_crawl("shanxidayuan", replica.proxy_url, state, tmp_path / "2.jsonl")
    assert again.returncode == 0, again.log[-2000:]
    assert sorted(again.by_url()) == sorted(raising)
    assert "'frontier/pending': 0" in again.log


def test_a_page_whose_extraction_keeps_raising_is_given_up(replica: Any, tmp_path: Path) -> None:
    url = replica.truth("fissico")[5]["url"]
    run = run_crawl("fissico", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-s", "FRONTIER_MAX_TRIES=1",
                    launcher=raising_launcher(RECORD, [url], tmp_path / "raising.txt"))
    # One page in 300 is within HEALTH_MAX_ERROR_SHARE (1 %): the run did its work.
    assert run.returncode == 0, run.log[-2000:]
    assert set(run.by_url()) == {r["url"] for r in replica.truth("fissico")} - {url}
    assert "'frontier/given_up': 1" in run.log
    assert f"Giving up {url} after 1 failures (last: extract_error:ValueError)" in run.log
