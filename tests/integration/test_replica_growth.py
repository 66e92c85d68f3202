"""The replica as a live site over time: a base layout plus grown articles.

``SiteModel(site, N, base=B)`` (``Replica(articles=N, base=B)``, ``scrapy
replica --articles N --base B``) must be the replica of B articles grown by
N-B, so raising N keeps every earlier URL, id, text and date; without ``base``
nothing changes. Like tests/integration/test_replica.py these use only the replica's own
pieces, never the crawler's.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from datetime import datetime
from typing import Any

import pytest
from conftest import ROOT
from test_replica import SITES, control, listing_urls

from replica import Replica
from replica.generator import BEIJING
from replica.model import SXNEWS_GB_HOSTS, SiteModel

BASE = 100
SIZES = (100, 101, 130, 190, 420)  # B, then ever more grown


def _truth(model: SiteModel) -> dict[str, dict[str, Any]]:
    return {r["url"]: r for r in model.truth()}


@pytest.mark.parametrize("site", SITES)
def test_base_plus_articles_is_the_base_replica_grown(site: str) -> None:
    grown = SiteModel(site, BASE)
    new = grown.grow(60)
    built = SiteModel(site, BASE + 60, base=BASE)
    assert list(built.truth()) == list(grown.truth())
    assert [built.url_of(i) for i in range(BASE, BASE + 60)] == new
    # every record of the 100 is in the 160, unchanged
    small, big = _truth(SiteModel(site, BASE)), _truth(built)
    assert all(big[url] == rec for url, rec in small.items())
    assert set(big) - set(small) == set(new)
    # ... which a replica of 160 laid out for 160 is not (the layout follows its size)
    assert list(SiteModel(site, BASE + 60).truth()) != list(built.truth())


@pytest.mark.parametrize("site", SITES)
def test_raising_articles_keeps_every_earlier_record(site: str) -> None:
    """Truth of B + k grown is a subset of B + k + m, every field equal, for
    every step; the new ones are exactly the next grown ones."""
    models = [SiteModel(site, n, base=BASE) for n in SIZES]
    for small, big in itertools.pairwise(models):
        before, after = _truth(small), _truth(big)
        assert all(after[url] == rec for url, rec in before.items()), site
        assert set(after) - set(before) == {big.url_of(i) for i in range(small.total,
                                                                          big.total)}
        assert len(after) == len(before) + big.total - small.total
    # and a grown article is the same record however it came to be
    last = models[-1]
    live = SiteModel(site, BASE)
    for n in SIZES[1:]:
        live.grow(n - live.total)
    assert list(live.truth()) == list(last.truth())
    info = {ex["name"]: ex["articles"] for ex in last.info["eras"]}
    assert info == {ex["name"]: ex["articles"] for ex in SiteModel(site, BASE).info["eras"]}


@pytest.mark.parametrize("site", SITES)
def test_grown_articles_are_newer_and_keep_rising(site: str) -> None:
    model = SiteModel(site, 400, base=BASE)
    base_refs = [model.ref(i) for i in range(BASE)]
    grown = [model.ref(i) for i in range(BASE, model.total)]
    newest_base = max(r.when for r in base_refs + model.seeds)
    records = [model.record(r) for r in grown]
    if site == "fissico":  # fissico prints the day only: 24 grown articles a day
        assert all(a.when <= b.when for a, b in itertools.pairwise(grown))
        assert grown[0].when >= newest_base and grown[-1].when > grown[0].when
        assert all(a["published_at"] <= b["published_at"]
                   for a, b in itertools.pairwise(records))
    else:
        assert all(a.when < b.when for a, b in itertools.pairwise(grown))
        assert grown[0].when > newest_base
    # ids go on rising: one sequence (fissico), per column (shanxidayuan), strided (sxnews)
    by_column: dict[str, list[int]] = {}
    for ref in grown:
        by_column.setdefault(ref.column if site == "shanxidayuan" else "", []).append(ref.num)
    base_max: dict[str, int] = {}
    for ref in base_refs + model.seeds:
        key = ref.column if site == "shanxidayuan" else ""
        if site != "sxnews" or model.columns[ref.column].scheme == "gb":
            base_max[key] = max(base_max.get(key, 0), ref.num)
    for key, nums in by_column.items():
        assert nums == sorted(set(nums)) and nums[0] > base_max[key], (site, key)


@pytest.mark.parametrize("site", SITES)
def test_grown_articles_have_the_usual_mix(site: str) -> None:
    model = SiteModel(site, BASE + 300, base=BASE)
    last_era = model.eras[-1].era
    grown = [model.article(model.ref(i)) for i in range(BASE, model.total)]
    families = {a.family for a in grown}
    expected = {"shanxidayuan": {"theme0", "theme1", "theme2", "dede", "pboot", "phpcms"},
                "fissico": {"kbcmw_a", "kbcmw_b", "dede_default", "dede_table"},
                "sxnews": {"pd2023", "pd2019", "photo", "special"}}[site]
    assert families == expected
    assert {a.column for a in grown} == {c.key for c in last_era.columns}
    if site == "sxnews":  # over every GB host and node, as the base's GB articles
        hosts = {a.url.split("/")[2] for a in grown}
        assert hosts == set(SXNEWS_GB_HOSTS)
        assert all("/GB/" in a.url for a in grown)
    assert any(len(a.extra.get("breaks", ())) for a in grown) or site == "shanxidayuan"


@pytest.mark.parametrize("site", SITES)
def test_listings_and_homes_put_grown_articles_first(site: str) -> None:
    model = SiteModel(site, BASE + 80, base=BASE)
    grown_urls = {model.url_of(i) for i in range(BASE, model.total)}
    for column in model.eras[-1].era.columns:
        refs, _pages = model.listing(column.key, 1)
        mine = [model.ref(i) for i in range(model.total - 1, BASE - 1, -1)
                if model.column_of(i) == column.key]
        assert [r.url for r in refs[:len(mine)]] == [r.url for r in mine][:len(refs)]
    newest = model.newest(10)
    assert all(r.url in grown_urls for r in newest)


def test_served_replica_with_a_base_lists_the_grown_first() -> None:
    with Replica(articles=BASE + 25, base=BASE) as replica:
        model = replica.model("shanxidayuan")
        assert (model.n, model.grown) == (BASE, 25)
        first = model.url_of(model.total - 1)  # the newest
        column = model.column_of(model.total - 1)
        found, _ = listing_urls(replica, "shanxidayuan",
                                f"http://www.shanxidayuan.com/gsyl/{column}/")
        assert found[0] == first
        status, body = control(replica, "/_replica/info")
        info = json.loads(body)
        assert status == 200 and (info["fissico"]["base"], info["fissico"]["grown"]) == (BASE, 25)
        before = {r["url"]: r for r in replica.truth("sxnews")}
        new = replica.grow("sxnews", 5)
        after = {r["url"]: r for r in replica.truth("sxnews")}
        assert all(after[u] == r for u, r in before.items()) and set(after) - set(before) == \
            set(new)
        assert list(SiteModel("sxnews", BASE + 30, base=BASE).truth()) == replica.truth("sxnews")


def test_bad_base_is_refused() -> None:
    with pytest.raises(ValueError):
        SiteModel("fissico", 100, base=101)
    with pytest.raises(ValueError):
        SiteModel("fissico", 100, base=0)


def test_replica_command_serves_base_and_grown(tmp_path: Any) -> None:
    """``scrapy replica --articles N --base B`` serves the grown replica; the
    template switch is given as ``--fault template_switch:site=S,from=…``."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapy", "replica", "--port", "0", "--articles", "130",
         "--base", "100", "--fault", "template_switch:site=sxnews,from=2026-01-01T05:00"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        m = re.search(r"on http://127\.0\.0\.1:(\d+)", line)
        assert m, line + (proc.stderr.read() if proc.stderr and proc.poll() is not None else "")
        port = int(m[1])

        class At:  # what control() needs of a Replica
            pass

        at: Any = At()
        at.port = port
        expected = SiteModel("fissico", 130, base=100)
        status, body = control(at, "/_replica/truth?site=fissico")
        assert status == 200
        assert [json.loads(x) for x in body.decode().splitlines()] == list(expected.truth())
        status, body = control(at, "/_replica/faults")
        assert json.loads(body)["templates"] == {
            "sxnews": {"name": "template_switch", "from": "2026-01-01T05:00:00+08:00"}}
        switched = SiteModel("sxnews", 130, base=100)
        switched.switch_template(datetime(2026, 1, 1, 5, 0, tzinfo=BEIJING))
        status, body = control(at, "/_replica/truth?site=sxnews")
        served = [json.loads(x) for x in body.decode().splitlines()]
        assert served == list(switched.truth()) != list(SiteModel("sxnews", 130, base=100).truth())
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_replica_command_refuses_a_base_above_articles() -> None:
    run = subprocess.run([sys.executable, "-m", "scrapy", "replica", "--port", "0",
                          "--articles", "50", "--base", "60"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 2 and "--base must be between 1 and --articles" in run.stderr
