"""The refetch spider against the replica: every status, seeds, and the fetch guard."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from conftest import GOLDEN_DIR, SEEDS_DIR
from crawl_helpers import raising_launcher, run_crawl

from crawler.urls import record_id


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_statuses_against_a_changing_replica(replica: Any, tmp_path: Path) -> None:
    truth = replica.truth("fissico")[:6] + replica.truth("sxnews")[:3]
    untouched, changed, deleted, gone410 = truth[:5], truth[5:7], truth[7], truth[8]
    for record in changed:
        replica.change(record["url"])
    replica.delete(deleted["url"], 404)
    replica.delete(gone410["url"], 410)
    earlier = _write_jsonl(tmp_path / "earlier.jsonl", truth)
    run = run_crawl("refetch", replica.proxy_url, tmp_path / "state", tmp_path / "o.jsonl",
                    "-a", f"input={earlier}")
    assert run.returncode == 0, run.log[-2000:]
    status = {r["id"]: r["status"] for r in run.records}
    assert len(run.records) == len(truth)
    assert all(status[r["id"]] == "unchanged" for r in untouched)
    assert all(status[r["id"]] == "updated" for r in changed)
    assert status[deleted["id"]] == "gone" and status[gone410["id"]] == "gone"
    by_id = {r["id"]: r for r in run.records}
    assert by_id[gone410["id"]]["reason"] == "http 410"
    for record in changed:
        assert by_id[record["id"]]["text"] == replica.record(record["url"])["text"]
    assert all(r["fetched_at"] for r in run.records)
    assert "refetch: re-fetched: unchanged 5" in run.log.rsplit("Dumping Scrapy stats", 1)[1]

    # A plain URL list: nothing earlier is known in the input, so the state decides.
    urls = tmp_path / "urls.txt"
    new_url = replica.truth("shanxidayuan")[10]["url"]
    urls.write_text(f"{untouched[0]['url']}\n{new_url}\n")
    again = run_crawl("refetch", replica.proxy_url, tmp_path / "state", tmp_path / "a.jsonl",
                      "-a", f"input={urls}")
    got = {r["url"]: r["status"] for r in again.records}
    assert got == {untouched[0]["url"]: "unchanged", new_url: "new"}
    # The page known from the first run was asked for conditionally and came back 304.
    assert "Crawled (304)" in again.log
    # Its stored record is re-emitted as it was: not signed or indexed again.
    assert "'dedupe/not_modified': 1" in again.log
    assert "'dedupe/kept': 1" in again.log  # only the new page


def test_seed_files_come_back_unchanged(replica: Any, tmp_path: Path) -> None:
    run = run_crawl("refetch", replica.proxy_url, tmp_path / "state", tmp_path / "o.jsonl",
                    "-a", f"input={SEEDS_DIR}/*.txt")
    assert run.returncode == 0, run.log[-2000:]
    by_id = {r["id"]: r for r in run.records}
    assert len(by_id) == 5
    for golden_file in sorted(GOLDEN_DIR.glob("*.json")):
        golden = json.loads(golden_file.read_text("utf-8"))
        record = by_id[golden["id"]]
        if golden["url"] is None:
            assert record["status"] == "error" and "no URL" in record["reason"]
            continue
        assert record["status"] == "unchanged", (golden_file.name, record.get("reason"))
        for key, value in golden.items():
            assert record[key] == value, (golden_file.name, key)


def test_refused_inputs_send_no_request(replica: Any, tmp_path: Path) -> None:
    urls = tmp_path / "bad.txt"
    urls.write_text("\n".join([
        "http://example.com/news/1.html", "http://127.0.0.1:6379/", "http://10.1.2.3/a.html",
        "http://[::1]/x", "ftp://fissico.com/html/xw/dzyw/1.html", "file:///etc/passwd",
        "javascript:alert(1)",
    ]) + "\n")
    before = replica.requests
    run = run_crawl("refetch", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", f"input={urls}")
    assert run.returncode == 0, run.log[-2000:]
    assert replica.requests == before
    assert [r["status"] for r in run.records] == ["error"] * 7
    assert all(r["reason"].startswith("refused: ") for r in run.records)


def test_redirect_off_site_is_refused(replica: Any, tmp_path: Path) -> None:
    url = replica.truth("fissico")[3]["url"]
    replica.fault("redirect_offsite", url=url)
    urls = tmp_path / "u.txt"
    urls.write_text(url + "\n")
    run = run_crawl("refetch", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", f"input={urls}")
    [record] = run.records
    assert record["status"] == "error" and "refused" in record["reason"]
    assert "evil.example.com" in record["reason"]


def test_input_directory_with_a_bad_file(replica: Any, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS_DIR / "002_72c21c55ea8088ed.txt", docs)
    (docs / "broken.txt").write_bytes(b"\xff\xfe\x00garbage")
    run = run_crawl("refetch", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", f"input={docs}")
    statuses = sorted((r["status"], r.get("reason") or "") for r in run.records)
    assert statuses[0][0] == "error" and "binary" in statuses[0][1]
    assert statuses[1] == ("unchanged", "")


def test_refetch_after_a_crawl_shares_state_without_dropping(replica: Any, tmp_path: Path) -> None:
    state = tmp_path / "state"
    crawl = run_crawl("fissico", replica.proxy_url, state, tmp_path / "c.jsonl")
    assert crawl.returncode == 0 and len(crawl.records) == len(replica.truth("fissico"))
    earlier = _write_jsonl(tmp_path / "earlier.jsonl", crawl.records[:4])
    run = run_crawl("refetch", replica.proxy_url, state, tmp_path / "o.jsonl",
                    "-a", f"input={earlier}")
    # Crawled before, fetched again: not a duplicate of itself, not skipped by deltafetch.
    assert [r["status"] for r in run.records] == ["unchanged"] * 4
    assert "DuplicateItem" not in run.log


def _url_list(path: Path, urls: list[str]) -> Path:
    path.write_text("".join(f"{url}\n" for url in urls), "utf-8")
    return path


def test_pages_whose_extraction_raises_each_get_an_error_record(replica: Any,
                                                               tmp_path: Path) -> None:
    urls = [r["url"] for site in ("fissico", "sxnews", "shanxidayuan")
            for r in replica.truth(site)[:10]]
    raising = urls[::3] + urls[1::3][:9]  # 19 of 30, on all three sites
    assert len(set(raising)) == 19
    run = run_crawl("refetch", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", f"input={_url_list(tmp_path / 'urls.txt', urls)}",
                    launcher=raising_launcher("crawler.extract.pages:ArticlePage.record",
                                              raising, tmp_path / "raising.txt"))
    assert run.returncode == 1, run.log[-2000:]
    assert len(run.records) == 30  # one per input document, always
    by_url = {r["url"]: r for r in run.records}
    assert set(by_url) == set(urls)
    for url in raising:
        record = by_url[url]
        assert (record["status"], record["reason"]) == ("error", "extract_error:ValueError")
        assert record["id"] == record_id(url)
    assert all(by_url[url]["status"] == "new" for url in set(urls) - set(raising))
    assert "crawl refetch: extraction raised on 19 of 30 article pages" in run.log
    errors = [line for line in run.log.splitlines() if " ERROR: " in line]
    assert len(errors) == 19
    assert all("ValueError: simulated bug (at tests/support/raising.py:" in line
               for line in errors)
    assert "'extract/error/ValueError': 19" in run.log


def test_any_exception_in_a_callback_still_gives_the_page_its_record(replica: Any,
                                                                     tmp_path: Path) -> None:
    # Raised after extraction, storing the page's validators: outside extraction.
    urls = [r["url"] for r in replica.truth("fissico")[:3]]
    run = run_crawl("refetch", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", f"input={_url_list(tmp_path / 'urls.txt', urls)}",
                    launcher=raising_launcher("crawler.refetch:RefetchState.save_page",
                                              urls[1:2], tmp_path / "raising.txt"))
    assert run.returncode == 1, run.log[-2000:]
    by_url = {r["url"]: r for r in run.records}
    assert len(run.records) == 3 and set(by_url) == set(urls)
    assert (by_url[urls[1]]["status"], by_url[urls[1]]["reason"]) == (
        "error", "callback_error:ValueError")
    assert by_url[urls[1]]["id"] == record_id(urls[1])
    assert "crawl refetch: 1 exception raised in spider callbacks (ValueError 1)" in run.log
    [error] = [line for line in run.log.splitlines() if " ERROR: " in line]
    assert f"Callback error on {urls[1]}: ValueError: simulated bug" in error
