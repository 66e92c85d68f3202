"""Bad input: one bad line, record or file spoils only itself, is reported as
``file:line: reason`` (or ``file: reason``), counted, and turns the exit status
to 1 once everything else is done; links and FIFOs are never followed or opened.

Each test names the measured problem it holds fixed (see docs/reliability.md).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SEEDS_DIR, golden_records
from crawl_helpers import run_crawl
from helpers import dedupe_pipeline

from crawler.commands.seeds import OutputDirError, write_seed_files
from crawler.exceptions import DuplicateItem
from crawler.health import failed_reasons
from crawler.inputs import InputProblem, expand_inputs, open_input, read_document, read_url_lines
from crawler.items import ArticleItem
from crawler.records import parse_record, read_jsonl
from crawler.refetch import read_targets
from crawler.urls import record_id

GOOD = [f"http://fissico.com/html/xw/dzyw/{n}.html" for n in range(1, 4)]


def scrapy(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scrapy", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, check=False)


def jsonl(path: Path, lines: list[Any]) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False))
                            + "\n" for x in lines), "utf-8")
    return path


# -- 1. refetch: a bad URL line ends nothing ------------------------------------------

def test_refetch_reader_reports_each_bad_line_and_reads_on(tmp_path: Path) -> None:
    """Problem 1: a malformed URL (``http://[…``, a bad port) ended the reading
    silently; a line that is no URL made the whole list one seed document; one
    invalid UTF-8 byte rejected the file."""
    urls = tmp_path / "urls.txt"
    urls.write_bytes(b"\n".join([
        GOOD[0].encode(),
        b"http://[fissico.com/x",              # 2: unbalanced bracket
        b"http://fissico.com:99999/x",         # 3: port out of range
        b"fissico.com/html/xw/dzyw/9.html",    # 4: no scheme: not a URL
        GOOD[1].encode(),
        b"http://fissico.com/\xff\xfe.html",   # 6: not UTF-8
        b"# a comment",
        GOOD[2].encode(),
    ]) + b"\n")
    targets = list(read_targets(str(urls)))
    assert [t.url for t in targets if t.problem is None] == GOOD
    assert [t.id for t in targets if t.problem is None] == [record_id(u) for u in GOOD]
    bad = {t.source: t for t in targets if t.problem is not None}
    assert sorted(bad) == [f"{urls}:{n}" for n in (2, 3, 4, 6)]
    assert bad[f"{urls}:2"].problem == (
        f"{urls}:2: malformed URL (Invalid IPv6 URL): 'http://[fissico.com/x'")
    assert "Port out of range" in (bad[f"{urls}:3"].problem or "")
    assert (bad[f"{urls}:4"].problem or "").startswith(f"{urls}:4: not a URL")
    offset = urls.read_bytes().index(b"\xff")
    assert bad[f"{urls}:6"].problem == f"{urls}:6: invalid UTF-8 at byte {offset}"
    assert [p.kind for t in targets for p in t.bad_input] == [
        "malformed_url", "malformed_url", "not_a_url", "invalid_utf8"]


def test_a_bad_port_in_a_long_list_stops_nothing(tmp_path: Path) -> None:
    """Problem 1, as measured: a bad port on line 27 of 42 ended the list at 26."""
    lines = [f"http://fissico.com/html/xw/dzyw/{n}.html" for n in range(42)]
    lines[26] = "http://fissico.com:99999/x"
    urls = tmp_path / "u.txt"
    urls.write_text("\n".join(lines) + "\n")
    targets = list(read_targets(str(urls)))
    assert len(targets) == 42 and [t.url for t in targets[27:]] == lines[27:]
    assert [t.source for t in targets if t.problem] == [f"{urls}:27"]
    got = list(read_url_lines(urls))  # the shared reader the same
    assert [w for w, e in got if isinstance(e, InputProblem)] == [f"{urls}:27"]
    assert [e for _, e in got if isinstance(e, str)] == lines[:26] + lines[27:]


def test_a_seed_page_with_a_line_not_utf8_is_still_fetched(tmp_path: Path) -> None:
    """Problem 1: invalid UTF-8 spoils only its line; the page's 本文地址 is still read."""
    seed = SEEDS_DIR / "002_72c21c55ea8088ed.txt"
    data = seed.read_bytes().split(b"\n")
    data[3] = data[3] + b" \xc3("  # a broken two-byte sequence on line 4
    page = tmp_path / seed.name
    page.write_bytes(b"\n".join(data))
    [target] = read_targets(str(page))
    assert target.problem is None and target.id == "72c21c55ea8088ed"
    assert target.url == "http://www.shanxidayuan.com/gsyl/lzyl/10077.html"
    [problem] = target.bad_input
    assert problem.where == f"{page}:4" and problem.kind == "invalid_utf8"
    doc = read_document(page)
    assert doc.text.count("\ufffd") == 1 and len(doc.text.splitlines()) == len(data)


def test_health_fails_a_run_with_bad_input_lines_only() -> None:
    assert failed_reasons({"refetch/status/new": 3}) == []
    assert failed_reasons({"input/bad_line": 3, "input/bad_line/not_a_url": 3}) == [
        "3 input lines could not be used (see log)"]
    assert failed_reasons({"input/bad_file": 1}) == ["1 input file could not be used (see log)"]


def test_refetch_crawl_with_bad_lines(replica_session: Any, tmp_path: Path) -> None:
    """Problem 1 end to end: every good URL is fetched, each bad line gives one
    log line and one error record naming file:line, and the exit status is 1."""
    good = [r["url"] for r in replica_session.truth("fissico")[:3]]
    urls = tmp_path / "urls.txt"
    urls.write_bytes(b"\n".join([
        good[0].encode(), b"http://[fissico.com/x", good[1].encode(),
        b"http://fissico.com:99999/x", b"not a url at all", b"http://x/\xff", good[2].encode(),
    ]) + b"\n")
    run = run_crawl("refetch", replica_session.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", f"input={urls}")
    assert run.returncode == 1, run.log[-3000:]
    assert "crawl refetch: 4 input lines could not be used (see log)" in run.log
    assert sorted(r["url"] for r in run.records if r["status"] == "new") == sorted(good)
    errors = sorted(r["reason"] for r in run.records if r["status"] == "error")
    assert [e.split(": ", 1)[0] for e in errors] == [f"{urls}:{n}" for n in (2, 4, 5, 6)]
    assert len(run.records) == 7  # one record per input line
    for n in (2, 4, 5, 6):
        assert f"[refetch] WARNING: {urls}:{n}: " in run.log
    assert "'input/bad_line': 4" in run.log
    assert "'input/bad_line/malformed_url': 2" in run.log


def test_refetch_input_that_is_only_a_link_is_a_bad_argument(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text(GOOD[0] + "\n")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    res = scrapy("crawl", "refetch", "-a", f"input={tmp_path / 'link.txt'}",
                 "-s", f"STATE_DIR={tmp_path / 's'}")
    assert res.returncode == 2
    assert "symbolic link, not followed" in res.stderr and "Traceback" not in res.stderr


# -- 2. clean / dedupe: fields of the wrong type ---------------------------------------

WRONG_TYPES = [
    ({"site": {}}, "bad_site", "site {} is not one of shanxidayuan, fissico, sxnews"),
    ({"category": 7}, "bad_category", "category 7 is wrong: input should be a valid list"),
    ({"tags": "notalist"}, "bad_tags", "tags 'notalist' is wrong: input should be a valid list"),
    ({"id": "0123456789abcdef\n"}, "bad_id", "is not 16 lowercase hex digits"),
    ({"url": 42}, "bad_url", "url 42 is wrong: input should be a valid string"),
]


def _wrong_type_records() -> list[dict[str, Any]]:
    base = golden_records()[1]
    return [{**base, "id": f"{i:016x}", **change} for i, (change, _, _) in enumerate(WRONG_TYPES)]


@pytest.mark.parametrize(("change", "kind", "reason"), WRONG_TYPES)
def test_record_model_is_strict(change: dict[str, Any], kind: str, reason: str) -> None:
    record = dict(golden_records()[2], **change)
    got = parse_record("in.jsonl:7", 7, json.dumps(record, ensure_ascii=False))
    assert isinstance(got, InputProblem)
    assert (got.where, got.kind, got.line) == ("in.jsonl:7", kind, 7)
    assert reason in got.reason


def test_record_model_accepts_the_format() -> None:
    for golden in golden_records():
        assert parse_record("g:1", 1, json.dumps(golden, ensure_ascii=False)) == golden
    crawled = dict(golden_records()[2], fetched_at="2024-05-01T10:00:00+00:00",
                   status="gone", reason="http 404", duplicate_of="0" * 16, extra_key=[1])
    assert parse_record("g:1", 1, json.dumps(crawled)) == crawled  # unknown keys are allowed
    for bad in ({"published_at": "2020-02-30"}, {"published_at": "2020-02-03T10:00:00Z"},
                {"fetched_at": "yesterday"}, {"status": "ok"}, {"url": "ftp://fissico.com/x"},
                {"duplicate_of": "x"}, {"tags": [1]}, {"title": 3}):
        assert isinstance(parse_record("g:1", 1, json.dumps(bad)), InputProblem), bad


def test_dedupe_wrong_field_types_are_bad_lines(tmp_path: Path) -> None:
    """Problem 2: ``site: {}`` and ``category: 7`` ended ``scrapy dedupe`` with a
    TypeError (0 lines written); tags became characters; an id with a trailing
    newline and ``url: 42`` passed."""
    goldens = golden_records()
    src = jsonl(tmp_path / "in.jsonl", [*_wrong_type_records(), *goldens])
    out = tmp_path / "out.jsonl"
    res = scrapy("dedupe", str(src), "-O", str(out), "--no-progress",
                 "-s", f"STATE_DIR={tmp_path / 's'}")
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    for n, (_, _, reason) in enumerate(WRONG_TYPES, 1):
        assert f"dedupe: {src}:{n}: " in res.stderr and reason in res.stderr
    assert ("bad lines 5 (bad_category 1, bad_id 1, bad_site 1, bad_tags 1, bad_url 1)"
            in res.stderr)
    kept = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert kept == goldens


def test_clean_wrong_field_types_are_bad_records(tmp_path: Path) -> None:
    goldens = golden_records()
    src = jsonl(tmp_path / "in.jsonl", [*_wrong_type_records(), goldens[3]])
    out = tmp_path / "out.jsonl"
    res = scrapy("clean", str(src), "-O", str(out))
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    for n, (_, _, reason) in enumerate(WRONG_TYPES, 1):
        assert f"clean: {src}:{n}: " in res.stderr and reason in res.stderr
    assert "clean/bad_input: 5" in res.stderr and "clean/bad_input/bad_tags: 1" in res.stderr
    [record] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert record["id"] == goldens[3]["id"] and record["tags"] == goldens[3]["tags"]


def test_jsonl_line_breaks_are_newlines_only(tmp_path: Path) -> None:
    """A U+2028 inside a JSON string is no line break (``str.splitlines`` split
    there); a bad byte spoils only its line."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(json.dumps({"id": "0" * 16, "text": "a\u2028b"}, ensure_ascii=False)
                    .encode() + b"\n" + b'{"id": "\xff"}\n'
                    + json.dumps({"id": "1" * 16, "text": "c"}).encode() + b"\n")
    got = list(read_jsonl(src))
    assert isinstance(got[0][1], dict) and got[0][1]["text"] == "a\u2028b"
    assert isinstance(got[1][1], InputProblem) and got[1][1].kind == "invalid_utf8"
    assert isinstance(got[2][1], dict) and len(got) == 3


# -- 3. links, FIFOs and output folders ------------------------------------------------

def test_seeds_never_writes_through_a_link_in_the_output(tmp_path: Path) -> None:
    """Problem 3: ``scrapy seeds`` followed a link in the output folder and
    overwrote a file outside it."""
    outside = tmp_path / "outside.txt"
    outside.write_text("precious", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "000_00000000000000aa.txt").symlink_to(outside)
    src = jsonl(tmp_path / "in.jsonl", [{"id": "00000000000000aa", "text": "overwrite?"},
                                        {"id": "00000000000000bb", "text": "山西"}])
    written, errors = write_seed_files(src, out)
    assert outside.read_text("utf-8") == "precious"
    assert written == 1 and len(errors) == 1 and errors[0].startswith(f"{src}:1: ")
    assert "symbolic link" in errors[0]
    assert (out / "000_00000000000000bb.txt").read_text("utf-8") == "山西"
    assert (out / "000_00000000000000aa.txt").is_symlink()
    assert sorted(p.name for p in out.iterdir()) == ["000_00000000000000aa.txt",
                                                     "000_00000000000000bb.txt"]  # no temp left
    res = scrapy("seeds", str(src), str(out))
    assert res.returncode == 1 and outside.read_text("utf-8") == "precious"


def test_seeds_output_that_is_a_file_or_a_link(tmp_path: Path) -> None:
    """Problem 3: an output path that is a file gave a traceback."""
    src = jsonl(tmp_path / "in.jsonl", [{"id": "00000000000000aa", "text": "x"}])
    a_file = tmp_path / "file"
    a_file.write_text("keep")
    res = scrapy("seeds", str(src), str(a_file))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.strip() == f"seeds: {a_file}: is not a directory"
    (tmp_path / "real").mkdir()
    (tmp_path / "linkdir").symlink_to(tmp_path / "real")
    res = scrapy("seeds", str(src), str(tmp_path / "linkdir"))
    assert res.returncode == 2 and "is a symbolic link" in res.stderr
    assert not list((tmp_path / "real").iterdir())
    with pytest.raises(OutputDirError):
        write_seed_files(src, a_file)
    assert a_file.read_text() == "keep"


def test_clean_refuses_a_link_to_etc_passwd(tmp_path: Path) -> None:
    """Problem 3: ``scrapy clean`` followed a link to /etc/passwd and exported it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS_DIR / "002_72c21c55ea8088ed.txt", docs)
    (docs / "000_00000000000000ee.txt").symlink_to("/etc/passwd")
    (docs / "sub").symlink_to("/etc")  # a linked directory is not walked either
    out = tmp_path / "out.jsonl"
    res = scrapy("clean", str(docs), "-O", str(out))
    assert res.returncode == 1, res.stderr
    assert f"clean: {docs / '000_00000000000000ee.txt'}: symbolic link, not followed" \
        in res.stderr
    assert f"clean: {docs / 'sub'}: symbolic link, not followed" in res.stderr
    [record] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert record["id"] == "72c21c55ea8088ed" and "root:" not in out.read_text("utf-8")
    res = scrapy("clean", str(docs / "000_00000000000000ee.txt"), "-O", str(out))
    assert res.returncode == 1 and "symbolic link, not followed" in res.stderr
    assert out.read_text("utf-8") == ""


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """Opening a FIFO to read blocks until a writer comes: it is never opened."""
    fifo = tmp_path / "000_00000000000000ff.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputProblem, match=r"not a regular file \(a FIFO\)"):
        open_input(fifo)
    files, problems = expand_inputs([str(tmp_path)], (".txt",), recursive=True)
    assert files == [] and [p.kind for p in problems] == ["not_regular"]
    res = scrapy("clean", str(fifo), "-O", str(tmp_path / "o.jsonl"), timeout=60)
    assert res.returncode == 1 and "not a regular file (a FIFO)" in res.stderr
    res = scrapy("dedupe", str(fifo), "-O", str(tmp_path / "o.jsonl"), timeout=60)
    assert res.returncode == 2 and "not a regular file (a FIFO)" in res.stderr


def test_refetch_directory_with_a_link_reports_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS_DIR / "002_72c21c55ea8088ed.txt", docs)
    (docs / "urls.txt").symlink_to("/etc/passwd")
    targets = list(read_targets(str(docs)))
    assert [t.problem for t in targets if t.problem] == [
        f"{docs / 'urls.txt'}: symbolic link, not followed"]
    assert [t.id for t in targets if not t.problem] == ["72c21c55ea8088ed"]


def test_dedupe_refuses_a_link_input(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "in.jsonl", golden_records())
    (tmp_path / "link.jsonl").symlink_to(src)
    res = scrapy("dedupe", str(tmp_path / "link.jsonl"), "-O", str(tmp_path / "o.jsonl"))
    assert res.returncode == 2
    assert f"dedupe: {tmp_path / 'link.jsonl'}: symbolic link, not followed" in res.stderr


# -- 4. a re-fetched gone record is no duplicate ---------------------------------------



def test_gone_records_are_neither_dropped_nor_indexed(tmp_path: Path) -> None:
    """Problem 4: a gone record whose earlier text another record has was
    dropped as a duplicate (one record per input document broken)."""
    text = golden_records()[2]["text"]
    pipe = dedupe_pipeline(tmp_path)
    first = ArticleItem(id="a" * 16, url="http://fissico.com/html/xw/dzyw/1.html",
                        site="fissico", text=text, status="unchanged")
    gone = ArticleItem(id="b" * 16, url="http://fissico.com/html/xw/dzyw/2.html",
                       site="fissico", text=text, status="gone", reason="http 404")
    assert pipe.process_item(first) is first
    assert pipe.process_item(gone) is gone and gone.get("duplicate_of") is None
    # A gone record first does not make a later real copy its duplicate.
    gone2 = ArticleItem(id="c" * 16, url="http://fissico.com/html/xw/dzyw/3.html",
                        site="fissico", text=golden_records()[3]["text"], status="gone")
    pipe.process_item(gone2)
    crawled = ArticleItem(id="d" * 16, url="http://fissico.com/html/xw/dzyw/4.html",
                          site="fissico", text=golden_records()[3]["text"])
    assert pipe.process_item(crawled).get("duplicate_of") is None
    # A fetched re-fetch record that copies another is kept, and marked.
    copy = ArticleItem(id="e" * 16, url="http://fissico.com/html/xw/dzyw/5.html",
                       site="fissico", text=text, status="new")
    assert pipe.process_item(copy).get("duplicate_of") == "a" * 16
    # A crawl's copy is still dropped.
    with pytest.raises(DuplicateItem):
        pipe.process_item(ArticleItem(id="f" * 16, url=None, site="fissico", text=text))
    assert pipe.stats is not None
    got = pipe.stats.get_stats()
    pipe.close_spider()
    assert got["dedupe/not_a_page/gone"] == 2 and got["dedupe/marked_refetch"] == 1
    assert got["dedupe/kept"] == 2 and got["dedupe/exact"] == 2


def test_refetch_gone_record_with_a_shared_text_is_kept(replica: Any, tmp_path: Path) -> None:
    """Problem 4 end to end: two input records with one text, one of them now 404."""
    alive, dead = replica.truth("fissico")[:2]
    replica.delete(dead["url"], 404)
    src = jsonl(tmp_path / "in.jsonl", [alive, dict(dead, text=alive["text"])])
    run = run_crawl("refetch", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", f"input={src}")
    assert run.returncode == 0, run.log[-3000:]
    status = {r["id"]: r["status"] for r in run.records}
    assert status == {alive["id"]: "unchanged", dead["id"]: "gone"}
    assert "DuplicateItem" not in run.log and "'dedupe/not_a_page/gone': 1" in run.log


@pytest.mark.parametrize("command", ["clean", "dedupe"])
def test_an_output_that_is_a_link_is_never_written_through(command: str,
                                                           tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("precious\n")
    link = tmp_path / "out.jsonl"
    link.symlink_to(target)
    source = SEEDS_DIR if command == "clean" else jsonl(tmp_path / "in.jsonl", golden_records())
    for flag in ("-o", "-O"):
        run = scrapy(command, str(source), flag, str(link), "-s", f"STATE_DIR={tmp_path}/s")
        assert run.returncode == 2, run.stderr[-1000:]
        assert "is a symbolic link" in run.stderr
    assert target.read_text() == "precious\n"


def test_an_id_with_a_trailing_newline_is_no_id_in_an_output(tmp_path: Path) -> None:
    from crawler.outputs import ids_in

    out = jsonl(tmp_path / "o.jsonl", [{"id": "0123456789abcdef\n"}, {"id": "0123456789abcdef"}])
    assert ids_in(out) == {"0123456789abcdef"}
    assert ids_in(jsonl(tmp_path / "p.jsonl", [{"id": "0123456789abcdef\n"}])) == set()
