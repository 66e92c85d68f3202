"""Every record stays byte-identical (issue 26's guard for its refactoring).

The records of the drift corpus, real ``scrapy crawl`` runs of all three sites
against a fresh replica of 300 articles a site (the five seeds' pages among
them), ``scrapy clean`` of the seed page texts and a refetch of the seeds are
made afresh (tests/support/records_snapshot.py) and compared, record by record,
with the hashes in tests/fixtures/records/snapshot.json; the exported lines are
compared as bytes too (key order, JSON formatting).

Excluded: ``fetched_at`` only, the wall-clock time of the fetch. Nothing else
differs between runs: the replica's articles and dates are fixed (not relative
to today), Shanxi News' today's-date widget is ignored by extraction (a replica
serving other days' dates gave the same snapshot), and no article of these
replicas is a near-duplicate of another, so the crawls' concurrency decides
nothing (two fresh runs give the same snapshot).

After an intended change to what the crawler outputs:
``python tests/support/records_snapshot.py --update``, and review the diff.
"""

from __future__ import annotations

import pytest
from support.records_snapshot import (
    SNAPSHOT,
    Corpus,
    compare,
    load_snapshot,
    produce,
    snapshot_of,
)


@pytest.mark.slow
def test_every_record_is_identical_to_the_snapshot() -> None:
    report = compare(load_snapshot(SNAPSHOT), produce())
    if report:
        pytest.fail("records differ from tests/fixtures/records/snapshot.json; if the change "
                    "is intended: python tests/support/records_snapshot.py --update, and "
                    "review the diff\n" + "\n".join(report), pytrace=False)


def test_the_comparison_names_what_differs() -> None:
    def corpus(records: dict[str, dict[str, object]]) -> Corpus:
        return Corpus(records=records, lines=[f'{{"k": "{k}"}}' for k in sorted(records)])

    before = {"crawl/x": corpus({"a": {"t": "1"}, "b": {"t": "2"}, "c": {"t": "3"}}),
              "drift": Corpus(records={"f/1": {"t": "x", "fetched_at": "then"}})}
    after = {"crawl/x": corpus({"a": {"t": "1"}, "b": {"t": "two"}, "d": {"t": "4"}}),
             "drift": Corpus(records={"f/1": {"t": "x", "fetched_at": "now"}})}
    report = "\n".join(compare(snapshot_of(before), after))
    assert "crawl/x: 3 records (snapshot 3): 1 missing, 1 added, 1 changed" in report
    assert "missing: c" in report and "added: d" in report
    assert 'changed: b\n    now: {"t": "two"}' in report
    assert "drift" not in report  # fetched_at is volatile

    same_content = {"crawl/x": Corpus(records=before["crawl/x"].records,
                                      lines=['{"k":"a"}', '{"k":"b"}', '{"k":"c"}']),
                    "drift": before["drift"]}
    report = "\n".join(compare(snapshot_of(before), same_content))
    assert "exported bytes differ" in report
