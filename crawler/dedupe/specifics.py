"""What makes a report *this* report: its numbers, dates, people and places.

Regional news is formulaic: one county's meeting reports, inspections, signings
and briefings share a template and differ in the person, the place, the date
and the figures. Character shingles call two such reports near duplicates
(similarity 0.5-0.9), so an LSH candidate is confirmed only when these
specifics agree (``agree``; the rule and its measurement: docs/dedupe.md).

They are read from the marked view of the normalised text
(``normalize.normalised_views``: Simplified, folded, credit lines gone, U+0001
where punctuation was, U+0002 for an enumeration comma):

* numbers: runs of digits; a date or time when 年/月/日/时/点/分/号 follows; and
  Chinese ordinals (第十二次, 第三届);
* places: a lexicon (``PLACES``) of the sites' own regions: Shanxi's cities and
  counties (shanxidayuan, sxnews), Ganzi's counties (fissico, 康巴传媒网),
  the provinces and a few large cities;
* people: a surname and one or two characters, right after a title (市长,
  书记, 记者 …) or at the start of a clause or an enumeration, right before
  what people do in a report (主持, 强调, 调研 …) or the end of the clause.

Patterns and a lexicon, not a tagger: jieba's part-of-speech tags (``nr``,
``ns``) cost about 119 ms an article (5 ms without the tags) where the whole
dedupe of one article costs about 0.17 ms; these expressions cost tens of
microseconds (docs/dedupe.md). They need not be right, only the same on two
copies of one text: a template's words read as a "name" are shared by both
reports, and what differs is what the template was filled with.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from crawler.dedupe.normalize import LIST, SEP

NUMBER, DATE, PERSON, PLACE = 0, 1, 2, 3
KIND_NAMES = ("number", "date", "person", "place")

Hashes = npt.NDArray[np.uint32]

_SHANXI = (
    "太原 小店 迎泽 杏花岭 尖草坪 万柏林 晋源 清徐 阳曲 娄烦 古交 "
    "大同 平城 云冈 新荣 云州 阳高 天镇 广灵 灵丘 浑源 左云 "
    "阳泉 平定 盂县 "
    "长治 潞州 上党 屯留 潞城 襄垣 平顺 黎城 壶关 武乡 沁县 沁源 "
    "晋城 沁水 阳城 陵川 泽州 高平 "
    "朔州 朔城 平鲁 山阴 应县 右玉 怀仁 "
    "晋中 榆次 太谷 榆社 左权 和顺 昔阳 寿阳 祁县 平遥 灵石 介休 "
    "运城 盐湖 临猗 万荣 闻喜 稷山 新绛 绛县 垣曲 夏县 平陆 芮城 永济 河津 "
    "忻州 忻府 定襄 五台 代县 繁峙 宁武 静乐 神池 五寨 岢岚 河曲 保德 偏关 原平 "
    "临汾 尧都 曲沃 翼城 襄汾 洪洞 古县 安泽 浮山 吉县 乡宁 大宁 隰县 永和 蒲县 汾西 侯马 霍州 "
    "吕梁 离石 文水 交城 兴县 临县 柳林 石楼 岚县 方山 中阳 交口 孝义 汾阳"
)
_GANZI = ("甘孜 康定 泸定 丹巴 九龙 雅江 道孚 炉霍 新龙 德格 白玉 石渠 色达 理塘 巴塘 乡城 "
          "稻城 得荣 阿坝 凉山 成都 雅安 攀枝花 绵阳 乐山 西昌")
_CHINA = ("北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 "
          "湖北 湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 香港 澳门 "
          "台湾 西安 郑州 石家庄 呼和浩特 济南 武汉 广州 深圳 杭州 南京 拉萨")
PLACES: frozenset[str] = frozenset(f"{_SHANXI} {_GANZI} {_CHINA}".split())


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛"
    "伍韦申尤毕聂焦向柴邢岳齐梅莫庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲"
    "成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柳丛"
)
# What follows a title (the name comes right after it) and what people do in a
# report (the name comes right before it). Multi-character words are matched
# by their first two characters.
_TITLES = _words("书记 市长 县长 区长 州长 省长 主任 局长 部长 主席 厅长 院长 镇长 乡长 村长 "
                 "经理 董事长 处长 科长 队长 秘书长 委员 检察长 庭长 所长 站长 校长 社长 记者 "
                 "通讯员 代表 教授 专家 负责人 常委 同志 领导 嘉宾")
_ACTS = _words("主持 出席 调研 强调 指出 表示 讲话 参加 会见 会谈 带队 率队 一行 介绍 签约 签署 "
               "督导 检查 宣布 通报 要求 前往 深入 来到 同志 视察 考察 慰问 看望 听取 部署 陪同 "
               "致辞 作了 作出 批示 说 在 到 赴 对 就 和 与 及 等")
_ORDINAL_DIGITS = "零〇一二三四五六七八九十百千两"
_ORDINAL_UNITS = "次届期批轮个号"
_DATE_UNITS = "年月日时点分号"

# Numbers longer than this are read from their first digits (an id, a phone
# number: still the same on both copies).
_MAX_DIGITS = 24
_U64 = npt.NDArray[np.uint64]
# The headline and the lead: where a formulaic report names who, where and
# when (in the marked view, separators included). A key's bit 29 says "found
# here"; bits 0-28 and the kind (bits 30-31) say what.
HEAD_CHARS = 160
_HEAD_BIT = 1 << 29
_IDENT = _HEAD_BIT - 1
_MUL = np.uint64(0x100000001B3)
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
_S33 = np.uint64(33)


def _fmix(h: _U64) -> _U64:
    with np.errstate(over="ignore"):
        h = h ^ (h >> _S33)
        h = h * _MIX1
        h = h ^ (h >> _S33)
        h = h * _MIX2
        return h ^ (h >> _S33)


def _codes(chars: str) -> npt.NDArray[np.uint32]:
    return np.array(sorted({ord(c) for c in chars}), dtype=np.uint32)


def _pairs(words: Iterable[str], last: bool = False) -> npt.NDArray[np.uint64]:
    """Sorted bigram keys (two code points in one integer) of ``words``: the
    first two characters of each, or with ``last`` the last two."""
    keys = {(ord(w[-2]) << 32) | ord(w[-1]) if last else (ord(w[0]) << 32) | ord(w[1])
            for w in words if len(w) >= 2}
    return np.array(sorted(keys), dtype=np.uint64)


# Bit flags of one code point (``_tables()["flags"]``): one gather over the
# batch; then only the positions holding an anchor (a digit, a numeral, a
# surname, the first character of a place, the second-last of a title) are
# looked at, and the bigram tables searched only there.
(_SURNAME, _ACT_CHAR, _PLACE_1, _ACT_1, _TITLE_1, _ORD_DIGIT, _ORD_UNIT, _DATE_UNIT, _DIGIT,
 _SEP, _LIST) = (1 << i for i in range(11))
_ANCHORS = _DIGIT | _ORD_DIGIT | _PLACE_1 | _TITLE_1 | _SURNAME
_FLAG_SIZE = 0x40000  # the normalisation table's size: no code point above


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    flags = np.zeros(_FLAG_SIZE, dtype=np.uint16)
    for chars, flag in ((_SURNAMES, _SURNAME),
                        ("".join(a for a in _ACTS if len(a) == 1), _ACT_CHAR),
                        ([w[0] for w in PLACES], _PLACE_1),
                        ([w[0] for w in _ACTS if len(w) > 1], _ACT_1),
                        ([w[-2] for w in _TITLES], _TITLE_1), (_ORDINAL_DIGITS, _ORD_DIGIT),
                        (_ORDINAL_UNITS, _ORD_UNIT), (_DATE_UNITS, _DATE_UNIT),
                        ("0123456789", _DIGIT), (chr(SEP) + chr(LIST), _SEP), (chr(LIST), _LIST)):
        for c in chars:
            flags[ord(c)] |= flag
    return {
        "flags": flags,
        "title_ends": _pairs(_TITLES, last=True),
        "acts": _pairs(_ACTS),
        "places": _pairs(PLACES),
        "place_names": {(ord(w[0]) << 32) | ord(w[1]): w for w in sorted(PLACES)},
    }


def _member(values: npt.NDArray[Any], table: npt.NDArray[Any]) -> npt.NDArray[np.bool_]:
    """``values`` in the sorted ``table``, elementwise."""
    i = np.searchsorted(table, values)
    i[i == len(table)] = 0
    return table[i] == values


def _pair_at(m: npt.NDArray[np.uint32], at: npt.NDArray[np.intp],
             table: npt.NDArray[np.uint64]) -> tuple[npt.NDArray[np.intp], _U64]:
    """Of the positions ``at``, those whose bigram is in ``table``, and their bigrams."""
    pair = (m[at].astype(np.uint64) << np.uint64(32)) | m[at + 1]
    hit = _member(pair, table)
    return at[hit], pair[hit]


def _runs(at: npt.NDArray[np.intp]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Starts and ends of the runs of consecutive positions in sorted ``at``."""
    if not len(at):
        return at, at
    cut = np.flatnonzero(np.diff(at) != 1)
    return at[np.r_[0, cut + 1]], at[np.r_[cut, len(at) - 1]] + 1


def _poly(m: npt.NDArray[np.uint32], starts: npt.NDArray[np.intp],
          lengths: npt.NDArray[np.intp], base: np.uint64, offset: int = 0) -> _U64:
    """Each span's characters (minus ``offset``) read as one number in ``base``
    (mod 2^64): equal spans, equal values."""
    h = np.zeros(len(starts), dtype=np.uint64)
    top = int(lengths.max()) if len(lengths) else 0
    with np.errstate(over="ignore"):
        for j in range(min(top, _MAX_DIGITS)):
            live = lengths > j
            h[live] = h[live] * base + (m[starts[live] + j].astype(np.uint64)
                                        - np.uint64(offset))
    return h


@dataclass(frozen=True)
class Found:
    """Specifics found in a batch: document index, kind, where, how long, key."""

    doc: npt.NDArray[np.intp]
    kind: npt.NDArray[np.intp]
    start: npt.NDArray[np.intp]
    length: npt.NDArray[np.intp]
    key: npt.NDArray[np.uint32]


def _find(marked: Sequence[npt.NDArray[np.uint32]]) -> tuple[Found, npt.NDArray[np.intp]]:
    """Every specific of every document, found over the batch end to end (a few
    NumPy passes for 512 documents instead of a regex scan of each): each
    document is preceded by a ``SEP``, so nothing spans two."""
    t = _tables()
    lengths = np.fromiter((len(x) + 1 for x in marked), dtype=np.intp, count=len(marked))
    offsets = np.zeros(len(marked) + 1, dtype=np.intp)
    np.cumsum(lengths, out=offsets[1:])
    # Four SEPs of padding at the end: every look past an anchor stays inside.
    sep1 = np.full(1, SEP, dtype=np.uint32)
    m32 = np.concatenate([part for x in marked for part in (sep1, x)]
                         + [np.full(4, SEP, dtype=np.uint32)])
    n = len(m32)
    kinds: list[npt.NDArray[np.intp]] = []
    starts: list[npt.NDArray[np.intp]] = []
    lens: list[npt.NDArray[np.intp]] = []
    keys: list[_U64] = []

    def add(kind: npt.NDArray[np.intp] | int, s: npt.NDArray[np.intp], ln: npt.NDArray[np.intp],
            value: _U64) -> None:
        kinds.append(np.broadcast_to(np.asarray(kind, dtype=np.intp), s.shape))
        starts.append(s)
        lens.append(ln)
        keys.append(value)

    f = t["flags"][m32]
    anchor = np.flatnonzero(f & _ANCHORS)
    anchor = anchor[anchor < n - 4]  # (only the padding is cut)
    fa = f[anchor]

    def at(flag: int) -> npt.NDArray[np.intp]:
        return anchor[(fa & flag) != 0]

    # Numbers and dates: runs of ASCII digits, read as integers (03 = 3).
    s, e = _runs(at(_DIGIT))
    if len(s):
        ln = e - s
        is_date = (f[e] & _DATE_UNIT) != 0
        add(np.where(is_date, DATE, NUMBER), s, ln, _poly(m32, s, ln, np.uint64(10), 48))
    # Ordinals: 第 + Chinese numerals + a unit (第十二次).
    s, e = _runs(at(_ORD_DIGIT))
    if len(s):
        ok = (m32[s - 1] == ord("第")) & ((f[e] & _ORD_UNIT) != 0)
        s, e = s[ok], e[ok]
        add(NUMBER, s, e - s, _poly(m32, s, e - s, _MUL))
    # Places: the lexicon, by the first two characters of each name.
    s, pair = _pair_at(m32, at(_PLACE_1), t["places"])
    add(PLACE, s, np.full(len(s), 2, dtype=np.intp), pair)
    # People: a surname right after a title or a separator, then one or two
    # characters (the shortest that fits), then what follows a name.
    surname = at(_SURNAME)
    after_title = _pair_at(m32, at(_TITLE_1), t["title_ends"])[0] + 2
    titled = _member(surname, after_title) if len(after_title) else np.zeros(len(surname), bool)
    keep = titled | ((f[surname - 1] & _SEP) != 0)
    head, titled = surname[keep], titled[keep]
    if len(head):
        def cjk(q: npt.NDArray[np.intp]) -> npt.NDArray[np.bool_]:
            return (m32[q] >= 0x4E00) & (m32[q] < 0xA000)

        def ends(q: npt.NDArray[np.intp]) -> npt.NDArray[np.bool_]:
            # A titled name ends at an act or any separator; one that opens a
            # clause ends at an act or an enumeration comma only.
            fq = f[q]
            out = ((fq & (_ACT_CHAR | _LIST)) != 0) | (titled & ((fq & _SEP) != 0))
            maybe = np.flatnonzero((fq & _ACT_1) != 0)
            if len(maybe):
                hit = _member((m32[q[maybe]].astype(np.uint64) << np.uint64(32))
                              | m32[q[maybe] + 1], t["acts"])
                out[maybe[hit]] = True
            return out

        two = cjk(head + 1) & ends(head + 2)
        three = ~two & cjk(head + 1) & cjk(head + 2) & ends(head + 3)
        s = head[two | three]
        ln = np.where(two, 2, 3)[two | three]
        add(PERSON, s, ln, _poly(m32, s, ln, _MUL))
    if not starts:
        empty = np.zeros(0, dtype=np.intp)
        return Found(empty, empty, empty, empty, np.zeros(0, dtype=np.uint32)), offsets
    start = np.concatenate(starts)
    kind = np.concatenate(kinds)
    value = np.concatenate(keys)
    with np.errstate(over="ignore"):
        mixed = _fmix(value + kind.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15))
    doc = np.searchsorted(offsets, start, side="right") - 1
    in_head = (start - offsets[doc]) <= HEAD_CHARS
    key = ((kind.astype(np.uint64) << np.uint64(30)) | (in_head.astype(np.uint64) << np.uint64(29))
           | (mixed & np.uint64(_IDENT)))
    return Found(doc, kind, start, np.concatenate(lens), key.astype(np.uint32)), offsets


def keys_many(marked: Sequence[npt.NDArray[np.uint32]]) -> list[Hashes]:
    """Each document's specifics as sorted unique 32-bit keys (kind in the top
    two bits): what is stored beside its signature and compared by ``agree``."""
    if not marked:
        return []
    found, _ = _find(marked)
    both = np.unique((found.doc.astype(np.uint64) << np.uint64(32)) | found.key)
    doc = (both >> np.uint64(32)).astype(np.intp)
    bounds = np.searchsorted(doc, np.arange(len(marked) + 1))
    keys = (both & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return [keys[bounds[i]:bounds[i + 1]] for i in range(len(marked))]


def readable(marked: npt.NDArray[np.uint32]) -> dict[int, tuple[int, str]]:
    """One document's specifics for people: key -> (kind, text)."""
    found, offsets = _find([marked])
    names = _tables()["place_names"]
    out: dict[int, tuple[int, str]] = {}
    for kind, start, ln, key in zip(found.kind.tolist(), found.start.tolist(),
                                    found.length.tolist(), found.key.tolist(), strict=True):
        at = start - int(offsets[0]) - 1
        text = marked[at:at + ln].tobytes().decode("utf-32-le")
        if kind == PLACE:
            text = names.get((ord(text[0]) << 32) | ord(text[1]), text)
        elif kind in (NUMBER, DATE) and text.isdigit():
            text = text.lstrip("0") or "0"
        out[key] = (kind, text)
    return out


@dataclass(frozen=True)
class Agreement:
    """The outcome of comparing two documents' specifics, and why."""

    agree: bool
    rule: str  # what decided, one phrase
    differs: str | None = None  # "person", "place" or "figures" when they do not agree
    shared: int = 0
    only_first: tuple[int, ...] = ()  # counts per kind (number, date, person, place)
    only_second: tuple[int, ...] = ()

    def describe(self) -> str:
        def counts(c: tuple[int, ...]) -> str:
            return ", ".join(f"{n} {KIND_NAMES[k]}" for k, n in enumerate(c) if n) or "none"

        return (f"{self.rule} (specifics: {self.shared} shared; only in the first: "
                f"{counts(self.only_first)}; only in the second: {counts(self.only_second)})")


def _per_kind(keys: Iterable[int]) -> tuple[int, ...]:
    counts = [0, 0, 0, 0]
    for k in keys:
        counts[k >> 30] += 1
    return tuple(counts)


def _what(keys: Hashes) -> tuple[set[int], set[int]]:
    """Every specific (the "found in the head" bit cleared), and those of the head.
    (Python sets: a document holds tens of keys, where each NumPy set operation
    would cost more than all of these.)"""
    every: set[int] = set()
    head: set[int] = set()
    for k in keys.tolist():
        ident = k & ~_HEAD_BIT
        every.add(ident)
        if k & _HEAD_BIT:
            head.add(ident)
    return every, head


# Of the names (or figures) the sparser text holds, the share that may be
# replaced by others and still be the same report edited: measured on the
# bench's edited copies (docs/dedupe.md), where random character edits hit 2 of
# 20 names, while another report of one template replaces most of them.
REPLACED_SHARE = 0.25


def agree(first: Hashes, second: Hashes) -> Agreement:
    """Do two near-identical texts report the same thing?

    * people and places: a name in the headline or lead of each that the other
      never mentions (another host, another county): another report;
    * anywhere: two or more names of a kind, or figures (numbers, dates,
      times), replaced by others, and at least a quarter of those the sparser
      text holds; or the only figure either had replaced: another report;
    * anything less (a figure or a name corrected, a dropped date, names or
      figures only one side has: a trimmed paragraph, an added sentence) is
      the same report edited.
    """
    a_all, a_head = _what(first)
    b_all, b_head = _what(second)
    shared = a_all & b_all
    only_a, only_b = a_all - b_all, b_all - a_all
    a, b = _per_kind(only_a), _per_kind(only_b)
    a_lead, b_lead = _per_kind(a_head & only_a), _per_kind(b_head & only_b)
    both = _per_kind(shared)
    n_shared = len(shared)

    def result(rule: str, differs: str | None = None) -> Agreement:
        return Agreement(differs is None, rule, differs, n_shared, a, b)

    def many(replaced: int, held: int) -> bool:
        """``replaced`` of the ``held`` the sparser text has: another set."""
        return replaced >= 2 and replaced >= REPLACED_SHARE * held

    for kind in (PERSON, PLACE):
        name = KIND_NAMES[kind]
        if a_lead[kind] and b_lead[kind]:
            return result(f"different {name} in the headline or lead", name)
        replaced = min(a[kind], b[kind])
        if many(replaced, both[kind] + min(a[kind], b[kind])):
            return result(f"different {name} ({replaced} replaced)", name)
    fa, fb, fs = a[NUMBER] + a[DATE], b[NUMBER] + b[DATE], both[NUMBER] + both[DATE]
    replaced = min(fa, fb)
    if many(replaced, fs + replaced):
        return result(f"different figures ({replaced} replaced)", "figures")
    if replaced == 1 and not fs:
        return result("different figures (the only one replaced)", "figures")
    edited = [f"{min(a[k], b[k])} {KIND_NAMES[k]}" for k in (PERSON, PLACE) if min(a[k], b[k])]
    edited += [f"{replaced} figure"] if replaced else []
    return result("specifics agree" + (f" ({', '.join(edited)} corrected)" if edited else ""))
