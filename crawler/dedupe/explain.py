"""Why two records were, or were not, judged duplicates (``scrapy dedupe --explain``).

The verdict is the real one: both records go through a fresh in-memory
``Deduper`` with the configured parameters, the first then the second. Around
it, what the stages looked at: the canonical URLs, the normalised lengths and
exact hashes, the estimated similarity and the LSH bands shared, and the
specifics compared, by kind, with the rule that decided.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from crawler.dedupe.engine import DedupeConfig, Deduper, Doc, Verdict
from crawler.dedupe.minhash import band_keys
from crawler.dedupe.specifics import HEAD_CHARS, KIND_NAMES, agree, keys_many, readable
from crawler.dedupe.sqlite_store import SQLiteStore


def _listing(found: dict[int, tuple[int, str, bool]]) -> str:
    by_kind: dict[int, list[str]] = {}
    for kind, text, head in sorted(found.values()):
        by_kind.setdefault(kind, []).append(text + ("*" if head else ""))
    return "; ".join(f"{KIND_NAMES[k]} {' '.join(v)}" for k, v in sorted(by_kind.items())) or "none"


def _specifics(deduper: Deduper, doc: Doc) -> dict[int, tuple[int, str, bool]]:
    """Key without the head bit -> (kind, text, found in the headline or lead)."""
    out: dict[int, tuple[int, str, bool]] = {}
    for key, (kind, text) in readable(deduper.prepare(doc).marked).items():
        ident = key & ~(1 << 29)
        head = bool(key & (1 << 29)) or (ident in out and out[ident][2])
        out[ident] = (kind, text, head)
    return out


def explain(config: DedupeConfig, first: Doc, second: Doc) -> tuple[Verdict, list[str]]:
    """The verdict on ``second`` after ``first`` was kept, and lines saying why."""
    config = dataclasses.replace(config, same_id_is_duplicate=True, commit_every=1 << 30)
    deduper = Deduper(config, SQLiteStore())
    verdicts = deduper.check_many([first, second])
    a, b = deduper.prepare(first), deduper.prepare(second)
    sigs = deduper.hasher.sign([a.codes, b.codes])
    similarity = float((sigs[0] == sigs[1]).mean())
    bands = band_keys(sigs, config.bands, config.band_rows)
    shared_bands = int((bands[0] == bands[1]).sum())
    lines = [f"A {first.id} {first.url or ''}".rstrip(),
             f"B {second.id} {second.url or ''}".rstrip()]
    if a.url is not None and a.url == b.url:
        lines.append(f"canonical URL: the same ({a.url})")
    lines.append(f"normalised text: A {len(a.codes)} characters, B {len(b.codes)}; exact hash "
                 + ("equal" if a.digest == b.digest else "different"))
    short = min(len(a.codes), len(b.codes)) < config.near_min_chars
    lines.append(f"near stage: {'not used, ' if short else ''}the shorter text has "
                 f"{min(len(a.codes), len(b.codes))} characters "
                 f"({'<' if short else '>='} DEDUP_NEAR_MIN_CHARS {config.near_min_chars}"
                 f"{': only an exact copy is a duplicate' if short else ''})")
    lines.append(f"similarity (MinHash estimate of the {config.shingle}-character shingles' "
                 f"Jaccard): {similarity:.2f}, threshold {config.threshold:.2f}; LSH bands shared "
                 f"{shared_bands} of {config.bands}"
                 + (" (not looked up: short)" if short
                    else " (a candidate)" if shared_bands else " (not a candidate)"))
    sa, sb = _specifics(deduper, first), _specifics(deduper, second)
    lines.append(f"specifics (* in the headline or lead, the first {HEAD_CHARS} characters):")
    lines.append(f"  shared: {_listing({k: sa[k] for k in sa.keys() & sb.keys()})}")
    lines.append(f"  only in A: {_listing({k: sa[k] for k in sa.keys() - sb.keys()})}")
    lines.append(f"  only in B: {_listing({k: sb[k] for k in sb.keys() - sa.keys()})}")
    verdict = verdicts[1]
    if verdict.agreement is not None:
        lines.append(f"rule: {verdict.agreement.rule}")
    elif verdict.stage is None and not short and similarity >= config.threshold:
        # Similar, yet no band was shared (LSH missed it): what the rule would say.
        ka, kb = keys_many([a.marked, b.marked])
        lines.append(f"rule: {agree(np.asarray(ka), np.asarray(kb)).rule}")
    lines.append("verdict: B is " + (verdict.reason() if verdict.duplicate
                                     else verdict.reason().replace("kept", "kept (not a duplicate)",
                                                                   1)))
    deduper.abort()
    return verdict, lines
