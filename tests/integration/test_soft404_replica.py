"""Soft 404s and redirects against the replica: a re-fetch tells deleted from
updated and moved, an id walk never exports an error page or a home page, and no article of the
replica is taken for an error page (the offline rules: tests/unit/test_soft404.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crawl_helpers import run_crawl

from crawler.extract.article import extract
from crawler.refetch import RefetchState
from crawler.sites import site_named

# url -> (fault, parameters, the status and reason a re-fetch must give)
CASES: list[tuple[str, str, dict[str, Any], str, str]] = [
    ("fissico", "soft_404", {"style": "dedecms"}, "gone", "soft_404"),
    ("fissico", "soft_404", {"style": "dedecms_showmsg"}, "gone", "soft_404"),
    ("fissico", "soft_404", {"style": "phpcms"}, "gone", "soft_404"),
    ("shanxidayuan", "soft_404", {"style": "empirecms"}, "gone", "soft_404"),
    ("shanxidayuan", "soft_404", {"style": "iis"}, "gone", "soft_404"),
    ("shanxidayuan", "soft_404", {"style": "site"}, "gone", "soft_404"),
    ("sxnews", "soft_404", {"style": "dedecms_big5"}, "gone", "soft_404"),
    # The site's own error page that says nothing of an error: known from
    # what the site answered for a URL that does not exist.
    ("sxnews", "soft_404", {"style": "site_quiet"}, "gone", "soft_404"),
    ("fissico", "redirect", {"to": "home"}, "gone", "redirect_to_home"),
    ("sxnews", "redirect", {"to": "home", "status": 301}, "gone", "redirect_to_home"),
    ("shanxidayuan", "redirect", {"to": "listing"}, "gone", "redirect_to_listing"),
    ("fissico", "redirect", {"to": "search"}, "gone", "redirect_to_search"),
]


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_refetch_tells_deleted_and_moved_from_updated(replica: Any, tmp_path: Path) -> None:
    picks = {site: iter(replica.truth(site)[5:40]) for site in ("fissico", "shanxidayuan",
                                                                "sxnews")}
    cases = [(next(picks[site]), fault, params, status, reason)
             for site, fault, params, status, reason in CASES]
    untouched = [next(picks["fissico"]), next(picks["sxnews"])]
    moved_from, moved_to = next(picks["fissico"]), next(picks["fissico"])
    known = [record for record, *_ in cases] + untouched + [moved_from]
    earlier = _write_jsonl(tmp_path / "earlier.jsonl", known)
    state = tmp_path / "state"
    first = run_crawl("refetch", replica.proxy_url, state, tmp_path / "first.jsonl",
                      "-a", f"input={earlier}")
    assert first.returncode == 0, first.log[-2000:]
    assert {r["status"] for r in first.records} == {"unchanged"}

    for record, fault, params, _, _ in cases:
        replica.fault(fault, url=record["url"], **params)
    replica.fault("redirect", url=moved_from["url"], to=moved_to["url"], status=301)
    # What each site answers for a URL that names no page: sxnews its quiet page.
    replica.fault("missing", site="sxnews", style="site_quiet")
    run = run_crawl("refetch", replica.proxy_url, state, tmp_path / "o.jsonl",
                    "-a", f"input={earlier}")
    assert run.returncode == 0, run.log[-2000:]
    got = {r["id"]: r for r in run.records}
    assert len(got) == len(known)
    for record, fault, params, status, reason in cases:
        out = got[record["id"]]
        assert (out["status"], out.get("reason")) == (status, reason), (fault, params)
        # The record keeps what the input held, never the error page or home page.
        assert out["text"] == record["text"] and out["url"] == record["url"]
    assert all(got[r["id"]]["status"] == "unchanged" for r in untouched)
    moved = got[moved_from["id"]]
    assert moved["status"] == "moved" and moved["url"] == moved_to["url"]
    assert moved["text"] == moved_to["text"] and moved["reason"] == f"moved from " \
        f"{moved_from['url']}"
    assert not any(r["status"] == "updated" for r in run.records)
    # No request went to a search page (robots.txt forbids some): the redirect is not followed.
    assert not any("search" in url for url in run.fetched)
    # The state still holds each gone page's article as it was.
    pages = RefetchState(state / "refetch" / "pages.sqlite")
    try:
        for record, *_ in cases:
            stored = pages.get(record["id"])
            assert stored is not None and stored["record"]["text"] == record["text"]
    finally:
        pages.close()
    stats = run.log.rsplit("Dumping Scrapy stats", 1)[1]
    assert "'refetch/soft_404/learned': 1" in stats
    assert "'soft404/probe/200': 1" in stats and "'soft404/probe/404': 2" in stats


def test_quiet_error_page_unknown_without_the_probe(replica: Any, tmp_path: Path) -> None:
    """The control: with SOFT404_PROBE off and no earlier probe, the site's quiet
    error page is not known as one (an ``error`` record, no article): the
    learned fingerprint is what tells it is gone."""
    record = replica.truth("sxnews")[12]
    replica.fault("soft_404", url=record["url"], style="site_quiet")
    replica.fault("missing", site="sxnews", style="site_quiet")
    earlier = _write_jsonl(tmp_path / "earlier.jsonl", [record])
    run = run_crawl("refetch", replica.proxy_url, tmp_path / "state", tmp_path / "o.jsonl",
                    "-a", f"input={earlier}", "-s", "SOFT404_PROBE=False")
    assert [r["status"] for r in run.records] == ["error"], run.records


def test_id_walk_exports_no_error_or_home_page(replica: Any, tmp_path: Path) -> None:
    """fissico answers missing ids with its error page (200) and, for a few,
    with a redirect home: every exported record is an article of the range."""
    site = site_named("fissico")
    by_id = {int(m["id"]): (m["column"], url) for url in replica.urls("fissico")
             if (m := site.article_match(url))}
    ids = sorted(by_id)
    start, end = ids[len(ids) // 2], ids[len(ids) // 2 + 24]
    wanted = {url for n, (_, url) in by_id.items() if start <= n <= end}
    columns = ",".join(sorted(set(site.columns) | {c for c, _ in by_id.values()}))
    replica.fault("missing", site="fissico", style="site")
    deleted = sorted(wanted)[:2]
    replica.fault("redirect", url=deleted[0], to="home")
    replica.fault("soft_404", url=deleted[1], style="dedecms")
    run = run_crawl("fissico", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", f"ids={start}-{end}", "-a", f"categories={columns}")
    assert run.returncode == 0, run.log[-2000:]
    assert {r["url"] for r in run.records} == wanted - set(deleted)
    stats = run.log.rsplit("Dumping Scrapy stats", 1)[1]
    assert f"'ids/not_found': {end - start + 1 - len(wanted) + 2}" in stats
    assert f"'ids/found': {len(wanted) - 2}" in stats
    # Missing ids met the site's error page, learnt from the probe first.
    assert "'soft404/probe/learned': 1" in stats and "'soft404/learned'" in stats
    assert "'soft404/title': 1" in stats  # the deleted article's 系统提示 page
    assert "'soft404/redirect_to_home': 1" in stats


def test_replica_articles_of_every_site_are_articles(replica_session: Any) -> None:
    """A quarter of the replica's articles, every template era and family
    among them (headline-only video items too): none is gone."""
    import urllib.request

    proxy = urllib.request.ProxyHandler({"http": replica_session.proxy_url})
    opener = urllib.request.build_opener(proxy)
    judged = 0
    for site in ("shanxidayuan", "fissico", "sxnews"):
        for record in replica_session.truth(site)[::4]:
            body = opener.open(record["url"], timeout=30).read()
            found = extract(body, record["url"])  # raises ErrorPage if taken for one
            assert found.record["title"] == record["title"], record["url"]
            judged += 1
    assert judged >= 150
