"""Character-level normalisation shared by extraction, cleaning and dedupe.

Pure functions over strings; the rules they apply are the module constants.
"""

from __future__ import annotations

import re

_Table = dict[int, str | int | None]
# U+FF01..U+FF5E fold to ASCII; 。、“” and 《》 are outside that range and stay.
_FULLWIDTH: _Table = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_SPACES: _Table = {0x00A0: " ", 0x3000: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x200B: ""}
_FOLD_TABLE: _Table = {**_FULLWIDTH, **_SPACES, 0x09: " "}
_SPACE_RUN = re.compile(r" {2,}")

# A pinyin gloss the mirrors put after a character: "(zhàn)". It must carry a
# tone mark, which real parenthesised text ("(記者楊文)", "(GDP)") never does.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
GLOSS_RE = re.compile(rf"\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")


def fold_width(text: str) -> str:
    """Fullwidth ASCII forms to ASCII, odd spaces to plain spaces."""
    return text.translate(_FOLD_TABLE)


def fold_line(line: str) -> str:
    """A line as the seed format keeps it: folded, runs of spaces as one, trimmed."""
    return _SPACE_RUN.sub(" ", fold_width(line)).strip()


def strip_glosses(text: str) -> tuple[str, int]:
    """Remove pinyin glosses; return the text and how many were removed."""
    return GLOSS_RE.subn("", text)
