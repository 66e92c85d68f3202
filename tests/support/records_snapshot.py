"""Every record the crawler makes from fixed input, hashed: the guard of issue 26
("every record ... byte-identical before and after").

    python tests/support/records_snapshot.py            # compare with the snapshot
    python tests/support/records_snapshot.py --update   # write it (then review the diff)

The corpora (``produce``):

- ``drift``: the drift corpus (tests/fixtures/drift), each page through
  ``crawler.extract.extract_article`` as tests/unit/test_drift.py calls it; key
  ``<family>/<page>``.
- ``crawl/<site>``: a real ``scrapy crawl <site> -O`` of a fresh replica of
  ``ARTICLES`` articles a site (its seed pages among them: the replica serves
  the five seeds' HTML at their own URLs), the three sites side by side, each
  with its own ``STATE_DIR``; key: the record's ``url``.
- ``clean/seeds``: ``scrapy clean`` of the seed page texts (../shared/seeds/*.txt),
  the offline path from page text to record (not the HTML the replica serves);
  key: the record's ``id``.
- ``refetch/seeds``: ``scrapy crawl refetch -a input=<seeds>/*.txt`` through the
  same replica (the refetch spider and its book); key: the record's ``id``.

Each record is hashed canonically (``json.dumps(sort_keys=True,
ensure_ascii=False)``, sha256, first 16 hex digits) without ``VOLATILE``
fields. The exported corpora are also held to their bytes: ``lines`` hashes the
output's lines as written (sorted, as a concurrent crawl exports in arrival
order), each with the volatile values blanked in place, so a change of key
order or JSON formatting shows even when every record's content is the same.

Excluded, and why: ``fetched_at`` only (the wall-clock time of the fetch; the
sole field that differs between two runs). Where the checkout lies is not part
of a record either: the seeds folder's path, which a refetch names in the reason
of a seed file without a URL, is written ``<seeds>`` before hashing (a clone
elsewhere, as CI's, gives the same snapshot). Nothing else varies: the replica's
articles, ids and dates are fixed (replica/model.py: 2018-2025, not relative to
today); its today's-date widget on Shanxi News GB pages is ignored by extraction
(checked by serving another day's date: the same snapshot); no replica article
of this size is a near-duplicate of another (``dedupe/kept`` equals the records
exported), so the crawls' concurrency and arrival order decide nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
for _path in (ROOT, ROOT / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from conftest import SEEDS_DIR  # noqa: E402
from crawl_helpers import run_crawl  # noqa: E402

DRIFT = ROOT / "tests" / "fixtures" / "drift"
SNAPSHOT = ROOT / "tests" / "fixtures" / "records" / "snapshot.json"
SITES = ("shanxidayuan", "fissico", "sxnews")
ARTICLES = 300  # a site, besides the seeds: the three crawls take seconds each
VOLATILE = ("fetched_at",)
SHOW_KEYS = 20  # keys listed per kind of difference
SHOW_CHARS = 1000  # of a changed record's JSON
SHOW_VALUE = 100  # of each string in it, so that every field shows


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def canonical(record: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in record.items() if k not in VOLATILE},
                      sort_keys=True, ensure_ascii=False)


VOLATILE_VALUE = re.compile(
    r'("(?:' + "|".join(map(re.escape, VOLATILE)) + r')"\s*:\s*)"[^"\\]*"')


def blank_volatile(line: str, record: dict[str, Any]) -> str:
    """The line as written, each volatile value replaced by ``"*"`` in place."""
    blanked, n = VOLATILE_VALUE.subn(r'\1"*"', line)
    expected = {k: ("*" if k in VOLATILE and isinstance(v, str) else v)
                for k, v in record.items()}
    if n != sum(isinstance(record.get(k), str) for k in VOLATILE) \
            or json.loads(blanked) != expected:
        raise ValueError(f"cannot blank the volatile fields of {line[:200]!r}")
    return blanked


@dataclass
class Corpus:
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # key -> record
    lines: list[str] | None = None  # the exported lines, volatile values blanked

    def add(self, key: str, record: dict[str, Any]) -> None:
        if key in self.records:
            raise ValueError(f"two records under one key {key!r}")
        self.records[key] = record

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "count": len(self.records),
            "records": {k: digest(canonical(r)) for k, r in sorted(self.records.items())},
        }
        if self.lines is not None:
            out["lines"] = digest("\n".join(sorted(self.lines)))
        return out


def drift_corpus() -> Corpus:
    from crawler.extract import extract_article

    corpus = Corpus()
    for path in sorted(DRIFT.glob("*/*.json")):
        meta = json.loads(path.read_text("utf-8"))
        body = path.with_suffix(".html").read_bytes()
        record = extract_article(body, meta["served_url"], content_type=meta["content_type"])
        corpus.add(f"{path.parent.name}/{path.stem}", dict(record))
    return corpus


# Paths of this checkout as they appear inside a JSON string, and what stands for them.
PLACES = {json.dumps(str(SEEDS_DIR))[1:-1]: "<seeds>"}


def placeless(line: str) -> str:
    for path, name in PLACES.items():
        line = line.replace(path, name)
    return line


def exported(out: Path, key: Callable[[dict[str, Any]], str]) -> Corpus:
    corpus = Corpus(lines=[])
    assert corpus.lines is not None
    for line in out.read_text("utf-8").splitlines():
        if not line:
            continue
        line = placeless(line)
        record = json.loads(line)
        corpus.add(key(record), record)
        corpus.lines.append(blank_volatile(line, record))
    return corpus


def crawl_corpus(spider: str, proxy: str, where: Path, *args: str,
                 key: Callable[[dict[str, Any]], str]) -> Corpus:
    where.mkdir(parents=True)
    run = run_crawl(spider, proxy, where / "state", where / "out.jsonl", *args)
    if run.returncode != 0:
        raise RuntimeError(f"scrapy crawl {spider} exited {run.returncode}:\n{run.log[-3000:]}")
    return exported(where / "out.jsonl", key)


def clean_corpus(where: Path) -> Corpus:
    import subprocess

    where.mkdir(parents=True)
    out = where / "clean.jsonl"
    proc = subprocess.run([sys.executable, "-m", "scrapy", "clean", str(SEEDS_DIR), "-O", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"scrapy clean exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return exported(out, lambda r: str(r["id"]))


def produce(articles: int = ARTICLES) -> dict[str, Corpus]:
    """Every corpus's records, made afresh (a replica of its own, temp dirs)."""
    from replica import Replica

    by_url: Callable[[dict[str, Any]], str] = lambda r: str(r["url"])  # noqa: E731
    by_id: Callable[[dict[str, Any]], str] = lambda r: str(r["id"])  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="records-") as tmp, \
            Replica(articles=articles) as replica, ThreadPoolExecutor(3) as pool:
        where = Path(tmp)
        jobs = {f"crawl/{site}": pool.submit(crawl_corpus, site, replica.proxy_url,
                                             where / site, key=by_url)
                for site in SITES}
        jobs["refetch/seeds"] = pool.submit(crawl_corpus, "refetch", replica.proxy_url,
                                            where / "refetch", "-a", f"input={SEEDS_DIR}/*.txt",
                                            key=by_id)
        jobs["clean/seeds"] = pool.submit(clean_corpus, where / "clean")
        corpora = {"drift": drift_corpus()}  # in this thread, while the crawls run
        corpora.update({name: job.result() for name, job in jobs.items()})
    return dict(sorted(corpora.items()))


def snapshot_of(corpora: dict[str, Corpus]) -> dict[str, Any]:
    return {name: corpus.summary() for name, corpus in corpora.items()}


def dumps_snapshot(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def load_snapshot(path: Path = SNAPSHOT) -> dict[str, Any]:
    return dict(json.loads(path.read_text("utf-8")))


def _listed(keys: list[str]) -> str:
    more = f" … and {len(keys) - SHOW_KEYS} more" if len(keys) > SHOW_KEYS else ""
    return ", ".join(keys[:SHOW_KEYS]) + more


def shown(record: dict[str, Any]) -> str:
    """The record's canonical JSON, each long string cut (so every field shows)."""
    short = {k: (v[:SHOW_VALUE] + " …" if isinstance(v, str) and len(v) > SHOW_VALUE else v)
             for k, v in record.items()}
    text = canonical(short)
    return text[:SHOW_CHARS] + (" …" if len(text) > SHOW_CHARS else "")


def compare(expected: dict[str, Any], corpora: dict[str, Corpus]) -> list[str]:
    """What differs, per corpus (no lines: identical)."""
    current = snapshot_of(corpora)
    report: list[str] = []
    for name in sorted(set(expected) | set(current)):
        if name not in current:
            report.append(f"{name}: corpus missing (the snapshot has it)")
            continue
        if name not in expected:
            report.append(f"{name}: corpus added ({current[name]['count']} records, "
                          "not in the snapshot)")
            continue
        want, got = expected[name]["records"], current[name]["records"]
        missing = sorted(set(want) - set(got))
        added = sorted(set(got) - set(want))
        changed = sorted(k for k in set(want) & set(got) if want[k] != got[k])
        lines_differ = expected[name].get("lines") != current[name].get("lines")
        if not (missing or added or changed or lines_differ):
            continue
        report.append(f"{name}: {len(got)} records (snapshot {len(want)}): "
                      f"{len(missing)} missing, {len(added)} added, {len(changed)} changed")
        if missing:
            report.append(f"  missing: {_listed(missing)}")
        if added:
            report.append(f"  added: {_listed(added)}")
        for key in changed[:SHOW_KEYS]:
            report.append(f"  changed: {key}\n    now: {shown(corpora[name].records[key])}")
        if len(changed) > SHOW_KEYS:
            report.append(f"  … and {len(changed) - SHOW_KEYS} more changed")
        if lines_differ and not (missing or added or changed):
            lines = corpora[name].lines or [""]
            report.append("  every record's content is the same but the exported bytes differ "
                          "(key order or JSON formatting); a line now: "
                          f"{sorted(lines)[0][:SHOW_CHARS]}")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--update", action="store_true",
                        help=f"write the snapshot ({SNAPSHOT.relative_to(ROOT)})")
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT, help="another snapshot file")
    opts = parser.parse_args(argv)
    start = time.monotonic()
    corpora = produce()
    sizes = ", ".join(f"{name} {len(c.records)}" for name, c in corpora.items())
    print(f"records: {sizes} ({time.monotonic() - start:.0f} s)", file=sys.stderr)
    if opts.update:
        opts.snapshot.parent.mkdir(parents=True, exist_ok=True)
        opts.snapshot.write_text(dumps_snapshot(snapshot_of(corpora)), "utf-8")
        print(f"wrote {opts.snapshot}", file=sys.stderr)
        return 0
    report = compare(load_snapshot(opts.snapshot), corpora)
    print("\n".join(report) if report else "identical to the snapshot")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
