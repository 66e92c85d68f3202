"""Text normalisation for dedupe: one spelling per article, whatever the mirror.

``normalise(text)`` removes pinyin glosses, the lines a republication adds
around the same story (an editor, source, reporter or address line:
``责任编辑：王芳``, ``來源：山西日報``) and a bracketed label opening a line
(``【要闻】``, ``[视频]``), folds fullwidth forms, maps Traditional to
Simplified with OpenCC's ``t2s`` character table, lower-cases Latin letters and
drops everything that is not a letter or digit (punctuation, spaces, line
breaks). A mirror's ``發(fā)展`` and the original's ``发展`` both become ``发展``.
Those lines and labels go because short texts are judged only by their exact
normalised text (docs/dedupe.md): a headline republished as ``【要闻】…`` with
an editor line under it is still the same headline.

Why a character table and not ``OpenCC.convert`` on each text: the conversion
is applied as one numpy lookup over the code points (a few microseconds per
article instead of ~170 µs for ``convert`` plus a regex), and dedupe only needs
both sides mapped the same way. The table is built from OpenCC itself, so it is
OpenCC's t2s on single characters; phrase-level choices (``乾隆`` vs ``干``) do
not matter for similarity. On the five golden texts the table gives exactly
the output of ``OpenCC('t2s').convert`` (tests check this), and a mirror copy
made with OpenCC ``s2t`` normalises to exactly the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from crawler.textnorm import fold_width, strip_glosses

Codes = npt.NDArray[np.uint32]

# Marks where a dropped character (punctuation, a line break) was, in the
# marked view the specifics are read from (crawler.dedupe.specifics): a number
# or a name ends there. 0 in the table means "drop without a mark".
SEP = 1
# An enumeration comma (、), marked apart: names listed in a row are read as names.
LIST = 2

# A line that only credits or locates the copy: the label (either script, its
# glosses already stripped), a separator, and at most 40 characters. The
# separator is required so that a sentence opening with 来源/作者 stays.
_CREDIT_LABELS = (
    "责任编辑|責任編輯|值班编辑|值班編輯|实习编辑|實習編輯|编辑|編輯|责编|責編|审核|審核|审校|審校"
    "|校对|校對|终审|終審|监制|監製|出品人|来源|來源|稿源|作者|记者|記者|通讯员|通訊員"
    "|摄影|攝影|撰文|文图|文圖|本文地址|原文地址|原文链接|原文鏈接|本文链接|本文鏈接")
_CREDIT_LINE = re.compile(
    r"[ \t\u3000]*[(（\[【]?[ \u3000]*(?:" + _CREDIT_LABELS
    + r")[ \u3000]*[:：︰/|｜ \u3000][^\n]{0,40}")
# First characters of such a line or of a bracketed label: most lines start
# with none of them, and are not matched at all.
_LINE_STARTS = frozenset(" \t\u3000(（[【［〔" + "".join(
    {w[0] for w in _CREDIT_LABELS.split("|")}))
_LABEL = re.compile(r"[ \t\u3000]*[【\[［〔][^】\]］〕\n]{1,8}[】\]］〕][ \u3000]*")


def fold_credits(text: str) -> str:
    """``text`` without credit lines and bracketed labels opening a line."""
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if not line or line[0] not in _LINE_STARTS:
            continue
        if _CREDIT_LINE.fullmatch(line):
            lines[i] = ""
            changed = True
        elif (m := _LABEL.match(line)) is not None:
            lines[i] = line[m.end():]
            changed = True
    return "\n".join(lines) if changed else text

# Code points above this are mapped to "drop": planes 4+ hold no CJK or
# letters an article needs, and a smaller table builds faster.
_TABLE_SIZE = 0x40000
_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x32000))
# Traditional characters that are also Simplified in other words, so OpenCC maps
# them only by phrase (反覆 -> 反复, 瞭解 -> 了解) and its single-character table
# keeps them. Folding them everywhere is harmless for dedupe — both copies go
# through the same table — and makes a mirror's text hash equal the original's.
_PHRASE_ONLY_FOLDS = {"覆": "复", "瞭": "了", "著": "着", "藉": "借", "祇": "只", "甦": "苏"}


@lru_cache(maxsize=1)
def _table() -> npt.NDArray[np.uint32]:
    """Code point -> normalised code point; ``SEP`` for what separates words
    (punctuation, spaces), 0 for what is dropped without a trace."""
    import opencc

    table = np.zeros(_TABLE_SIZE, dtype=np.uint32)
    for cp in range(_TABLE_SIZE):
        ch = chr(cp)
        if ch.isalnum():
            low = ch.lower()
            table[cp] = ord(low) if len(low) == 1 else cp
        elif unicodedata.category(ch)[0] in "PS" or (ch.isspace() and ch not in " \t\u3000\xa0"
                                                      and unicodedata.category(ch) != "Zs"):
            # Spaces are dropped without a mark: a copy spacing out its
            # figures (3 月 5 日) or names reads as the original.
            table[cp] = SEP
    # Fullwidth ASCII forms fold to ASCII first (textnorm's rule), then as above.
    for cp in range(0xFF01, 0xFF5F):
        table[cp] = table[ord(fold_width(chr(cp)))]
    # OpenCC on single characters, one per line so no phrase spans two of them.
    cjk = [chr(cp) for lo, hi in _CJK_RANGES for cp in range(lo, hi)]
    converted = opencc.OpenCC("t2s").convert("\n".join(cjk)).split("\n")
    if len(converted) == len(cjk):
        for src, dst in zip(cjk, converted, strict=True):
            if len(dst) == 1 and dst != src:
                table[ord(src)] = ord(dst)
    for src, dst in _PHRASE_ONLY_FOLDS.items():
        table[ord(src)] = ord(dst)
    table[SEP] = SEP
    table[LIST] = table[ord("、")] = table[ord("､")] = LIST
    return table


def _mapped(text: str) -> Codes:
    text, _ = strip_glosses(text)
    text = fold_credits(text)
    raw = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return _table()[np.minimum(raw, _TABLE_SIZE - 1)]


def normalised_codes(text: str) -> Codes:
    """The normalised text as an array of code points (what shingles are cut from)."""
    mapped = _mapped(text)
    return mapped[mapped > LIST]


def normalised_views(text: str) -> tuple[Codes, Codes]:
    """The normalised code points, and the same with ``SEP`` where punctuation
    or spaces were and ``LIST`` for 、 (what the specifics are read from)."""
    mapped = _mapped(text)
    return mapped[mapped > LIST], mapped[mapped != 0]


def normalise(text: str) -> str:
    """The normalised text as a string (for people and tests; dedupe uses codes)."""
    return normalised_codes(text).tobytes().decode("utf-32-le")
