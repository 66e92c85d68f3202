"""Render HTML to its visible text in the seed layout.

Like a browser's ``innerText`` without CSS: block elements start new blocks,
blocks are separated by one blank line, ``<br>`` starts a new line inside a
block, list items are written ``  • item``, and what a reader never sees
(scripts, styles, the head, ``hidden`` and ``display:none`` elements, form
controls) is skipped. Lines are whitespace-folded and fullwidth ASCII forms are
folded to ASCII, as SEED_FORMAT.md describes.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from w3lib.encoding import html_to_unicode

from crawler.textnorm import fold_line

# What a reader never sees.
SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link",
    "iframe", "object", "embed", "svg", "canvas", "input", "textarea", "select",
    "option", "button", "img", "audio", "video", "source", "map",
})
# Elements that start and end a block of their own.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "legend", "li",
    "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "thead", "tfoot", "tr", "ul", "caption",
})
CELL_TAGS = frozenset({"td", "th"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")
# C0 controls never show, and three of them mark structure while rendering.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CF_EMAIL_HREF = re.compile(r"/cdn-cgi/l/email-protection#([0-9a-fA-F]+)")

_BLOCK = "\x00"  # a block boundary, never in page text after parsing
_LINE = "\x01"  # a <br> line break
_BULLET = "\x02"  # a list item's marker, written "  • " after folding


def decode_cfemail(hex_string: str) -> str | None:
    """Decode Cloudflare's e-mail obfuscation: the first byte XORs the rest."""
    try:
        data = bytes.fromhex(hex_string)
    except ValueError:
        return None
    if len(data) < 2:
        return None
    key = data[0]
    try:
        return bytes(b ^ key for b in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None


def to_unicode(html: str | bytes, content_type: str | None = None) -> str:
    """Decode page bytes by BOM, header, then ``<meta>`` charset (as browsers do)."""
    if isinstance(html, str):
        return html
    _, text = html_to_unicode(content_type, html)
    return text


def _is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and HIDDEN_STYLE.search(style))


def _cf_email(el: etree._Element) -> str | None:
    hex_string = el.get("data-cfemail")
    if hex_string is None:
        match = CF_EMAIL_HREF.search(el.get("href") or "")
        hex_string = match.group(1) if match else None
    return decode_cfemail(hex_string) if hex_string else None


def _walk(el: etree._Element, out: list[str], decode_emails: bool) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.lower()
    if not tag or tag in SKIPPED_TAGS or _is_hidden(el):
        # Comments, processing instructions and invisible elements: only the
        # tail (text after the element) is visible.
        return
    if tag == "br":
        out.append(_LINE)
        return
    block = tag in BLOCK_TAGS
    if block:
        out.append(_BLOCK)
    if tag == "li":
        out.append(_BULLET)
    email = _cf_email(el) if decode_emails else None
    if email is not None:
        out.append(email)
    else:
        if el.text:
            out.append(el.text)
        for child in el:
            _walk(child, out, decode_emails)
            if child.tail:
                out.append(child.tail)
    if tag in CELL_TAGS:
        out.append(" ")
    if block:
        out.append(_BLOCK)


def _bullet(line: str) -> str:
    if _BULLET not in line:
        return line
    body = line.replace(_BULLET, "").strip()
    return f"  • {body}" if line.startswith(_BULLET) else body


def render_blocks(html: str | bytes, *, decode_emails: bool = False) -> list[list[str]]:
    """The page's visible text as blocks of non-empty, folded lines."""
    text = CONTROL_CHARS.sub("", to_unicode(html))
    if not text.strip():
        return []
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return []
    out: list[str] = []
    _walk(root, out, decode_emails)
    blocks: list[list[str]] = []
    for raw_block in "".join(out).split(_BLOCK):
        # Source newlines are plain whitespace in HTML; only <br> breaks lines.
        lines = [fold_line(ASCII_SPACE.sub(" ", part)) for part in raw_block.split(_LINE)]
        lines = [_bullet(line) for line in lines if line.strip(_BULLET + " ")]
        if lines:
            blocks.append(lines)
    return blocks


def render_text(html: str | bytes, *, decode_emails: bool = False) -> str:
    """The page's visible text: lines of a block joined by newlines, blocks by a
    blank line. ``decode_emails`` restores Cloudflare-obfuscated addresses."""
    blocks = render_blocks(html, decode_emails=decode_emails)
    return "\n\n".join("\n".join(lines) for lines in blocks)
