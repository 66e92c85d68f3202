"""Page bytes to text, not trusting a declared charset blindly."""

from __future__ import annotations

import re

from scrapy.http import Response
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

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
    return (text.count("\ufffd") + len(CONTROL.findall(text))) / len(text)


def _superset(declared: str) -> str:
    name = declared.lower()
    if name in GB_FAMILY:
        return "gb18030"  # a superset of GB2312 and GBK, as browsers decode them
    if name in BIG5_FAMILY:
        return "big5hkscs"  # Big5 with the HKSCS extension
    return declared


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode page bytes.

    Valid UTF-8 with multi-byte sequences is practically never GBK, so strict
    UTF-8 wins; then the declared charsets (header, ``<meta>``); then GB18030.
    Raises ``ExtractionError`` when no candidate decodes cleanly.
    """
    if not body.strip():
        raise ExtractionError("empty_body")
    candidates = ["utf-8"]
    for declared in (http_content_type_encoding(content_type or ""),
                     html_body_declared_encoding(body)):
        if declared:
            candidates.append(_superset(declared))
    candidates.append("gb18030")
    for encoding in dict.fromkeys(candidates):
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _bad_ratio(text) <= MAX_BAD_CHAR_RATIO:
            return text, encoding
    raise ExtractionError("bad_encoding")


def response_text(response: Response) -> str:
    """The response body decoded by ``decode_body`` (raises ``ExtractionError``)."""
    content_type = response.headers.get("Content-Type")
    header = content_type.decode("latin-1") if content_type else None
    return decode_body(response.body, header)[0]
