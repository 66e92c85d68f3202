"""Drift-corpus pages as text, and where markup may be put into them.

The property tests (tests/unit/test_extract_properties.py) change a page at a
place and ask whether extraction still gives the same record. A place is a
position in the page's decoded text: the page is re-encoded in its own
charset afterwards, so a position is always a character boundary.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from crawler.extract import ExtractionError, extract_article
from crawler.extract.render import BLOCK_TAGS

ROOT = Path(__file__).resolve().parent.parent.parent
DRIFT = ROOT / "tests" / "fixtures" / "drift"
# The codec each corpus charset is read in (as crawler.extract.decode reads it).
CODECS = {"gbk": "gb18030", "gb2312": "gb18030", "big5": "big5hkscs"}

# A comment, a doctype or bogus comment, a processing instruction, a tag
# (attribute values quoted or not, ``>`` inside quotes kept in the tag).
TOKEN = re.compile(
    r"""<!--.*?-->|<![^>]*>|<\?[^>]*>|<(/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.S)
# Elements whose content the HTML tokenizer reads as text: nothing goes inside.
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes"})
REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
QUOTED_VALUE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)')""")
SCRIPT_START = re.compile(r"<script\b", re.I)


@dataclass
class Places:
    """Where in one page's text markup may go."""

    gaps: list[int] = field(default_factory=list)  # right before or after a tag, comment …
    text: list[int] = field(default_factory=list)  # inside text (not in a character reference)
    title_text: list[int] = field(default_factory=list)  # inside <title>'s text
    attribute: list[int] = field(default_factory=list)  # inside a quoted attribute value
    scripts: list[int] = field(default_factory=list)  # right before each <script>
    block_gaps: list[int] = field(default_factory=list)  # between two block tags (outside <pre>)
    body_start: int = 0  # where <body ...> starts
    body_end: int = 0  # where </body> starts (the end if there is none)


def _outside_references(text: str, start: int, end: int) -> list[int]:
    """Positions start..end (both included) not inside a character reference."""
    out = []
    at = start
    for ref in REFERENCE.finditer(text, start, end):
        out.extend(range(at, ref.start() + 1))
        at = ref.end()
    out.extend(range(at, end + 1))
    return out


def scan(text: str) -> Places:
    places = Places(body_end=len(text))
    gaps: set[int] = set()
    texts: set[int] = set()
    previous: tuple[int, str] | None = None  # end and name of the tag before (for block gaps)
    pre = 0
    at = 0
    while (m := TOKEN.search(text, at)) is not None:
        texts.update(_outside_references(text, at, m.start()))
        gaps.update((m.start(), m.end()))
        close, name, attributes = m.group(1), m.group(2), m.group(3)
        at = m.end()
        if name is None:
            previous = None
            continue
        name = name.lower()
        if previous is not None and not text[previous[0]:m.start()].strip() and not pre \
                and previous[1] in BLOCK_TAGS and name in BLOCK_TAGS:
            places.block_gaps.append(previous[0])
        previous = (m.end(), name)
        if close:
            if name == "pre" and pre:
                pre -= 1
            if name == "body":
                places.body_end = m.start()
            continue
        if name == "pre":
            pre += 1
        if name == "body":
            places.body_start = m.start()
        for value in QUOTED_VALUE.finditer(attributes):
            group = 1 if value.group(1) is not None else 2
            offset = m.start(3)
            places.attribute.extend(_outside_references(
                text, offset + value.start(group), offset + value.end(group)))
        if name == "script":
            places.scripts.append(m.start())
        if name in RAW_TEXT and not attributes.rstrip().endswith("/"):
            end = re.compile(rf"</{name}\s*>", re.I).search(text, m.end())
            stop = end.start() if end else len(text)
            gaps.discard(m.end())  # inside the raw text, not between tags
            if name == "title":
                places.title_text = _outside_references(text, m.end(), stop)
            if end is None:
                break
            gaps.add(end.end())
            previous = (end.end(), name)
            at = end.end()
    texts.update(_outside_references(text, at, len(text)))
    places.gaps = sorted(gaps)
    places.text = sorted(texts)
    return places


@dataclass(frozen=True)
class Page:
    """One drift page: its text, how it is served, and its record today."""

    name: str
    url: str
    content_type: str | None
    codec: str
    text: str

    def encode(self, text: str) -> bytes:
        return text.encode(self.codec)

    def extract(self, body: bytes | str) -> dict[str, Any]:
        if isinstance(body, str):
            body = self.encode(body)
        return extract_article(body, self.url, content_type=self.content_type)

    @property
    def body(self) -> bytes:
        return self.encode(self.text)


def page_names() -> list[str]:
    return [f"{p.parent.name}/{p.stem}" for p in sorted(DRIFT.glob("*/*.json"))]


@cache
def page(name: str) -> Page:
    meta = json.loads((DRIFT / f"{name}.json").read_text("utf-8"))
    body = (DRIFT / f"{name}.html").read_bytes()
    codec = CODECS.get(meta["charset"], meta["charset"])
    text = body.decode(codec)
    assert text.encode(codec) == body, f"{name} does not round-trip through {codec}"
    return Page(name, meta["served_url"], meta.get("content_type"), codec, text)


@cache
def record(name: str) -> dict[str, Any]:
    """The page's record as extraction gives it today (what the properties compare with)."""
    return page(name).extract(page(name).body)


# The markup of the crash this suite was written for: an HTML comment right
# before a <script> (the comment became the script's previous sibling).
CRASH_COMMENT = "<!-- 統計代碼 -->"


def commented(text: str) -> str:
    """The page with ``CRASH_COMMENT`` right before every ``<script>``."""
    return insert_all(text, scan(text).scripts, CRASH_COMMENT)


@cache
def variant(name: str, with_comments: bool) -> tuple[str, Places]:
    """A page's text (as served, or ``commented``) and its places."""
    text = page(name).text
    if with_comments:
        text = commented(text)
    return text, scan(text)


def insert(text: str, at: int, markup: str) -> str:
    return text[:at] + markup + text[at:]


def insert_all(text: str, positions: list[int], markup: str) -> str:
    """``markup`` at each of ``positions`` (of the original text) at once."""
    out = []
    last = 0
    for at in sorted(set(positions)):
        out += [text[last:at], markup]
        last = at
    out.append(text[last:])
    return "".join(out)


# Python's default: a crawl extracts under it. Hypothesis raises the limit
# while it runs a test, which would hide a walk too deep for a crawl.
RECURSION_LIMIT = 1000


def extract_or_error(page: Page, body: bytes) -> dict[str, Any] | ExtractionError:
    """The record, or the ``ExtractionError`` (any other exception propagates),
    extracted under Python's default recursion limit."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(RECURSION_LIMIT)
    try:
        return page.extract(body)
    except ExtractionError as error:
        return error
    finally:
        sys.setrecursionlimit(limit)


def differences(want: dict[str, Any], got: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The fields that differ, each as (want, got), long texts cut to their
    first differing stretch."""
    out = {}
    for key in want:
        a, b = want[key], got.get(key)
        if a == b:
            continue
        if isinstance(a, str) and isinstance(b, str) and len(a) + len(b) > 200:
            i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                     min(len(a), len(b)))
            a, b = a[max(0, i - 40):i + 80], b[max(0, i - 40):i + 80]
        out[key] = (a, b)
    return out


# Characters that never show and must never reach a record: C0 controls but
# the newline that separates paragraphs, DEL and C1 controls, U+FFFD (a lost
# character), noncharacters.
def invisible(value: str) -> list[str]:
    return [c for c in value
            if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F or c == "\ufffd"
            or 0xFDD0 <= ord(c) <= 0xFDEF or (ord(c) & 0xFFFE) == 0xFFFE]


def invisible_in(record: dict[str, Any]) -> dict[str, list[str]]:
    """Per field, the characters of ``invisible`` it holds."""
    out = {}
    for key, value in record.items():
        values = value if isinstance(value, list) else [value]
        found = [c for v in values if isinstance(v, str) for c in invisible(v)]
        if found:
            out[key] = found
    return out
