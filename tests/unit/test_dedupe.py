"""Dedupe core: normalisation, the labelled set (precision/recall), state across restarts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import opencc
import pytest
from conftest import golden_records

from crawler.dedupe import (
    DedupeConfig,
    Deduper,
    Doc,
    ParamsMismatch,
    SQLiteStore,
    normalise,
    open_store,
)
from crawler.dedupe.minhash import MinHasher, shingle_hashes
from crawler.dedupe.normalize import normalised_codes
from crawler.urls import canonical_url
from testkit.numpy_minhash import NumpyMinHash
from testkit.synth import NEGATIVE_KINDS, POSITIVE_KINDS, Writer, labelled_pairs


def test_normalise_folds_script_glosses_punctuation_and_space() -> None:
    assert normalise("發(fā)展, 經濟。\n\n(記者楊文)ＡＢｃ 12") == "发展经济记者杨文abc12"
    assert normalise("") == ""


def test_character_table_equals_opencc_on_the_golden_texts() -> None:
    cc = opencc.OpenCC("t2s")
    for rec in golden_records():
        expected = "".join(ch for ch in cc.convert(rec["text"]) if ch.isalnum()).lower()
        got = normalise(rec["text"])
        # Equal except where the phrase-only folds apply (覆 -> 复 ...).
        assert len(got) == len(expected)
        assert sum(a != b for a, b in zip(got, expected, strict=True)) <= 3


def test_mirror_copy_of_golden_normalises_to_the_original() -> None:
    w = Writer(1)
    for rec in golden_records():
        simplified = opencc.OpenCC("t2s").convert(rec["text"])
        mirror = w.mirror(simplified)
        assert "(" in mirror and mirror != simplified
        assert normalise(mirror) == normalise(simplified)


def test_shingles_are_character_kgrams() -> None:
    codes = normalised_codes("疫情防控工作")
    assert len(shingle_hashes(codes, 3)) == 4
    assert len(shingle_hashes(normalised_codes("疫情"), 3)) == 1  # shorter than k: one shingle
    assert len(shingle_hashes(normalised_codes(""), 3)) == 0
    # Same k-gram, same hash, wherever it occurs.
    h = shingle_hashes(normalised_codes("防控防控防控"), 2)
    assert h[0] == h[2] == h[4]


def test_a_batch_is_hashed_and_signed_as_its_documents_one_by_one() -> None:
    texts = [r["text"] for r in golden_records()]
    short = [normalised_codes(""), normalised_codes("防控工作")]  # no shingle, one shingle
    docs = [normalised_codes(t) for t in texts] + short
    hasher = MinHasher(6, 64)
    empty = docs[5:6]
    # With and without short ones; empty ones first, between and last.
    for batch in (docs[:5], docs, empty + docs[:2], docs[:2] + empty + docs[2:3] + empty):
        flat, offsets = hasher._flat(batch)
        assert len(offsets) == len(batch) + 1
        for i, codes in enumerate(batch):
            own = flat[int(offsets[i]):int(offsets[i + 1])]
            assert np.array_equal(own, shingle_hashes(codes, 6)), i
        together = hasher.sign(batch)
        for i, codes in enumerate(batch):
            assert np.array_equal(together[i], hasher.sign([codes])[0]), i


def test_numpy_and_rensa_minhash_estimate_the_same_similarity() -> None:
    texts = [r["text"] for r in golden_records()]
    a, b = normalised_codes(texts[2]), normalised_codes(texts[2][: len(texts[2]) * 3 // 4])
    for hasher in (MinHasher(3, 256), NumpyMinHash(3, 256)):
        sig = hasher.sign([a, b])
        assert 0.6 < float((sig[0] == sig[1]).mean()) < 0.9


def test_canonical_url_rules() -> None:
    base = "http://www.shanxidayuan.com/gsyl/lzyl/10077.html"
    for variant in (
        "HTTPS://WWW.ShanxiDayuan.com:443/gsyl/lzyl/10077.html#comments",
        "http://www.shanxidayuan.com:80/gsyl/lzyl/10077.html?utm_source=wx&spm=1.2",
        "http://www.shanxidayuan.com/gsyl//lzyl/10077.html?from=timeline",
    ):
        assert canonical_url(variant) == base
    assert canonical_url("http://fissico.com/html/xw/index.html") == "http://fissico.com/html/xw"
    assert canonical_url("http://fissico.com/html/xw/") == "http://fissico.com/html/xw"
    assert canonical_url("http://fissico.com/a?b=2&a=1") == "http://fissico.com/a?a=1&b=2"
    assert canonical_url("http://example.org:8080/x/") == "http://example.org:8080/x"


def run_labelled(pairs: list, config: DedupeConfig) -> tuple[Counter[str], Counter[str]]:
    """(outcome counts, misses by kind): each pair in a fresh in-memory store."""
    outcome: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    for p in pairs:
        d = Deduper(config, SQLiteStore())
        d.check(Doc("a" * 16, None, p.a))
        dup = d.check(Doc("b" * 16, None, p.b)).duplicate
        key = ("tp" if p.duplicate else "fp") if dup else ("fn" if p.duplicate else "tn")
        outcome[key] += 1
        if key in ("fp", "fn"):
            misses[p.kind] += 1
    return outcome, misses


def test_labelled_set_precision_and_recall() -> None:
    pairs = labelled_pairs(per_kind=60, seed=6)
    kinds = Counter(p.kind for p in pairs)
    assert len(pairs) >= 300 and set(kinds) == set(POSITIVE_KINDS) | set(NEGATIVE_KINDS)
    outcome, misses = run_labelled(pairs, DedupeConfig())
    precision = outcome["tp"] / (outcome["tp"] + outcome["fp"])
    recall = outcome["tp"] / (outcome["tp"] + outcome["fn"])
    print(f"\nlabelled set: {len(pairs)} pairs ({sum(p.duplicate for p in pairs)} duplicates)"
          f" precision {precision:.4f} recall {recall:.4f} {dict(outcome)} misses {dict(misses)}")
    assert precision >= 0.99
    assert recall >= 0.95


def test_labelled_set_is_deterministic() -> None:
    assert labelled_pairs(per_kind=3, seed=6) == labelled_pairs(per_kind=3, seed=6)


def test_exact_and_near_stages_and_first_id(tmp_path: Path) -> None:
    w = Writer(3)
    original = w.article()
    d = Deduper(DedupeConfig(), SQLiteStore(tmp_path / "d.sqlite3"))
    assert d.check(Doc("0" * 16, "http://fissico.com/a/1.html", original)).stage is None
    v = d.check(Doc("1" * 16, "http://fissico.com/a/2.html", original + "\n\n"))
    assert (v.stage, v.first_id) == ("exact", "0" * 16)
    v = d.check(Doc("2" * 16, None, w.mirror(w.edited(original))))
    assert (v.stage, v.first_id) == ("near", "0" * 16) and "near duplicate of" in v.reason()
    v = d.check(Doc("3" * 16, "https://fissico.com/a/2.html#top", w.article()))
    assert (v.stage, v.first_id) == ("url", "0" * 16)  # the URL a duplicate was seen under
    assert d.check(Doc("4" * 16, None, "")).stage == "empty"
    d.close()


def test_same_id_rule_for_refetch(tmp_path: Path) -> None:
    text = Writer(4).article()
    url = "http://fissico.com/html/xw/dzyw/1.html"
    for same_id_is_duplicate, expected in ((True, "url"), (False, None)):
        d = Deduper(DedupeConfig(same_id_is_duplicate=same_id_is_duplicate), SQLiteStore())
        d.check(Doc("a" * 16, url, text))
        assert d.check(Doc("a" * 16, url, text)).stage == expected
        assert d.check(Doc("b" * 16, None, text)).stage == "exact"


def test_state_survives_a_restart(tmp_path: Path) -> None:
    settings = {"STATE_DIR": str(tmp_path / "state")}
    w = Writer(5)
    records = [{"id": f"{i:016x}", "url": None, "text": w.article()} for i in range(40)]

    def run(prefix: str) -> Counter[str]:
        config = DedupeConfig.from_settings(settings)
        d = Deduper(config, open_store(config, settings))
        stages = Counter(v.stage or "kept" for v in d.check_many(
            [Doc(prefix + r["id"][1:], r["url"], r["text"]) for r in records]))
        d.close()
        return stages

    assert run("0") == Counter(kept=40)
    assert (tmp_path / "state" / "dedupe" / "dedupe.sqlite3").is_file()
    # Copies of the same texts under other ids, in a new process: all known.
    assert run("1") == Counter(exact=40)
    # The same records again are not their own duplicates (a crawl's re-export),
    # and add no second row.
    assert run("0") == Counter(kept=40)
    import sqlite3

    db = sqlite3.connect(tmp_path / "state" / "dedupe" / "dedupe.sqlite3")
    assert db.execute("SELECT count(*) FROM dedupe_doc").fetchone()[0] == 40  # copies: none


def test_uncommitted_state_is_forgotten(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    text = Writer(7).article()
    d = Deduper(DedupeConfig(commit_every=1000), SQLiteStore(path))
    d.check(Doc("a" * 16, None, text))
    d.store.rollback()  # type: ignore[attr-defined]  # a crash before commit()
    assert d.check(Doc("b" * 16, None, text)).stage is None
    d.close()
    d = Deduper(DedupeConfig(), SQLiteStore(path))
    assert d.check(Doc("c" * 16, None, text)).first_id == "b" * 16


def test_params_are_pinned_to_the_state(tmp_path: Path) -> None:
    settings = {"STATE_DIR": str(tmp_path)}
    open_store(DedupeConfig(), settings).close()
    with pytest.raises(ParamsMismatch):
        open_store(DedupeConfig(num_perm=64, bands=16), settings)


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        DedupeConfig.from_settings({"DEDUP_MODE": "delete"})
    with pytest.raises(ValueError):
        DedupeConfig(num_perm=128, bands=40)  # 40 x 4 rows > 128
    assert DedupeConfig.from_settings({}).same_id_is_duplicate is False  # crawls' default
    c = DedupeConfig.from_settings({"DEDUP_MODE": "MARK", "DEDUP_THRESHOLD": "0.7",
                                    "DEDUP_SAME_ID_IS_DUPLICATE": "false"})
    assert (c.mode, c.threshold, c.same_id_is_duplicate) == ("mark", 0.7, False)


def test_signature_bytes_round_trip() -> None:
    sig = MinHasher(3, 128).sign([normalised_codes("山西新闻网报道")])[0]
    assert np.array_equal(np.frombuffer(sig.tobytes(), dtype=np.uint32), sig)
    assert json.dumps(sig.tolist())


@pytest.mark.parametrize("key_filter", [False, True])
def test_a_batch_sees_what_was_committed_within_it_and_what_is_pending(key_filter: bool) -> None:
    """check_many reads the batch's committed rows at once (preload); a commit
    in the middle of the batch, and documents added but not yet committed, must
    still be seen by the documents after them."""
    w = Writer(6)
    texts = [w.article() for _ in range(4)]
    url = "http://fissico.com/html/xw/dzyw/{}.html"
    first = Deduper(DedupeConfig(), store := SQLiteStore(key_filter=key_filter))
    first.check_many([Doc(f"{i:016x}", url.format(i), t) for i, t in enumerate(texts[:2])])
    first.commit()
    d = Deduper(DedupeConfig(commit_every=2), store)
    batch = [
        Doc("a" * 16, None, texts[2]),  # new; committed with the next (commit_every=2)
        # The URL of a document committed before the batch:
        Doc("b" * 16, url.format(0) + "?utm_source=wx", "一篇别的文章，" * 30),
        Doc("c" * 16, None, texts[2]),  # exact copy of a document committed within this batch
        Doc("d" * 16, None, texts[3]),  # new, pending
        Doc("e" * 16, None, texts[3]),  # exact copy of a pending document
        Doc("f" * 16, None, texts[1]),  # exact copy of a document committed before the batch
    ]
    stages = [v.stage for v in d.check_many(batch)]
    assert stages == [None, "url", "exact", None, "exact", "exact"]
    assert [v.first_id for v in d.check_many([Doc("g" * 16, None, texts[2])])] == ["a" * 16]


def test_the_key_filter_sees_what_another_process_commits(tmp_path: Path) -> None:
    """A bulk store keeps the index's keys as bits; a commit by another store on
    the same file must not be hidden by them (the generation moves), neither at
    once nor after the filter is read again."""
    path = tmp_path / "d.sqlite3"
    w = Writer(7)
    texts = [w.article() for _ in range(6)]
    bulk = Deduper(DedupeConfig(), SQLiteStore(path, key_filter=True))
    other = Deduper(DedupeConfig(), SQLiteStore(path))
    assert [v.stage for v in bulk.check_many([Doc("a" * 16, None, texts[0])])] == [None]
    bulk.commit()  # its own commit: its bits follow
    assert [v.stage for v in bulk.check_many([Doc("b" * 16, None, texts[0])])] == ["exact"]
    for i, text in enumerate(texts[1:]):
        other.check_many([Doc(f"{i + 1:016x}", None, text)])
        other.commit()
        # Every batch after another process' commit: still exact, with or
        # without the filter read again.
        assert [v.stage for v in bulk.check_many([Doc("c" * 16, None, text)])] == ["exact"], i
    keys = bulk.store._filter
    assert keys is not None and keys.generation == 1  # a busy neighbour: SQLite was asked
    # The index still since the last batch: the bits are read again, and hold
    # the other process' documents.
    assert [v.stage for v in bulk.check_many([Doc("d" * 16, None, texts[3])])] == ["exact"]
    assert keys.generation == 6 and keys.keys == 6 * 17
