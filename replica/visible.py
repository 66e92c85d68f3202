"""What a reader sees on a page, line by line, in the seed format.

The replica's own renderer, written from how browsers lay out text (block
elements start lines, ``<br>`` breaks them, list items get a bullet, scripts,
styles, form controls and hidden elements show nothing), so that its tests
check pages against their records without the crawler's code. Fullwidth ASCII
forms fold to ASCII and U+3000/U+00A0 become spaces, as the seed format does.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul"
})
SKIP = frozenset({
    "script", "style", "noscript", "head", "title", "template", "iframe", "select",
    "textarea", "button", "input", "option", "object", "embed", "svg", "video", "audio"
})
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr"
})
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0xA0: 0x20}


def fold(text: str) -> str:
    """Fullwidth ASCII forms to ASCII, U+3000/U+00A0 to spaces (the seed format's folding)."""
    return text.translate(_FOLD)


def decode_cf_email(hexstr: str) -> str:
    key = int(hexstr[:2], 16)
    return bytes(int(hexstr[i:i + 2], 16) ^ key for i in range(2, len(hexstr), 2)).decode(
        "utf-8", "replace")


class _Visible(HTMLParser):
    def __init__(self, decode_emails: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.decode_emails = decode_emails
        self.lines: list[str] = []
        self.line: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, hides its content)
        self.hidden = 0
        self.cf: str | None = None  # data-cfemail of the open e-mail link

    def _break(self) -> None:
        text = " ".join("".join(self.line).split())
        if text:
            self.lines.append(text)
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "br":
            if not self.hidden:
                self._break()
            return
        if tag in VOID:
            return
        hides = (tag in SKIP or "hidden" in a or
                 re.search(r"display\s*:\s*none", a.get("style", ""), re.I) is not None)
        self.stack.append((tag, hides))
        if hides:
            self.hidden += 1
        if self.hidden:
            return
        if tag in BLOCK:
            self._break()
        if tag == "li":
            self.line.append("• ")
        if tag == "a" and "data-cfemail" in a and self.decode_emails:
            self.cf = a["data-cfemail"]

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            t, hides = self.stack.pop()
            if hides:
                self.hidden -= 1
            if not self.hidden and t in BLOCK:
                self._break()
            if t == "a" and self.cf is not None:
                self.line.append(decode_cf_email(self.cf))
                self.cf = None
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.hidden and self.cf is None:
            self.line.append(fold(data))

    def close(self) -> None:
        super().close()
        self._break()


def charset_of(body: bytes, content_type: str | None = None) -> str:
    """The page's charset: the header's, else the ``<meta>``'s, else UTF-8 (gb2312
    and gbk read as their superset GB18030, as browsers do)."""
    header = re.search(r"charset=([\w-]+)", content_type or "", re.I)
    meta = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", body[:4096], re.I)
    name = (header[1] if header else meta[1].decode("ascii") if meta else "utf-8").lower()
    return "gb18030" if name in ("gb2312", "gbk", "gb18030") else name


def page_text(page: bytes | str, content_type: str | None = None,
              decode_emails: bool = False) -> str:
    """The page's visible text, one line per line of text."""
    if isinstance(page, bytes):
        page = page.decode(charset_of(page, content_type), "replace")
    parser = _Visible(decode_emails)
    parser.feed(page)
    parser.close()
    return "\n".join(parser.lines)


def page_lines(page: bytes | str, content_type: str | None = None,
               decode_emails: bool = False) -> list[str]:
    return page_text(page, content_type, decode_emails).split("\n")
