"""Character-level normalisation shared by extraction, cleaning and dedupe.

Pure functions over strings; the rules they apply are the module constants.
"""

from __future__ import annotations

import re
from functools import lru_cache

_Table = dict[int, str | int | None]
# U+FF01..U+FF5E fold to ASCII; 。、“” and 《》 are outside that range and stay.
_FULLWIDTH: _Table = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_SPACES: _Table = {
    0x00A0: " ", 0x3000: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x200B: "",
    0xFEFF: "", 0x200C: "", 0x200D: "", 0x0D: " ", 0x0B: " ", 0x0C: " ",
}
# U+FFFD marks a character lost before the text reached us (an entity for NUL
# or a lone surrogate, a bad byte), and C0 and C1 controls and noncharacters
# (U+FDD0..U+FDEF and the last two code points of every plane: an entity such
# as &#1;, &#x81; or &#xFFFE; puts them past the parser) never show: none is
# text worth keeping.
_NONCHARACTERS = [*range(0xFDD0, 0xFDF0),
                  *(plane | low for plane in range(0, 0x110000, 0x10000)
                    for low in (0xFFFE, 0xFFFF))]
_DROPPED: _Table = {cp: None for cp in [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0),
                                        0xFFFD, *_NONCHARACTERS]}
_FOLD_TABLE: _Table = {**_FULLWIDTH, **_SPACES, **_DROPPED, 0x09: " "}


def _char_class(code_points: list[int]) -> str:
    """A regex class of ``code_points``, runs written as ranges."""
    runs: list[tuple[int, int]] = []
    for cp in sorted(code_points):
        if runs and runs[-1][1] == cp - 1:
            runs[-1] = (runs[-1][0], cp)
        else:
            runs.append((cp, cp))
    return "[" + "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}"
                         for a, b in runs) + "]"


# str.translate walks a dict per character; a regex finds the (rare) characters
# that need folding far faster, and only those are looked up. The class is split
# at U+FFFF: a class of BMP characters is one bitmap lookup per character, while
# the astral noncharacters (two a plane) would make the engine try a list of
# ranges at every character. Astral ones are looked for only in a text that
# holds an astral character at all (almost none does).
_FOLDABLE = re.compile(_char_class([cp for cp in _FOLD_TABLE if cp <= 0xFFFF]))
_FOLDABLE_ASTRAL = re.compile(_char_class([cp for cp in _FOLD_TABLE if cp > 0xFFFF]))
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SPACE_RUN = re.compile(r" {2,}")

# A pinyin gloss the mirrors put after a character: "(zhàn)". It must carry a
# tone mark, which real parenthesised text ("(記者楊文)", "(GDP)") never does.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
GLOSS_RE = re.compile(rf"\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")

# Neutral-tone glosses ("們(men)") carry no mark, so they look like any
# lowercase word in brackets. They are only taken when the bracket follows a
# CJK character, holds one valid pinyin syllable, and the text already has
# toned glosses (i.e. it is a glossing mirror's page).
_PINYIN_SYLLABLE = (
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|ai|ei|ao|ou|an|en|in|un|ün"
    r"|er|ia|ie|iu|ua|uo|ui|üe|ue|a|o|e|i|u|ü)"
)
# The bracket comes first and the CJK character is checked behind it: a pattern
# that opens with a lookbehind is tried at every position of the text, one that
# opens with a literal "(" only where there is one.
NEUTRAL_GLOSS_RE = re.compile(rf"\((?<=[\u3400-\u9fff]\(){_PINYIN_SYLLABLE}\)")
# Toned glosses a page must carry before neutral ones are believed.
NEUTRAL_GLOSS_MIN_TONED = 3


# Each foldable character as the string it folds to.
_FOLDED: dict[str, str] = {
    chr(cp): v if isinstance(v, str) else "" if v is None else chr(v)
    for cp, v in _FOLD_TABLE.items()}
# The ones Chinese text is full of (a "，" every few words): each replaced in one
# C pass; the regex then finds only the rare rest.
_COMMON_FOLDS = [(ch, _FOLDED[ch]) for ch in "，\u3000\xa0：（）；！？"]


def fold_width(text: str) -> str:
    """Fullwidth ASCII forms to ASCII, odd spaces to plain spaces."""
    for ch, folded in _COMMON_FOLDS:
        if ch in text:
            text = text.replace(ch, folded)
    text = _FOLDABLE.sub(_fold_char, text)
    if _ASTRAL.search(text) is not None:
        text = _FOLDABLE_ASTRAL.sub(_fold_char, text)
    return text


def _fold_char(m: re.Match[str]) -> str:
    return _FOLDED[m.group()]


def fold_line(line: str) -> str:
    """A line as the seed format keeps it: folded, runs of spaces as one, trimmed."""
    return collapse_spaces(fold_width(line))


def collapse_spaces(line: str) -> str:
    """Runs of spaces as one, trimmed (for text already width-folded)."""
    return _SPACE_RUN.sub(" ", line).strip()


# Glosses broken by a bad re-encoding: "日?qǐng)?bào)" (the character after the
# "?" is lost for good), and "&middot;" whose "&" became "?".
GLOSS_DEBRIS_RE = re.compile(
    rf"(?:\?(?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\))+")
ENTITY_DEBRIS = {"?middot;": "·", "?nbsp;": " ", "?ldquo;": "“", "?rdquo;": "”"}
_ENTITY_DEBRIS_RE = re.compile("|".join(re.escape(k) for k in ENTITY_DEBRIS))


def strip_glosses(text: str, *, glossed: bool | None = None) -> tuple[str, int]:
    """Remove pinyin glosses (and their debris); return the text and how many
    were removed. Neutral-tone glosses go only on a glossing page: ``glossed``
    says whether this is one, ``None`` decides from the text's toned glosses."""
    if ")" not in text and ";" not in text:
        return text, 0  # every gloss and its debris ends in ")", every entity in ";"
    debris = 0
    # Each pattern starts with a literal "?" or "(": a text without it is skipped.
    if "?" in text:
        text, debris = GLOSS_DEBRIS_RE.subn("", text)
        text, entities = _ENTITY_DEBRIS_RE.subn(lambda m: ENTITY_DEBRIS[m.group()], text)
        debris += entities
    if "(" not in text:
        return text, debris
    text, toned = GLOSS_RE.subn("", text)
    if glossed if glossed is not None else toned >= NEUTRAL_GLOSS_MIN_TONED:
        text, neutral = NEUTRAL_GLOSS_RE.subn("", text)
        return text, toned + neutral + debris
    return text, toned + debris



def holds_any(text: str, ascii_class: re.Pattern[str]) -> bool:
    """Whether ``text`` holds a character of a one-character class of ASCII
    characters (the control characters): each looked for with ``in``, cheaper
    than the regex scanning a page that holds none of them."""
    return any(c in text for c in _ascii_members(ascii_class))


@lru_cache(maxsize=16)
def _ascii_members(ascii_class: re.Pattern[str]) -> tuple[str, ...]:
    return tuple(c for c in map(chr, range(0x80)) if ascii_class.fullmatch(c))
