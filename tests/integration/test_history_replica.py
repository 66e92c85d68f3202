"""The template-change alarm over weeks of nightly runs against a growing
replica (issue 25): quiet on the usual template mix, while the union of the
runs' outputs is exactly the replica's truth; loud on an extractor bug that
empties a field; loud on a template switch until the new layout is accepted."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from conftest import SUPPORT
from crawl_helpers import CrawlRun, run_crawl

from replica import Replica

# pytest -n: the module's nightly crawls (one fixture) are made on one worker, once.
pytestmark = pytest.mark.xdist_group("nightly")

SITES = ("shanxidayuan", "fissico", "sxnews")
BASE = 100  # the site on the first crawl
# Articles the site adds before each nightly run: 10 to 300, the usual mix.
GROWTH = (10, 25, 300, 40, 10, 120, 15, 60, 20)
ALARM = "template change suspected"
BLANKING = SUPPORT / "blanking.py"


def saved_runs(state: Path, spider: str) -> list[dict[str, Any]]:
    folder = state / "runs" / spider
    return [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))]


def mismatches(records: list[dict[str, Any]], replica: Any, site: str) -> list[Any]:
    """Where the union of the outputs differs from the replica's truth."""
    got: dict[str, dict[str, Any]] = {}
    twice = []
    for record in records:
        if record["url"] in got:
            twice.append(("exported twice", record["url"]))
        got[record["url"]] = record
    truth = {r["url"]: r for r in replica.truth(site)}
    out: list[Any] = twice + [("missing", u) for u in sorted(set(truth) - set(got))] + [
        ("not in the truth", u) for u in sorted(set(got) - set(truth))]
    model = replica.model(site)
    for url, want in truth.items():
        if url not in got:
            continue
        if want["published_at"] is None:  # a topic page: its listing's day
            want = {**want, "published_at": model.ref_for_url(url).when.date().isoformat()}
        out += [(url, key) for key in want if key != "fetched_at"
                and got[url].get(key) != want[key]]
    return out


@pytest.fixture(scope="module")
def nightly(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Each site crawled once, then grown and crawled again nine times (the
    sites side by side); the replica stays up for the tests that go on."""
    where = tmp_path_factory.mktemp("history")
    with Replica(articles=BASE) as replica:

        def site_runs(site: str) -> list[CrawlRun]:
            state = where / site / "state"
            (where / site).mkdir()
            runs = [run_crawl(site, replica.proxy_url, state, where / site / "run00.jsonl")]
            for n, added in enumerate(GROWTH, 1):
                replica.grow(site, added)
                runs.append(run_crawl(site, replica.proxy_url, state,
                                      where / site / f"run{n:02d}.jsonl"))
            return runs

        with ThreadPoolExecutor(len(SITES)) as pool:
            runs = dict(zip(SITES, pool.map(site_runs, SITES), strict=True))
        yield replica, where, runs


@pytest.mark.slow
@pytest.mark.parametrize("site", SITES)
def test_nightly_runs_of_a_growing_site_are_quiet_and_miss_nothing(
        site: str, nightly: Any) -> None:
    replica, where, every = nightly
    runs = every[site]
    for n, run in enumerate(runs):
        assert run.returncode == 0, (n, run.log[-3000:])
        assert ALARM not in run.log, n
    assert [len(r.records) for r in runs[1:]] == list(GROWTH)
    assert mismatches([r for run in runs for r in run.records], replica, site) == []
    saved = saved_runs(where / site / "state", site)
    assert [s["run/kind"] for s in saved] == ["initial"] + ["nightly"] * len(GROWTH)
    assert not [k for s in saved for k in s if k.startswith("layout/alarm/")]
    # The quiet means something: the later runs were judged against earlier ones.
    judged = [s[f"layout/baseline/{site}"] for s in saved[4:]]
    assert all(not b.startswith("not judged") for b in judged), judged
    assert saved[-1][f"layout/baseline/{site}"].startswith("5 runs")


def blanked_run(replica: Any, state: Path, out: Path, site: str, label: str) -> CrawlRun:
    return run_crawl(site, replica.proxy_url, state, out,
                     launcher=(str(BLANKING), label))


@pytest.mark.slow
def test_an_extractor_bug_that_empties_author_is_caught(nightly: Any) -> None:
    replica, where, _runs = nightly
    site = "shanxidayuan"  # its articles carry an author
    state = where / site / "state"
    before = saved_runs(state, site)[-1]
    assert before[f"layout/{site}/field/author"] > 0.7 * before[f"layout/{site}/pages"]
    replica.grow(site, 20)
    run = blanked_run(replica, state, where / site / "bug.jsonl", site, "author")
    assert run.returncode == 1, run.log[-3000:]
    assert len(run.records) == 20 and not any(r["author"] for r in run.records)
    [line] = [ln for ln in run.log.splitlines() if ALARM in ln and "] ERROR:" in ln]
    # ... and the exit status's reason on stderr, the same line.
    assert f"crawl {site}: {line.split('ERROR: ')[1]} (HEALTH_TEMPLATE_CHANGE=warn" in run.log
    assert re.search(r"author coverage \d+% → 0%", line), line
    assert "date coverage" not in line  # only what moved is named
    saved = saved_runs(state, site)[-1]
    assert saved[f"layout/alarm/{site}"] in line


@pytest.mark.slow
def test_a_template_switch_raises_the_alarm_until_it_is_accepted(nightly: Any) -> None:
    replica, where, _runs = nightly
    site = "sxnews"
    state = where / site / "state"
    replica.switch_template(site, since=replica.model(site).total)  # the next one grown
    try:
        outputs = []

        def night(n: int, *args: str) -> CrawlRun:
            replica.grow(site, 25)
            out = where / site / f"switched{n}.jsonl"
            outputs.append(out)
            return run_crawl(site, replica.proxy_url, state, out, *args)

        met = night(1)
        assert met.returncode == 1, met.log[-3000:]
        [line] = [ln for ln in met.log.splitlines() if ALARM in ln and "] ERROR:" in ln]
        # The fields that moved are named, and the new container.
        for named in (r"body by the site's selectors \d+% → 0%",
                      r"time of day coverage \d+% → 0%", r"editor coverage \d+% → 0%",
                      r"new body container div#zoom on \d+% of pages"):
            assert re.search(named, line), (named, line)
        assert "date coverage" not in line  # still dated, by day
        again = night(2)
        assert again.returncode == 1 and "since " + line.split("since ")[1][:16] in again.log
        accepted = night(3, "-s", "HEALTH_TEMPLATE_ACCEPT=True")
        assert accepted.returncode == 0, accepted.log[-3000:]
        assert "layout accepted as the new normal (HEALTH_TEMPLATE_ACCEPT)" in accepted.log
        for n in (4, 5):
            quiet = night(n)
            assert quiet.returncode == 0 and ALARM not in quiet.log, quiet.log[-3000:]
        saved = saved_runs(state, site)
        assert saved[-1][f"layout/baseline/{site}"].startswith("2 runs")
        # Every switched article was exported once, as its truth now reads.
        records = [json.loads(x) for out in outputs for x in out.read_text("utf-8").splitlines()]
        assert len(records) == 5 * 25
        truth = {r["url"]: r for r in replica.truth(site)}
        assert [(r["url"], k) for r in records for k in truth[r["url"]]
                if k != "fetched_at" and r[k] != truth[r["url"]][k]] == []
    finally:
        replica.clear_faults()
