from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS_DIR

from crawler.args import ArgumentError
from crawler.refetch import RefetchState, read_targets, text_fingerprint
from crawler.urls import record_id
from spiders.refetch import RefetchSpider


def test_seed_files_give_their_url_and_id() -> None:
    targets = {t.id: t for t in read_targets(str(SEEDS_DIR / "*.txt"))}
    assert len(targets) == 5
    assert targets["f10ca46bc84d34c9"].url == "http://fissico.com/html/xw/dzyw/58159.html"
    assert targets["72c21c55ea8088ed"].url == "http://www.shanxidayuan.com/gsyl/lzyl/10077.html"
    assert targets["72c21c55ea8088ed"].earlier_is_page
    no_url = targets["3d8e36136f418278"]
    assert no_url.url is None and no_url.problem and "本文地址" in no_url.problem
    assert sorted(t.id or "" for t in read_targets(str(SEEDS_DIR))) == sorted(targets)


def test_url_lists_jsonl_and_bad_files(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("# known pages\nhttp://fissico.com/html/xw/dzyw/1.html\n\nftp://x/y\n")
    got = list(read_targets(str(urls)))
    assert [t.url for t in got] == ["http://fissico.com/html/xw/dzyw/1.html", "ftp://x/y"]
    assert got[0].id == record_id(got[0].url or "") and got[0].source.endswith("urls.txt:2")
    records = tmp_path / "old.jsonl"
    records.write_text("\n".join([
        json.dumps({"id": "00000000000000aa", "url": "http://fissico.com/a.html", "text": "旧"}),
        json.dumps({"id": "../x", "url": "http://fissico.com/b.html"}),
        json.dumps({"id": "00000000000000bb", "text": "无网址"}),
        "{broken",
    ]))
    got = list(read_targets(str(records)))
    assert got[0].id == "00000000000000aa" and got[0].earlier_text == "旧"
    assert not got[0].bad_input
    # A bad id is a bad record (reported with its line), not silently replaced.
    assert got[1].problem == f"{records}:2: id '../x' is not 16 lowercase hex digits"
    assert got[1].url is None and [p.kind for p in got[1].bad_input] == ["bad_id"]
    # No URL: a document that cannot be fetched, but no bad input.
    assert got[2].problem == f"{records}:3: no URL in the record"
    assert got[2].id == "00000000000000bb" and not got[2].bad_input
    assert got[3].problem and got[3].problem.startswith(f"{records}:4: not JSON")
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02")
    assert next(read_targets(str(binary))).problem == f"{binary}: binary (NUL bytes)"


def test_fingerprint_ignores_glosses_spacing_and_width() -> None:
    assert text_fingerprint("發(fā)展, 山西 ") == text_fingerprint("發展,山西")
    assert text_fingerprint("發展") != text_fingerprint("发展了")


def test_state_round_trip(tmp_path: Path) -> None:
    state = RefetchState(tmp_path / "p.sqlite")
    assert state.get("a") is None
    record = {"id": "a", "title": "标题", "text": "标题\n\n页面"}
    state.save_page("a", "http://fissico.com/a.html", '"e1"', None, record)
    state.save_fingerprint("a", "f")
    assert state.get("a") == {"url": "http://fissico.com/a.html", "etag": '"e1"',
                              "last_modified": None, "record": record, "fingerprint": "f"}


def test_state_of_an_older_version_is_kept(tmp_path: Path) -> None:
    """State written before records were stored keeps its rows; they just have
    no record (so the next re-fetch of them is unconditional)."""
    import sqlite3

    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE pages (id TEXT PRIMARY KEY, url TEXT, etag TEXT, "
               "last_modified TEXT, page_text TEXT, fingerprint TEXT, at REAL)")
    db.execute("INSERT INTO pages VALUES ('a', 'u', '\"e\"', NULL, 'raw', 'f', 0)")
    db.commit()
    db.close()
    known = RefetchState(path).get("a")
    assert known is not None and known["fingerprint"] == "f" and known["record"] is None


def test_bad_input_argument() -> None:
    with pytest.raises(ArgumentError, match="no file matches"):
        RefetchSpider(input="/nonexistent/*.txt")
    with pytest.raises(ArgumentError, match="input"):
        RefetchSpider()
