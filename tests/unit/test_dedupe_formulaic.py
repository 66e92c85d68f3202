"""Formulaic regional reports are distinct articles; republications are not
(issue 27): the labelled formulaic set, the specifics rule, short texts,
the stats and old index rows (``--explain``, the command and the Redis backend:
tests/integration/test_dedupe_formulaic_command.py)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from helpers import dedupe_pipeline

from crawler.dedupe import DedupeConfig, Deduper, Doc, SQLiteStore, normalise
from crawler.dedupe.normalize import normalised_views
from crawler.dedupe.specifics import DATE, NUMBER, PERSON, PLACE, agree, keys_many, readable
from crawler.exceptions import DuplicateItem
from crawler.items import ArticleItem
from testkit.formulaic import (
    FIXTURE,
    TEMPLATES,
    dedupe_and_score,
    dumps,
    fixture_records,
    formulaic_records,
    score,
)
from testkit.synth import Writer


def test_the_committed_fixture_is_what_the_generator_writes() -> None:
    assert FIXTURE.read_text("utf-8") == dumps(formulaic_records())


def test_the_fixture_is_labelled_as_the_issue_asks() -> None:
    recs = fixture_records()
    assert len(recs) >= 200
    assert set(r["template"] for r in recs) == set(TEMPLATES) and len(TEMPLATES) >= 6
    originals = [r for r in recs if r["variant"] == "original"]
    republished = {r["cluster"] for r in recs if r["variant"] != "original"}
    assert len(republished) >= len(originals) // 3 - 5
    assert len({r["id"] for r in recs}) == len(recs)
    # Every cluster has its one original; distinct originals are distinct texts.
    assert Counter(r["cluster"] for r in originals) == Counter({c: 1 for c in
                                                                {r["cluster"] for r in recs}})
    assert len({normalise(r["text"]) for r in originals}) == len(originals)


def test_precision_and_recall_on_the_formulaic_set() -> None:
    s = dedupe_and_score(fixture_records())
    print(f"\nformulaic set: {s['records']} records, {s['duplicates']} duplicates: "
          f"precision {s['precision']:.4f} recall {s['recall']:.4f} FP {s['fp']} FN {s['fn']}")
    assert s["fp"] == 0, s["wrong"][:5]  # no distinct article marked a duplicate
    assert s["precision"] >= 0.99
    assert s["recall"] >= 0.95, s["missed"]


def test_every_kind_of_republication_is_caught() -> None:
    s = dedupe_and_score(fixture_records())
    missed = {rid for rid, _ in s["missed"]}
    by_kind: Counter[str] = Counter()
    for r in fixture_records():
        if r["variant"] != "original" and r["id"] in missed:
            by_kind[r["variant"]] += 1
    assert not by_kind, s["missed"]


def test_without_specifics_and_the_length_floor_the_set_fails() -> None:
    """The set is hard: similarity alone (the stage before issue 27) drops
    distinct reports of every long template and the video items."""
    recs = fixture_records()
    d = Deduper(DedupeConfig(near_min_chars=0), SQLiteStore())
    import crawler.dedupe.engine as engine

    always = engine.agree
    try:
        engine.agree = lambda a, b: always(np.zeros(0, np.uint32), np.zeros(0, np.uint32))  # type: ignore[assignment]
        verdicts = d.check_many([Doc(r["id"], r["url"], r["text"]) for r in recs])
    finally:
        engine.agree = always
    s = score(recs, verdicts)
    wrong = Counter(next(r["template"] for r in recs if r["id"] == w[0]) for w in s["wrong"])
    assert s["precision"] < 0.6
    assert {"meeting", "accident", "briefing", "video"} <= set(wrong)


def test_headline_items_with_other_names_are_kept_and_the_same_headline_dropped() -> None:
    """The issue's case: 12 video items ``<name>主持召开市人大常委会常务会议`` with
    12 names and 12 short meeting reports of one template: none is a duplicate;
    the same headline again (in a label, in Traditional, with an editor line) is."""
    w = Writer(27)
    names = list(dict.fromkeys(w.name() for _ in range(40)))[:12]
    docs = [Doc(f"{i:016x}", None, f"{n}主持召开市人大常委会常务会议") for i, n in enumerate(names)]
    cities = ["太原", "大同", "长治", "晋城", "运城", "临汾", "忻州", "吕梁", "朔州", "晋中",
              "阳泉", "康定"]
    for i, (city, name) in enumerate(zip(cities, names, strict=True)):
        docs.append(Doc(f"{100 + i:016x}", None,
                        f"{city}召开市政府常务会议\n{i + 3}月{i + 5}日,{city}市长{name}主持召开市"
                        f"政府常务会议,听取{i + 8}个部门工作汇报,研究部署下一步重点工作。"))
    d = Deduper(DedupeConfig(), SQLiteStore())
    assert [v.stage for v in d.check_many(docs)] == [None] * 24
    again = [f"【视频】{docs[0].text}", w.mirror(docs[0].text),
             f"{docs[0].text}\n责任编辑：王芳", docs[0].text.replace("常务", "常务 ")]
    verdicts = d.check_many([Doc(f"{200 + i:016x}", None, t) for i, t in enumerate(again)])
    assert [(v.stage, v.first_id) for v in verdicts] == [("exact", docs[0].id)] * 4


def test_short_texts_are_only_exact_duplicates() -> None:
    text = "关于并州路封闭施工的通告\n因道路施工需要,并州路(府西街至长风街段)自即日起封闭施工。"
    other = text.replace("并州路", "新建路")
    assert len(normalise(text)) < DedupeConfig().near_min_chars
    d = Deduper(DedupeConfig(), SQLiteStore())
    assert d.check(Doc("a" * 16, None, text)).stage is None
    v = d.check(Doc("b" * 16, None, other))
    assert (v.stage, v.short) == (None, True) and "exactly equal" in v.reason()
    # With no floor, nothing tells these two apart (no figure, no known name).
    d = Deduper(DedupeConfig(near_min_chars=0), SQLiteStore())
    d.check(Doc("a" * 16, None, text))
    assert d.check(Doc("b" * 16, None, other)).stage == "near"


def test_normalisation_folds_what_a_republication_adds() -> None:
    original = "黄斌主持召开会议\n3月5日,会议召开。"
    for copy in ("【要闻】黄斌主持召开会议\n3月5日,会议召开。",
                 "[视频] 黄斌主持召开会议\n3月5日,会议召开。",
                 "黄斌主持召开会议\n責(zé)任編(biān)輯(jí)：王芳\n3 月 5 日，會議召開。",
                 "黄斌主持召开会议\n3月5日,会议召开。\n（来源：山西日报）\n记者 张三 通讯员 李四"):
        assert normalise(copy) == normalise(original), copy
    # A sentence that opens with such a word stays (no separator after it).
    assert normalise("来源于群众的意见") == "来源于群众的意见"
    assert normalise("编辑部全体人员") == "编辑部全体人员"


def test_specifics_read_from_a_report() -> None:
    _, marked = normalised_views("市委书记黄斌主持召开会议。市领导王伟、李明、张三出席。"
                                 "3月05日上午,第十二次会议在太原市召开,投资12.5亿元。")
    found = {(k, t) for k, t in readable(marked).values()}
    assert found == {(PERSON, "黄斌"), (PERSON, "王伟"), (PERSON, "李明"), (PERSON, "张三"),
                     (DATE, "3"), (DATE, "5"), (NUMBER, "十二"), (NUMBER, "12"), (NUMBER, "5"),
                     (PLACE, "太原")}
    # Traditional, fullwidth and glossed copies read the same.
    _, mirrored = normalised_views(Writer(1).mirror("市委书记黄斌主持召开会议，３月５日"))
    assert {t for _, t in readable(mirrored).values()} == {"黄斌", "3", "5"}


def test_a_batch_reads_each_document_as_alone() -> None:
    w = Writer(8)
    texts = [w.article() for _ in range(30)] + ["", "3", "黄斌", "第十次", "1" * 40]
    marked = [normalised_views(t)[1] for t in texts]
    together = keys_many(marked)
    for i, m in enumerate(marked):
        assert np.array_equal(together[i], keys_many([m])[0]), i


def keys(text: str) -> np.ndarray:
    return keys_many([normalised_views(text)[1]])[0]


LEAD = "3月5日,太原市长黄斌主持召开市政府常务会议,听取12个部门汇报,投资45亿元,增长6.5%。"
BODY = "\n会议指出,要抓好落实。" * 8


@pytest.mark.parametrize(("other", "same", "rule"), [
    (LEAD + BODY, True, "specifics agree"),
    (LEAD.replace("黄斌", "徐国") + BODY, False, "different person"),
    (LEAD.replace("太原", "大同") + BODY, False, "different place"),
    (LEAD.replace("12", "15").replace("45", "48") + BODY, False, "different figures"),
    (LEAD.replace("45", "46") + BODY, True, "1 figure corrected"),
    (LEAD.replace("3月5日,", "") + BODY, True, "specifics agree"),  # a dropped date
    (LEAD + BODY + "\n市委副书记王伟指出,要抓好落实。", True, "specifics agree"),  # an added line
])
def test_the_specifics_rule(other: str, same: bool, rule: str) -> None:
    a = agree(keys(LEAD + BODY), keys(other))
    assert a.agree is same and rule in a.rule, a


def test_names_replaced_in_the_body_count_by_their_share() -> None:
    # Past the headline and lead (HEAD_CHARS):
    body = BODY * 3 + "\n副市长王伟强调,要抓好落实。\n副市长李明表示,要抓好落实。"
    assert agree(keys(LEAD + body), keys(LEAD + body.replace("王伟", "赵刚"))).agree
    two = body.replace("王伟", "赵刚").replace("李明", "钱进")
    assert not agree(keys(LEAD + body), keys(LEAD + two)).agree
    # Two of ten names replaced: an edited copy (random edits, a cut and an added line).
    many = "".join(f"\n副市长{n}强调,要抓好落实。" for n in ("王伟", "李明", "张强", "刘洋", "陈杰",
                                                      "杨帆", "赵磊", "周涛", "吴斌", "郑凯"))
    edited = many.replace("王伟", "赵刚").replace("李明", "钱进")
    assert agree(keys(LEAD + BODY * 3 + many), keys(LEAD + BODY * 3 + edited)).agree
    assert not agree(keys(LEAD + BODY * 3 + many),
                     keys(LEAD + BODY * 3 + edited.replace("张强", "孙亮"))).agree
    only = "天气晴,气温12度。" + "会议指出,要抓好落实。" * 8
    assert not agree(keys(only), keys(only.replace("12", "15"))).agree  # the only figure


def test_an_index_row_without_specifics_does_not_confirm(tmp_path: Path) -> None:
    """A row written before specifics were stored (the signature alone): a near
    candidate it cannot confirm is kept, not dropped."""
    text = Writer(9).article()
    d = Deduper(DedupeConfig(), store := SQLiteStore())
    p = d.prepare(Doc("a" * 16, None, text))
    from crawler.dedupe.minhash import band_keys

    sig = d.hasher.sign([p.codes])
    store.add_doc("a" * 16, p.digest, band_keys(sig, 16, 4)[0].tolist(), sig[0])
    v = d.check(Doc("b" * 16, None, text + "\n补充一句。"))
    assert (v.stage, v.distinct, v.distinct_from) == (None, "unconfirmed", "a" * 16)
    assert d.check(Doc("c" * 16, None, text)).stage == "exact"  # the exact hash still holds


def test_the_pipeline_counts_what_specifics_kept(tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    pipe = dedupe_pipeline(tmp_path)
    texts = [LEAD + BODY, LEAD.replace("黄斌", "徐国") + BODY, LEAD.replace("45", "46") + BODY,
             "徐国主持召开市人大常委会常务会议"]
    kept, reasons = [], []
    with caplog.at_level("DEBUG", logger="pipelines.dedupe"):
        for i, text in enumerate(texts):
            try:
                kept.append(pipe.process_item(ArticleItem(id=f"{i:016x}", url=None, site="sxnews",
                                                          text=text))["id"])
            except DuplicateItem as exc:
                reasons.append(str(exc))
    pipe.close_spider()
    assert kept == [f"{i:016x}" for i in (0, 1, 3)]
    assert "near duplicate of" in reasons[0] and "1 figure corrected" in reasons[0]
    assert pipe.stats is not None
    s = pipe.stats.get_stats()
    assert (s["dedupe/distinct/person"], s["dedupe/short"], s["dedupe/near"]) == (1, 1, 1)
    assert any("but different person" in r.getMessage() for r in caplog.records)
