"""``scrapy report``: the numbers in the page, the command's input and output
rules, an end-to-end run on a replica crawl and the page in headless Chromium.

``SAVE_SCREENSHOT=1`` copies the browser test's screenshot to docs/report.png.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from conftest import ROOT
from crawl_helpers import run_crawl

from crawler.commands.report import ReportOutputError, check_output, read_corpus
from crawler.inputs import expand_inputs
from crawler.report import render
from crawler.report.render import link
from crawler.report.stats import TextSize, script_of
from testkit.browser import chromium, draw_page

# pytest -n: crawled_report (the module's crawls) is made on one worker, once.
pytestmark = pytest.mark.xdist_group("report")

SITES = ("shanxidayuan", "fissico", "sxnews")
SCREENSHOT_MAX_BYTES = 300_000


def record(rid: int, site: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": f"{rid:016x}", "url": f"http://www.example-{site}.com/{rid}.html", "site": site,
        "title": f"标题{rid}", "subtitle": None, "published_at": None, "author": None,
        "editor": None, "source": None, "region": None, "category": [], "tags": [],
        "text": f"标题{rid}\n\n这是第{rid}篇文章的内容，关于经济发展和国际贸易。" * (rid % 4 + 1),
    }
    base.update(fields)
    return base


def write_jsonl(path: Path, lines: list[dict[str, Any] | str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False))
                            + "\n" for x in lines), "utf-8")
    return path


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """Three sites' files: 3 + 2 + 1 records, one bad line, one Traditional text,
    one record marked a duplicate that also repeats another's text."""
    src = tmp_path / "out"
    write_jsonl(src / "shanxidayuan" / "a.jsonl", [
        record(1, "shanxidayuan", published_at="2024-03-01T08:00:00+08:00", author="网络编辑",
               tags=["太原"]),
        "this is not json",
        record(2, "shanxidayuan", published_at="2024-03-01", author="记者"),
        record(3, "shanxidayuan", published_at="2024-03-04T20:00:00+08:00",
               title="<b>粗体</b> & 标题"),
    ])
    write_jsonl(src / "fissico" / "b.jsonl", [
        record(4, "fissico", published_at="2024-03-02", editor="张三", title="臺灣經濟發展",
               text="臺灣經濟發展\n\n這是繁體中文的文章內容，關於經濟發展與國際貿易。"),
        record(5, "fissico", source="本网讯"),  # undated
    ])
    write_jsonl(src / "sxnews" / "c.jsonl", [
        record(6, "sxnews", published_at="2024-03-02", url=None, duplicate_of=f"{1:016x}",
               text=record(1, "shanxidayuan")["text"]),
    ])
    return src


def page_of(src: Path) -> tuple[Any, str]:
    files, refused = expand_inputs([str(src)], (".jsonl",), recursive=True)
    corpus = read_corpus(files, refused)
    text = render(corpus, "now")
    return lxml.html.fromstring(text), text


def rows(doc: Any, section: str, table: int = 0) -> dict[str, list[str]]:
    """A section's table as {first cell: the other cells}."""
    found = doc.get_element_by_id(section).findall(".//table")[table]
    out = {}
    for tr in found.findall(".//tr")[1:]:
        cells = [c.text_content().strip() for c in tr]
        out[cells[0]] = cells[1:]
    return out


def header(doc: Any, section: str) -> list[str]:
    table = doc.get_element_by_id(section).findall(".//table")[0]
    return [c.text_content().strip() for c in table.findall(".//tr")[0]]


# -- the numbers -------------------------------------------------------------------

def test_page_numbers(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc, text = page_of(corpus_dir)
    bad = f"{corpus_dir / 'shanxidayuan' / 'a.jsonl'}:2: not JSON"
    assert bad in capsys.readouterr().err
    assert header(doc, "sites") == ["site", "records", "days with articles", "first day",
                                    "last day", "undated"]
    assert rows(doc, "sites") == {
        "shanxidayuan": ["3", "2", "2024-03-01", "2024-03-04", "0"],
        "fissico": ["2", "1", "2024-03-02", "2024-03-02", "1"],
        "sxnews": ["1", "1", "2024-03-02", "2024-03-02", "0"],
    }
    per_day = rows(doc, "days", 1)  # table 0: the gaps
    assert per_day == {"2024-03-01": ["2", "0", "0"], "2024-03-02": ["0", "1", "1"],
                       "2024-03-04": ["1", "0", "0"]}
    assert rows(doc, "days", 0) == {"shanxidayuan": ["2024-03-02", "2024-03-03", "2"]}
    coverage = rows(doc, "coverage")
    assert header(doc, "coverage") == ["field", *SITES]
    assert coverage["author"] == ["66.7% (2/3)", "0.0% (0/2)", "0.0% (0/1)"]
    assert coverage["tags"] == ["33.3% (1/3)", "0.0% (0/2)", "0.0% (0/1)"]
    assert coverage["editor"] == ["0.0% (0/3)", "50.0% (1/2)", "0.0% (0/1)"]
    assert coverage["published_at"] == ["100.0% (3/3)", "50.0% (1/2)", "100.0% (1/1)"]
    assert coverage["url"] == ["100.0% (3/3)", "100.0% (2/2)", "0.0% (0/1)"]
    assert set(coverage) == {"url", "title", "subtitle", "published_at", "author", "editor",
                             "source", "region", "category", "tags", "text"}
    quality = rows(doc, "quality")
    assert quality["duplicate_of set"] == ["0.0% (0/3)", "0.0% (0/2)", "100.0% (1/1)"]
    assert quality["exact-duplicate text (an earlier record has the same text)"] == [
        "0.0% (0/3)", "0.0% (0/2)", "100.0% (1/1)"]
    assert quality["traditional"] == ["0.0% (0/3)", "50.0% (1/2)", "0.0% (0/1)"]
    assert quality["simplified"] == ["100.0% (3/3)", "50.0% (1/2)", "100.0% (1/1)"]
    assert "records carry no marker" in text  # the fallback share is not invented
    problems = doc.get_element_by_id("problems").text_content()
    assert "1 bad input(s)" in problems and bad in problems


def test_extremes_link_http_urls_and_escape_content(corpus_dir: Path) -> None:
    doc, text = page_of(corpus_dir)
    assert "<b>粗体</b>" not in text and "&lt;b&gt;粗体&lt;/b&gt; &amp; 标题" in text
    extremes = doc.get_element_by_id("extremes")
    hrefs = [a.get("href") for a in extremes.iter("a")]
    assert "http://www.example-shanxidayuan.com/1.html" in hrefs
    # sxnews's record has no URL: shown, not linked.
    sx = [tr for tr in extremes.iter("tr") if tr[0].text_content() == "sxnews"]
    assert len(sx) == 1 and not list(sx[0].iter("a"))
    lengths = {tr[1].text_content(): int(tr[2].text_content()) for tr in extremes.iter("tr")
               if tr[0].text_content() == "shanxidayuan"}
    assert lengths["shortest"] < lengths["longest"]


def test_link_only_for_http_urls() -> None:
    assert "<a" not in link(TextSize(1, "t", "javascript:alert(1)", "f:1"))
    assert link(TextSize(1, '"><x>', 'http://a.example/?q="x"&y', "f:1")) == (
        '<a href="http://a.example/?q=&quot;x&quot;&amp;y">&quot;&gt;&lt;x&gt;</a>')


def test_page_is_self_contained(corpus_dir: Path) -> None:
    doc, text = page_of(corpus_dir)
    assert "<script" not in text
    assert all(img.get("src").startswith("data:image/png;base64,") for img in doc.iter("img"))
    assert len(list(doc.iter("img"))) == 1
    assert all(el.get("href").startswith("data:") for el in doc.iter("link"))


def test_script_of() -> None:
    assert script_of("這是繁體中文的文章內容") == "traditional"
    assert script_of("这是简体中文的文章内容") == "simplified"
    assert script_of("山西 2024 ABC") == "undetermined"  # no character of one script only


# -- the command -------------------------------------------------------------------

# A STATE_DIR that does not exist: the page's run history is "no runs yet"
# (not the checkout's .state/runs), unless a test gives --runs.
NO_STATE = Path(tempfile.gettempdir()) / "crawler-test-report-no-state-dir"


def report(*args: str, state: Path = NO_STATE) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scrapy", "report", *args,
                           "-s", f"STATE_DIR={state}"], cwd=ROOT,
                          capture_output=True, text=True, check=False, timeout=120)


def test_command_bad_line_exit_status_and_o_O(corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site" / "report.html"
    run = report(str(corpus_dir / "*" / "*.jsonl"), "-o", str(out))
    assert run.returncode == 1, run.stderr
    assert f"{corpus_dir / 'shanxidayuan' / 'a.jsonl'}:2: not JSON" in run.stderr
    assert "6 record(s) from 3 file(s), 1 bad input(s)" in run.stderr
    assert "Corpus report" in out.read_text("utf-8")
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]  # no temp file left
    out.write_text("old", "utf-8")
    again = report(str(corpus_dir), "-o", str(out))
    assert again.returncode == 2
    assert again.stderr.strip().splitlines() == [f"report: {out}: exists; use -O to overwrite it"]
    assert out.read_text("utf-8") == "old"
    over = report(str(corpus_dir), "-O", str(out))
    assert over.returncode == 1, over.stderr
    assert "6 record(s)" in out.read_text("utf-8")
    good = report(str(corpus_dir / "fissico"), "-O", str(out))
    assert good.returncode == 0, good.stderr


def test_command_refuses_links_and_directories(corpus_dir: Path, tmp_path: Path) -> None:
    link_in = tmp_path / "link.jsonl"
    link_in.symlink_to(corpus_dir / "fissico" / "b.jsonl")
    run = report(str(corpus_dir / "fissico"), str(link_in), "-o", str(tmp_path / "r.html"))
    assert run.returncode == 1
    assert f"report: {link_in}: symbolic link, not followed" in run.stderr
    assert "2 record(s) from 1 file(s)" in run.stderr
    target = tmp_path / "real.html"
    target.write_text("keep", "utf-8")
    link_out = tmp_path / "out-link.html"
    link_out.symlink_to(target)
    for out, reason in ((link_out, "is a symbolic link"), (tmp_path, "is a directory")):
        refused = report(str(corpus_dir), "-O", str(out))
        assert refused.returncode == 2
        assert refused.stderr.strip() == f"report: {out}: {reason}" + (
            "; not written through" if out == link_out else "")
    assert target.read_text("utf-8") == "keep" and link_out.is_symlink()
    nothing = report(str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "n.html"))
    assert nothing.returncode == 2 and "no such file" in nothing.stderr
    assert not (tmp_path / "n.html").exists()
    usage = report(str(corpus_dir))
    assert usage.returncode == 2 and "-O report.html" in usage.stderr


def test_output_may_not_be_an_input(corpus_dir: Path) -> None:
    src = corpus_dir / "fissico" / "b.jsonl"
    with pytest.raises(ReportOutputError, match="is also an input"):
        check_output(src, overwrite=True, inputs=[src])


# -- end to end: a replica crawl ---------------------------------------------------

@pytest.fixture(scope="module")
def crawled_report(replica_session: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All three sites crawled through the replica into out/<site>/run.jsonl and
    reported with ``scrapy report out --runs STATE/runs -o report.html`` (the
    run history of the sxnews crawl)."""
    where = tmp_path_factory.mktemp("report_e2e")
    for site in SITES:
        (where / "out" / site).mkdir(parents=True)  # (the crawl's .log goes beside it)
        run = run_crawl(site, replica_session.proxy_url, where / "state" / site,
                        where / "out" / site / "run.jsonl")
        assert run.returncode == 0 and run.records, run.log[-2000:]
    out = where / "report.html"
    done = report(str(where / "out"), "--runs", str(where / "state" / "sxnews" / "runs"),
                  "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


def test_report_on_a_replica_crawl(crawled_report: Path) -> None:
    doc = lxml.html.fromstring(crawled_report.read_text("utf-8"))
    sites = rows(doc, "sites")
    assert set(sites) == set(SITES)
    for site in SITES:
        assert int(sites[site][0]) > 0 and int(sites[site][1]) > 0
    assert header(doc, "coverage") == ["field", *SITES]
    assert float(rows(doc, "coverage")["title"][0].split("%")[0]) > 90
    assert doc.get_element_by_id("problems").text_content().strip().endswith(
        "every input line was a record.")
    history = doc.get_element_by_id("history")
    [table] = history.findall(".//table")
    assert table.get("data-site") == "sxnews"
    [run] = table.findall(".//tr")[1:]
    cells = [td.text_content() for td in run]
    assert cells[1] == "initial" and int(cells[2]) > 0
    assert float(cells[3].rstrip("%")) > 90  # date coverage


# -- in a browser ------------------------------------------------------------------

def render_in_chromium(page: Path, tmp_path: Path, size: str = "1100,2300"
                       ) -> tuple[Path, list[str]]:
    """``page`` drawn by headless Chromium: its screenshot and every console
    message or uncaught error (skips the test when Chromium is not installed)."""
    browser = chromium()
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    drawn = draw_page(browser, page, tmp_path, size)
    assert drawn.returncode == 0, drawn.stderr[-2000:]
    return drawn.shot, drawn.console


def small_png(shot: Path, target: Path) -> None:
    """``shot`` quantized to 64 colours into ``target`` (a PNG for docs/)."""
    from PIL import Image  # matplotlib's dependency

    small = shot.with_name("small.png")
    with Image.open(shot) as image:
        image.convert("RGB").quantize(colors=64).save(small, optimize=True)
    assert small.stat().st_size < SCREENSHOT_MAX_BYTES
    shutil.copyfile(small, target)


@pytest.mark.browser
def test_report_renders_in_headless_chromium(crawled_report: Path, tmp_path: Path) -> None:
    shot, console = render_in_chromium(crawled_report, tmp_path)
    assert console == []
    assert shot.stat().st_size > 10_000  # a page was drawn, not a blank
    if os.environ.get("SAVE_SCREENSHOT") == "1":
        small_png(shot, ROOT / "docs" / "report.png")
