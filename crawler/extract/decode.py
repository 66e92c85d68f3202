"""Page bytes to text, not trusting a declared charset blindly."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapy.http import Response
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from crawler.textnorm import holds_any

# Share of U+FFFD (or of C0 control characters) above which a decoding is wrong.
MAX_BAD_CHAR_RATIO = 0.002
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
GB_FAMILY = frozenset({"gb2312", "gbk", "gb_2312-80", "csgb2312", "x-gbk", "cp936"})
BIG5_FAMILY = frozenset({"big5", "big5-hkscs", "cp950", "x-x-big5"})


class ExtractionError(Exception):
    """A page that yields no article, with the reason as its message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _bad_ratio(text: str) -> float:
    if not text:
        return 1.0
    controls = len(CONTROL.findall(text)) if holds_any(text, CONTROL) else 0
    return (text.count("\ufffd") + controls) / len(text)


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


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode page bytes, trusting the bytes over what the server says.

    Valid UTF-8 with multi-byte sequences is practically never GBK, so strict
    UTF-8 wins; then the header's charset, the page's ``<meta>``, GB18030. A
    candidate must decode cleanly and, these being Chinese pages, give CJK
    text: a header naming a single-byte charset (koi8-r, iso-8859-5) decodes
    any bytes, into Cyrillic or Latin letters, and loses to the ``<meta>`` or
    GB18030 reading. Raises ``ExtractionError`` ``bad_encoding`` when nothing
    decodes cleanly, ``mojibake`` when what does is not Chinese text.
    """
    if not body.strip():
        raise ExtractionError("empty_body")
    decodable = False
    for encoding in _candidates(body, content_type):
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _bad_ratio(text) > MAX_BAD_CHAR_RATIO:
            continue
        decodable = True
        if _reads_as_chinese(text):
            return text, encoding
    raise ExtractionError("mojibake" if decodable else "bad_encoding")


def _candidates(body: bytes, content_type: str | None) -> Iterator[str]:
    """Strict UTF-8, the header's charset, the ``<meta>`` charset, GB18030:
    each once, the declarations looked for only when UTF-8 failed."""
    yield "utf-8"
    tried = {"utf-8"}
    for declared in (lambda: http_content_type_encoding(content_type or ""),
                     lambda: html_body_declared_encoding(body), lambda: "gb18030"):
        name = declared()
        if name and (name := _superset(name)) not in tried:
            tried.add(name)
            yield name


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
    """The response body decoded by ``decode_body`` (raises ``ExtractionError``)."""
    content_type = response.headers.get("Content-Type")
    header = content_type.decode("latin-1") if content_type else None
    return decode_body(response.body, header)[0]
