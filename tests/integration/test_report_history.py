"""``scrapy report``'s run history: every run's layout profile per site, from a
runs folder written as ``crawler.runs.write_run_stats`` writes it (two sites,
a run with the template-change alarm, an accepted one, a refetch run, a run
from before layout profiles, an unreadable file), and in headless Chromium.

``SAVE_SCREENSHOT=1`` is not used here: docs/report-history.png is made by
``bench/report_history.py`` from replica crawls (see docs/report.md).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from test_report import record, render_in_chromium, report, write_jsonl

from crawler.report import Corpus, render
from crawler.report.history import read_history
from crawler.runs import write_run_stats

ALARM = ("sxnews: template change suspected since 2026-12-03 03:00 UTC: date coverage "
         "97% → 12%, time of day coverage 95% → 0%, new body container div.article-con "
         "on 64% of pages")
EVIL = "<img src=x onerror=alert(1)>"  # shapes and site names come from pages
EVIL_SITE = "<b>x&y"


def at(day: int, hour: int = 3, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=dt.UTC)


def layout(site: str, counts: dict[str, int]) -> dict[str, int]:
    return {f"layout/{site}/{key}": value for key, value in counts.items()}


def run_stats(when: dt.datetime, kind: str, *sites: dict[str, int], **extra: Any
              ) -> dict[str, Any]:
    stats: dict[str, Any] = {"start_time": when, "finish_time": when + dt.timedelta(minutes=7),
                             "run/kind": kind, "item_scraped_count": 1}
    for counters in sites:
        stats.update(counters)
    stats.update(extra)
    return stats


def sxnews_usual(pages: int) -> dict[str, int]:
    """97 % dated, 95 % with a time of day, 60 % with an author, bodies by the
    site's selectors on 90 % (density 10 %), median text about 1,100 characters."""
    def part(share: float) -> int:
        return round(pages * share)
    return layout("sxnews", {
        "pages": pages, "field/date": part(.97), "field/time": part(.95),
        "field/author": part(.60), "field/source": pages, "field/editor": pages,
        "body/selector": part(.9), "body/density": pages - part(.9), "title/found": pages,
        "headline_only": part(.02), "length/40": pages,
        "shape/body/div#ozoom": part(.9), "shape/body/div.box": pages - part(.9),
        "shape/info/div.info>p": part(.97), "shape/info/none": pages - part(.97)})


@pytest.fixture
def runs(tmp_path: Path) -> Path:
    folder = tmp_path / "state" / "runs"
    sx, fi = folder / "sxnews", folder / "fissico"
    write_run_stats(sx, run_stats(at(1), "initial", sxnews_usual(100), **{
        "layout/baseline/sxnews": "not judged: an initial crawl"}), at(1, 3, 9))
    write_run_stats(sx, run_stats(at(2), "nightly", sxnews_usual(20), **{
        "layout/baseline/sxnews": "not judged: 0 pages in 0 earlier nightly runs"}),
        at(2, 3, 5))
    write_run_stats(sx, run_stats(at(3), "nightly", layout("sxnews", {
        "pages": 25, "field/date": 3, "field/author": 15, "field/source": 25,
        "body/density": 25, "title/found": 25, "length/40": 20, "length/30": 5, "error": 2,
        "shape/body/div.article-con": 16, "shape/body/div#ozoom": 9,
        f"shape/info/{EVIL}": 25}), **{
        "layout/baseline/sxnews": "1 run, 20 pages", "layout/alarm/sxnews": ALARM}),
        at(3, 3, 6))
    write_run_stats(folder / "refetch", run_stats(at(3, 5), "refetch", sxnews_usual(10),
                                                  layout(EVIL_SITE, {"pages": 3})),
                    at(3, 5, 2))
    write_run_stats(sx, run_stats(at(4), "nightly", layout("sxnews", {
        "pages": 30, "field/date": 30, "body/density": 30, "title/found": 30,
        "length/40": 30, "shape/body/div.article-con": 30,
        "shape/info/div.article-info": 30}), **{
        "layout/baseline/sxnews": "not judged: accepted",
        "layout/accepted/sxnews": "HEALTH_TEMPLATE_ACCEPT"}), at(4, 3, 4))
    (sx / "2026-12-05T03-00-00Z.json").write_text('{"start_time": "2026-12-05', "utf-8")
    write_run_stats(fi, {"start_time": at(1, 3, 20), "item_scraped_count": 9},
                    at(1, 3, 21))  # saved before layout profiles were kept
    write_run_stats(fi, run_stats(at(1, 3, 20), "initial", layout("fissico", {
        "pages": 50, "field/date": 50, "field/time": 0, "field/editor": 47,
        "body/density": 50, "title/found": 50, "length/36": 50,
        "shape/body/div.content": 30, "shape/body/div#text": 15, "shape/body/td": 5,
        "shape/info/div.info": 50})), at(1, 3, 29))
    write_run_stats(fi, run_stats(at(2, 3, 20), "nightly", layout("fissico", {
        "pages": 12, "field/date": 12, "field/editor": 12, "body/density": 12,
        "title/found": 12, "length/36": 12, "shape/body/div.content": 12,
        "shape/info/div.info": 12})), at(2, 3, 25))
    return folder


def history_page(folder: Path, shown: int = 30) -> tuple[Any, str]:
    text = render(Corpus(), "now", read_history(folder, shown))
    return lxml.html.fromstring(text), text


def table_rows(doc: Any, site: str) -> list[tuple[str, dict[str, str]]]:
    """A site's runs as (the row's class, {column: cell text}), alarm lines as
    ("alarm-line", {"line": text})."""
    [table] = [t for t in doc.get_element_by_id("history").iter("table")
               if t.get("data-site") == site]
    trs = table.findall(".//tr")
    head = [th.text_content() for th in trs[0]]
    out = []
    for tr in trs[1:]:
        cells = [td.text_content() for td in tr]
        if tr.get("class") == "alarm-line":
            out.append(("alarm-line", {"line": cells[0]}))
        else:
            out.append((tr.get("class") or "", dict(zip(head, cells, strict=True))))
    return out


def test_history_shares_alarm_accepted_and_problems(runs: Path) -> None:
    doc, text = history_page(runs)
    history = doc.get_element_by_id("history")
    sites = [t.get("data-site") for t in history.iter("table")]
    assert sites == ["fissico", "sxnews", EVIL_SITE]  # the README's order, then by name
    rows = table_rows(doc, "sxnews")
    assert [(cls, r.get("kind")) for cls, r in rows] == [
        ("", "initial"), ("", "nightly"), ("alarm", "nightly"), ("alarm-line", None),
        ("", "refetch"), ("accepted", "nightly")]
    first = rows[0][1]
    assert first["run (UTC)"] == "2026-12-01 03:00" and first["pages"] == "100"
    assert (first["date"], first["time of day"], first["author"]) == ("97%", "95%", "60%")
    assert (first["body by selectors"], first["body by density"]) == ("90%", "10%")
    assert (first["headline found"], first["headline only"]) == ("100%", "2%")
    assert first["median chars"] == "1,100"  # length bucket 40: about 1,116 characters
    assert first["body container"] == "div#ozoom 90%div.box 10%"
    assert first["info line"] == "div.info>p 97%none 3%"
    assert first["verdict"] == "not judged: an initial crawl"
    alarmed = rows[2][1]
    assert (alarmed["date"], alarmed["time of day"], alarmed["body by selectors"]) == (
        "12%", "0%", "0%")
    assert alarmed["pages"] == "25+2 raised"
    assert alarmed["body container"] == "div.article-con 64%div#ozoom 36%"
    assert alarmed["verdict"] == "alarmvs 1 run, 20 pages"
    assert rows[3][1]["line"] == "⚠ " + ALARM
    # The alarm's measures are marked in its row; the others are not.
    [alarm_tr] = [tr for tr in history.iter("tr") if tr.get("class") == "alarm"]
    head = [th.text_content() for th in alarm_tr.getparent().findall(".//tr")[0]]
    moved = [head[i] for i, td in enumerate(alarm_tr) if "moved" in (td.get("class") or "")]
    assert moved == ["date", "time of day", "body container"]
    assert rows[4][1]["run (UTC)"] == "2026-12-03 05:00refetch"  # another spider's run
    assert rows[5][1]["verdict"] == "acceptedHEALTH_TEMPLATE_ACCEPT"
    assert table_rows(doc, "fissico")[0][1]["body container"] == (
        "div.content 60%div#text 30%+1 more")
    bad = runs / "sxnews" / "2026-12-05T03-00-00Z.json"
    assert f"{bad}: unreadable run stats (" in history.text_content()
    assert "1 run(s) count no site's layout" in history.text_content()
    assert "all 5 run(s), oldest first; 1 with an alarm, 1 accepted" in history.text_content()
    # Everything from pages is escaped.
    assert EVIL not in text and "<b>x" not in text
    assert "&lt;img src=x onerror=alert(1)&gt; 100%" in text
    assert "&lt;b&gt;x&amp;y" in text


def test_history_of_one_spider_folder_newest_runs(runs: Path) -> None:
    doc, _ = history_page(runs / "sxnews", shown=2)
    history = doc.get_element_by_id("history")
    assert [t.get("data-site") for t in history.iter("table")] == ["sxnews"]
    rows = table_rows(doc, "sxnews")
    assert [r.get("run (UTC)") for _, r in rows] == ["2026-12-03 03:00", None,
                                                     "2026-12-04 03:00"]
    assert "the newest 2 of 4 runs, oldest first" in history.text_content()
    assert "unreadable run stats" in history.text_content()


def test_no_runs_yet(tmp_path: Path) -> None:
    doc, _ = history_page(tmp_path / "missing")
    assert "No runs yet: " in doc.get_element_by_id("history").text_content()
    assert "does not exist" in doc.get_element_by_id("history").text_content()
    (tmp_path / "empty").mkdir()
    doc, _ = history_page(tmp_path / "empty")
    assert "holds no run stats" in doc.get_element_by_id("history").text_content()


def test_command_runs_option_and_state_dir(runs: Path, tmp_path: Path) -> None:
    out = tmp_path / "history.html"
    done = report("--runs", str(runs), "-o", str(out))
    bad = runs / "sxnews" / "2026-12-05T03-00-00Z.json"
    assert done.returncode == 1, done.stderr  # a run file was skipped
    assert f"report: {bad}: unreadable run stats (" in done.stderr
    assert "run history: 8 run(s)" in done.stderr and "1 unreadable" in done.stderr
    doc = lxml.html.fromstring(out.read_text("utf-8"))
    assert table_rows(doc, "sxnews")[0][1]["date"] == "97%"
    assert "the run history only" in doc.text_content()
    # With JSONL inputs and no --runs: STATE_DIR/runs.
    src = write_jsonl(tmp_path / "out" / "a.jsonl", [record(1, "sxnews")])
    both = report(str(src), "-O", str(out), state=runs.parent)
    assert both.returncode == 1, both.stderr
    doc = lxml.html.fromstring(out.read_text("utf-8"))
    assert doc.get_element_by_id("sites") is not None
    assert table_rows(doc, "sxnews")[0][1]["date"] == "97%"
    quiet = report(str(src), "-O", str(out))  # a STATE_DIR with no runs
    assert quiet.returncode == 0, quiet.stderr
    assert "No runs yet" in out.read_text("utf-8")
    missing = report("--runs", str(tmp_path / "nope"), "-O", str(tmp_path / "n.html"))
    assert missing.returncode == 2
    assert "--runs" in missing.stderr and "no such folder" in missing.stderr
    assert not (tmp_path / "n.html").exists()
    assert report("-O", str(out)).returncode == 2  # neither JSONL nor --runs


@pytest.mark.browser
def test_history_renders_in_headless_chromium(runs: Path, tmp_path: Path) -> None:
    page = tmp_path / "history.html"
    page.write_text(render(Corpus(), "now", read_history(runs)), "utf-8")
    shot, console = render_in_chromium(page, tmp_path, "1500,1400")
    assert console == []
    assert shot.stat().st_size > 10_000
