"""Page bytes to text, not trusting a declared charset blindly."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

from scrapy.http import Response
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    resolve_encoding,
)

from crawler.textnorm import holds_any

# Share of U+FFFD (or of C0 control characters) above which a decoding is wrong.
MAX_BAD_CHAR_RATIO = 0.002
# A reading that is valid but for a few bad byte sequences (a page cut or
# spliced mid-character by its CMS) is kept with them dropped, as browsers
# show it: at most this share of its characters, counted with the controls ...
MAX_DROPPED_RATIO = 0.005
# ... and at most this share of its non-ASCII characters: a Latin-1 page read
# as GB18030 pairs its accented letters into ideographs, with a bad sequence
# wherever one is followed by a space or a digit; on a page of markup that is
# few of its characters but many of its non-ASCII ones.
MAX_DROPPED_NON_ASCII_RATIO = 0.02
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
# A byte order mark names its page's encoding before any declaration does (as
# browsers read it, and w3lib): the mark itself is no text.
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))
GB_FAMILY = frozenset({"gb2312", "gbk", "gb_2312-80", "csgb2312", "x-gbk", "cp936"})
BIG5_FAMILY = frozenset({"big5", "big5-hkscs", "cp950", "x-x-big5"})


class ExtractionError(Exception):
    """A page that yields no article, with the reason as its message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _controls(text: str) -> int:
    """C0 control characters in ``text`` (looked for only when there is one)."""
    return len(CONTROL.findall(text)) if holds_any(text, CONTROL) else 0


def _bad_ratio(text: str) -> float:
    if not text:
        return 1.0
    return (text.count("\ufffd") + _controls(text)) / len(text)


def _superset(declared: str) -> str:
    name = declared.lower()
    if name in GB_FAMILY:
        return "gb18030"  # a superset of GB2312 and GBK, as browsers decode them
    if name in BIG5_FAMILY:
        return "big5hkscs"  # Big5 with the HKSCS extension
    return declared


# Letters beyond ASCII: CJK ideographs and kana/hangul count for a Chinese page,
# Latin-1/Latin Extended, Greek, Cyrillic, Arabic, Hebrew and Thai letters against it
# (what a GBK page read in a single-byte charset turns into).
# Matched as runs: a page has a few hundred runs against thousands of letters.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
FOREIGN = re.compile(r"[\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u0e00-\u0e7f]+")
# Below this share of CJK among those letters a decoding is mojibake, not Chinese.
MIN_CJK_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Decoded:
    """A page's text, the charset it was read in (``""`` for a page given as
    text), and how many bad byte sequences were dropped from it (0 when it
    decoded cleanly)."""

    text: str
    encoding: str
    replaced: int = 0


def decode_page(body: str | bytes, content_type: str | None = None) -> Decoded:
    """Decode page bytes, trusting the bytes over what the server says.

    The one decoder of page bytes: the extractor and the renderer
    (``crawler.extract.render``) both read pages through it. A page given as
    ``str`` is text already and is kept as it is (``encoding`` ``""``).

    A byte order mark (UTF-8, UTF-16) decides first, and is no part of the
    text. Valid UTF-8 with multi-byte sequences is practically never GBK, so
    strict UTF-8 wins; then the header's charset, the page's ``<meta>``, GB18030. A
    candidate must decode cleanly and, these being Chinese pages, give CJK
    text: a header naming a single-byte charset (koi8-r, iso-8859-5) decodes
    any bytes, into Cyrillic or Latin letters, and loses to the ``<meta>`` or
    GB18030 reading.

    When no candidate decodes cleanly, each is read leniently: a reading with
    only a few bad byte sequences (``MAX_DROPPED_RATIO`` of its characters,
    ``MAX_DROPPED_NON_ASCII_RATIO`` of its non-ASCII ones) that gives Chinese
    text is kept, the one with fewest bad sequences first (the earlier
    candidate on a tie); the bad sequences are dropped, never left as U+FFFD,
    and counted in ``replaced``.

    Raises ``ExtractionError`` ``bad_encoding`` when nothing decodes (cleanly
    or with few bad sequences), ``mojibake`` when what does is not Chinese text.
    """
    if isinstance(body, str):
        if not body.strip():
            raise ExtractionError("empty_body")
        return Decoded(body, "")
    body, bom = _without_bom(body)
    if not body.strip():
        raise ExtractionError("empty_body")
    candidates = list(_candidates(body, content_type, bom))
    decodable = False
    for encoding in candidates:
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _bad_ratio(text) > MAX_BAD_CHAR_RATIO:
            continue
        decodable = True
        if _reads_as_chinese(text):
            return Decoded(text, encoding)
    best: Decoded | None = None
    for encoding in candidates:
        lenient = _lenient(body, encoding)
        if lenient is None:
            continue
        decodable = True
        if (best is None or lenient.replaced < best.replaced) \
                and _reads_as_chinese(lenient.text):
            best = lenient
    if best is not None:
        return best
    raise ExtractionError("mojibake" if decodable else "bad_encoding")


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """``decode_page`` as ``(text, encoding)``."""
    decoded = decode_page(body, content_type)
    return decoded.text, decoded.encoding


def _without_bom(body: bytes) -> tuple[bytes, str | None]:
    """``body`` without its byte order mark, and the encoding the mark names."""
    for mark, encoding in BOMS:
        if body.startswith(mark):
            return body[len(mark):], encoding
    return body, None


def _lenient(body: bytes, encoding: str) -> Decoded | None:
    """The reading of ``body`` in ``encoding`` with its bad sequences dropped,
    or ``None`` when it has too many of them (or control characters)."""
    try:
        text = body.decode(encoding, "replace")
    except LookupError:
        return None
    replaced = text.count("\ufffd")
    if replaced:
        text = text.replace("\ufffd", "")
    if not text or replaced + _controls(text) > MAX_DROPPED_RATIO * len(text):
        return None
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if replaced > MAX_DROPPED_NON_ASCII_RATIO * non_ascii:
        return None
    return Decoded(text, encoding, replaced)


def _candidates(body: bytes, content_type: str | None, bom: str | None = None
                ) -> Iterator[str]:
    """The byte order mark's encoding, strict UTF-8, the header's charset,
    the ``<meta>`` charset, an XML declaration's, GB18030: each once, the
    declarations looked for only when UTF-8 failed."""
    tried: set[str] = set()
    for declared in (lambda: bom, lambda: "utf-8",
                     lambda: http_content_type_encoding(content_type or ""),
                     lambda: _meta_charset(body), lambda: _xml_charset(body),
                     lambda: "gb18030"):
        name = declared()
        if name and (name := _superset(name)) not in tried:
            tried.add(name)
            yield name


# An XML declaration (``<?xml version="1.0" encoding="utf-8"?>``) before the
# markup: a page in HTML is read by its ``<meta>``, as browsers read it (the
# declaration is a leftover of an XHTML template); its encoding comes after.
XML_DECLARATION = re.compile(rb"<\?xml[^>]*>", re.I)
XML_ENCODING = re.compile(rb"""\sencoding\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)
DECLARATIONS_IN = 4096  # bytes, as w3lib's html_body_declared_encoding reads


def _meta_charset(body: bytes) -> str | None:
    head = body[:DECLARATIONS_IN]
    if b"<?" in head:
        head = XML_DECLARATION.sub(b"", head)
    return html_body_declared_encoding(head)


def _xml_charset(body: bytes) -> str | None:
    declaration = XML_DECLARATION.search(body, 0, DECLARATIONS_IN)
    encoding = XML_ENCODING.search(declaration.group()) if declaration else None
    return resolve_encoding(encoding.group(1).decode("ascii")) if encoding else None


def _reads_as_chinese(text: str) -> bool:
    """CJK letters make at least ``MIN_CJK_SHARE`` of the non-ASCII letters,
    or there are none of either (an all-ASCII page says nothing about its
    charset). Without foreign letters (most pages) the CJK ones are not counted."""
    foreign = sum(map(len, FOREIGN.findall(text)))
    if not foreign:
        return True
    # share >= MIN_CJK_SHARE <=> cjk >= foreign * k: counted only that far.
    enough = foreign * MIN_CJK_SHARE / (1.0 - MIN_CJK_SHARE)
    cjk = 0
    for run in CJK.finditer(text):
        cjk += run.end() - run.start()
        if cjk >= enough:
            return True
    return False


def response_text(response: Response) -> str:
    """The response body decoded by ``decode_page`` (raises ``ExtractionError``)."""
    content_type = response.headers.get("Content-Type")
    header = content_type.decode("latin-1") if content_type else None
    return decode_page(response.body, header).text
