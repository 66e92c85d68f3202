"""Dedupe benchmark (on demand; prints figures, asserts nothing).

    python bench/bench_dedupe.py                      # 1,000,000 documents
    python bench/bench_dedupe.py --docs 100000 --datasketch-docs 20000
    python bench/bench_dedupe.py --tune               # parameter measurement

1. Generates ``--docs`` records (testkit/synth.py, ~20 % copies) into a JSONL
   file (cached in ``--workdir``; generation is not timed).
2. Runs ``scrapy dedupe`` on it in a child process pinned to one core
   (``taskset -c 0``), with a fresh ``STATE_DIR``: wall time, CPU time, peak RSS.
3. Runs the first ``--datasketch-docs`` of the same records through datasketch
   (``MinHash`` + ``MinHashLSH``, same normalisation, shingles, permutations,
   bands and threshold) in another pinned child, timed the same way as a whole
   process: docs/s, peak RSS and the ratios.
4. Compares MinHash implementations (rensa, numpy, datasketch) on signing alone.

``--tune`` prints precision/recall on a labelled set of 2,700 pairs for a grid
of shingle size, permutations, bands and threshold (the numbers in
docs/dedupe.md). ``--short`` measures DEDUP_NEAR_MIN_CHARS: by normalised
length, how often the near stage (specifics included, no length floor) calls
two different formulaic reports duplicates, and how often it finds a copy with
one character changed. Every run also prints precision and recall on the
labelled formulaic set (tests/fixtures/dedupe/formulaic.jsonl).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.dedupe import DedupeConfig  # noqa: E402
from crawler.dedupe.normalize import normalised_codes  # noqa: E402


def generate(path: Path, n: int, seed: int) -> None:
    from testkit.synth import bench_records

    if path.exists():
        return
    t0 = time.perf_counter()
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for rec in bench_records(n, seed=seed):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.rename(path)
    print(f"generated {n:,} docs in {time.perf_counter() - t0:.0f}s "
          f"({path.stat().st_size / 2**20:.0f} MiB)")


def pinned(cmd: list[str]) -> list[str]:
    return (["taskset", "-c", "0", *cmd]) if shutil.which("taskset") else cmd


def run_child(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(wall s, cpu s, peak RSS MiB) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(pinned(cmd), cwd=ROOT, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        print(f"child exited with status {status}: {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def datasketch_worker(path: Path, limit: int, result: Path) -> None:
    """Child: the same records through datasketch; prints docs/s and near/exact counts."""
    from datasketch import MinHash, MinHashLSH

    cfg = DedupeConfig()
    rows = cfg.band_rows
    lsh = MinHashLSH(threshold=cfg.threshold, num_perm=cfg.num_perm, params=(cfg.bands, rows))
    dups = 0
    kept: dict[str, MinHash] = {}
    t0 = time.perf_counter()
    with path.open("rb") as fh:
        for i, raw in enumerate(fh):
            if i >= limit:
                break
            rec = json.loads(raw)
            s = normalised_codes(rec["text"]).tobytes().decode("utf-32-le")
            k = cfg.shingle
            shingles = [s[j:j + k].encode("utf-8") for j in range(max(1, len(s) - k + 1))]
            m = MinHash(num_perm=cfg.num_perm, seed=cfg.seed)
            m.update_batch(shingles)
            # LSH candidates verified against the threshold, as scrapy dedupe does.
            if any(m.jaccard(kept[c]) >= cfg.threshold for c in lsh.query(m)):
                dups += 1
            else:
                lsh.insert(rec["id"], m)
                kept[rec["id"]] = m
    dt = time.perf_counter() - t0
    result.write_text(json.dumps({"docs": min(limit, i + 1), "seconds": dt, "duplicates": dups}))


def compare_minhash(path: Path, n: int = 2000) -> None:
    """Signing alone, per document: rensa vs numpy vs datasketch."""
    import numpy as np
    from datasketch import MinHash

    from crawler.dedupe.minhash import MinHasher
    from testkit.numpy_minhash import NumpyMinHash

    cfg = DedupeConfig()
    with path.open("rb") as fh:
        codes = [normalised_codes(json.loads(next(fh))["text"]) for _ in range(n)]
    results = {}
    for name, hasher in (("rensa", MinHasher(cfg.shingle, cfg.num_perm)),
                         ("numpy", NumpyMinHash(cfg.shingle, cfg.num_perm))):
        t0 = time.perf_counter()
        for i in range(0, n, 512):
            hasher.sign(codes[i:i + 512])
        results[name] = (time.perf_counter() - t0) / n * 1e6
    t0 = time.perf_counter()
    for c in codes[: n // 4]:
        s = c.tobytes().decode("utf-32-le")
        m = MinHash(num_perm=cfg.num_perm)
        m.update_batch([s[j:j + cfg.shingle].encode() for j in range(len(s) - cfg.shingle + 1)])
    results["datasketch"] = (time.perf_counter() - t0) / (n // 4) * 1e6
    mean_len = float(np.mean([len(c) for c in codes]))
    print(f"signing ({cfg.num_perm} perms, mean {mean_len:.0f} normalised chars): "
          + ", ".join(f"{k} {v:.0f} µs/doc" for k, v in results.items()))


def tune() -> None:
    from crawler.dedupe import Deduper, Doc, SQLiteStore
    from testkit.synth import labelled_pairs

    pairs = labelled_pairs(per_kind=300, seed=2026)
    print(f"{len(pairs)} labelled pairs")
    for k in (2, 3, 4, 5, 6):
        for perm, bands, rows in ((64, 16, 0), (64, 32, 0), (128, 16, 0), (128, 32, 0),
                                  (128, 64, 0), (128, 16, 4), (128, 24, 4)):
            for thr in (0.45, 0.5, 0.55):
                cfg = DedupeConfig(shingle=k, num_perm=perm, bands=bands, rows=rows,
                                   threshold=thr)
                tp = fp = fn = 0
                t0 = time.perf_counter()
                for p in pairs:
                    d = Deduper(cfg, SQLiteStore())
                    d.check(Doc("a" * 16, None, p.a))
                    dup = d.check(Doc("b" * 16, None, p.b)).duplicate
                    tp += dup and p.duplicate
                    fp += dup and not p.duplicate
                    fn += (not dup) and p.duplicate
                prec = tp / (tp + fp) if tp + fp else 1.0
                print(f"k={k} perm={perm:3d} bands={bands:2d} rows={cfg.band_rows} thr={thr:.2f}: "
                      f"P={prec:.4f} R={tp / (tp + fn):.4f} FP={fp} FN={fn} "
                      f"({time.perf_counter() - t0:.1f}s)", flush=True)


def formulaic(config: DedupeConfig | None = None) -> str:
    """Precision and recall on the labelled formulaic set, through the real code
    path (one in-memory store, the records in the fixture's order)."""
    from crawler.dedupe import Deduper, Doc, SQLiteStore
    from testkit.formulaic import fixture_records, score

    records = fixture_records()
    d = Deduper(config or DedupeConfig(), SQLiteStore())
    t0 = time.perf_counter()
    verdicts = d.check_many([Doc(r["id"], r["url"], r["text"]) for r in records])
    dt = time.perf_counter() - t0
    s = score(records, verdicts)
    return (f"formulaic set ({s['records']} records, {s['duplicates']} duplicates): precision "
            f"{s['precision']:.4f} recall {s['recall']:.4f} (FP {s['fp']}, FN {s['fn']}; "
            f"{dt * 1e6 / len(records):.0f} µs/record)")


def short_texts(pairs_per_cell: int = 150) -> None:
    """Near stage without a length floor on formulaic reports cut to their first
    lines: share of different reports called duplicates, and of one-character
    edits found, by normalised length."""
    import random

    from testkit.formulaic import Reports

    cfg = DedupeConfig(near_min_chars=0)
    for unknown in (False, True):
        print("people and places " + ("no lexicon knows (Shaanxi's, rare surnames)"
                                      if unknown else "as the sites print them"))
        _short_table(cfg, Reports(2027, unknown=unknown), random.Random(2027), pairs_per_cell)


def _short_table(cfg: DedupeConfig, gen: Any, rng: Any, pairs_per_cell: int) -> None:
    from collections import defaultdict

    from crawler.dedupe import Deduper, Doc, SQLiteStore, normalise
    from testkit.formulaic import TEMPLATES

    buckets = (0, 20, 40, 60, 80, 100, 120, 160, 240, 10**6)
    fp: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    found: dict[int, list[int]] = defaultdict(lambda: [0, 0])

    def bucket(n: int) -> int:
        return max(b for b in buckets if b <= n)

    def dup(a: str, b: str) -> bool:
        d = Deduper(cfg, SQLiteStore())
        d.check(Doc("a" * 16, None, a))
        return d.check(Doc("b" * 16, None, b)).duplicate

    for template in TEMPLATES:
        texts = list(dict.fromkeys(getattr(gen, template)() for _ in range(80)))
        for lines in range(1, 6):
            cut = list(dict.fromkeys("\n".join(t.split("\n")[:lines]) for t in texts))
            for _ in range(pairs_per_cell):
                a, b = rng.sample(cut, 2)
                cell = fp[bucket(min(len(normalise(a)), len(normalise(b))))]
                cell[0] += dup(a, b)
                cell[1] += 1
            for a in rng.sample(cut, min(len(cut), pairs_per_cell // 3)):
                i = rng.randrange(len(a))
                if a[i] == "\n":
                    continue
                cell = found[bucket(len(normalise(a)))]
                cell[0] += dup(a, a[:i] + rng.choice("的一是在不了有和人这中大为上") + a[i + 1:])
                cell[1] += 1
    print("normalised length | different reports called duplicates | one-character edits found")
    for lo, hi in itertools.pairwise(buckets):
        f, n = fp[lo]
        g, m = found[lo]
        if n or m:
            print(f"{lo}-{hi - 1 if hi < 10**6 else ''} | {f}/{n} ({f / max(n, 1):.1%}) | "
                  f"{g}/{m} ({g / max(m, 1):.1%})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=1_000_000)
    ap.add_argument("--datasketch-docs", type=int, default=None,
                    help="how many of the same docs datasketch runs (default: all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/bench_dedupe"))
    ap.add_argument("--tune", action="store_true")
    ap.add_argument("--short", action="store_true", help="measure DEDUP_NEAR_MIN_CHARS")
    ap.add_argument("--datasketch-worker", nargs=3, metavar=("PATH", "LIMIT", "RESULT"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.datasketch_worker:
        datasketch_worker(Path(args.datasketch_worker[0]), int(args.datasketch_worker[1]),
                          Path(args.datasketch_worker[2]))
        return
    if args.tune:
        tune()
        return
    if args.short:
        short_texts()
        return
    print(formulaic())

    args.workdir.mkdir(parents=True, exist_ok=True)
    docs = args.workdir / f"docs-{args.docs}-{args.seed}.jsonl"
    generate(docs, args.docs, args.seed)
    compare_minhash(docs, min(2000, args.docs))

    state = args.workdir / "state"
    shutil.rmtree(state, ignore_errors=True)
    out = args.workdir / "out.jsonl"
    # -o appends and skips what the output holds: a run's output must start empty.
    out.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "scrapy", "dedupe", str(docs), "-o", str(out),
           "-s", f"STATE_DIR={state}"]
    wall, cpu, rss = run_child(cmd)
    kept = sum(1 for _ in out.open("rb"))
    db = state / "dedupe" / "dedupe.sqlite3"
    db_mb = sum(p.stat().st_size for p in db.parent.glob("*")) / 2**20
    print(f"scrapy dedupe: {args.docs:,} docs in {wall:.1f}s wall, {cpu:.1f}s CPU "
          f"(one core) = {args.docs / wall:,.0f} docs/s; peak RSS {rss:.0f} MiB; "
          f"kept {kept:,}; state {db_mb:.0f} MiB on disk")

    limit = args.docs if args.datasketch_docs is None else min(args.docs, args.datasketch_docs)
    # datasketch as a whole process too (start-up, reading, parsing included),
    # pinned to the same core: the same kind of figure as scrapy dedupe's.
    result = args.workdir / "datasketch.json"
    ds_wall, ds_cpu, ds_rss = run_child([sys.executable, __file__, "--datasketch-worker",
                                         str(docs), str(limit), str(result)])
    if not result.exists():
        print("datasketch worker failed")
        return
    ds = json.loads(result.read_text())
    ds_rate = ds["docs"] / ds_wall
    print(f"datasketch MinHash+MinHashLSH: {ds['docs']:,} docs in {ds_wall:.1f}s wall, "
          f"{ds_cpu:.1f}s CPU = {ds_rate:,.0f} docs/s; peak RSS {ds_rss:.0f} MiB "
          f"(dropped {ds['duplicates']:,})")
    print(f"ratio: scrapy dedupe {args.docs / wall / ds_rate:.1f}x the docs/s of datasketch, "
          f"{rss / max(ds_rss, 1):.2f}x its memory (same documents, whole processes"
          + (f"; datasketch on the first {limit:,}" if limit < args.docs else "") + ")")


if __name__ == "__main__":
    main()
