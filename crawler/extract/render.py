"""Render HTML to its visible text in the seed layout, line by line.

Like a browser's ``innerText`` without CSS: block elements start new blocks,
blocks are separated by one blank line, ``<br>`` starts a new line inside a
block, list items are written ``  • item``, and what a reader never sees
(scripts, styles, the head, ``hidden`` and ``display:none`` elements, form
controls) is skipped. Lines are whitespace-folded and fullwidth ASCII forms are
folded to ASCII, as SEED_FORMAT.md describes.

One walk over the DOM gives :class:`Line` objects that remember the block
element holding them and how much of them is link text; the page text
(``render_text``) and the extractor (``crawler.extract.content``) both read them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from crawler.extract.decode import ExtractionError, decode_page
from crawler.textnorm import fold_line, holds_any

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
# Hidden for good. Not visibility:hidden: it keeps its place on the page, and
# scripts reveal what it holds (WeChat's article body is served that way).
HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)
ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")
# C0 controls never show.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CF_EMAIL_HREF = re.compile(r"/cdn-cgi/l/email-protection#([0-9a-fA-F]+)")
CF_EMAIL_TAGS = frozenset({"a", "span"})
BULLET = "  • "


@dataclass(slots=True)
class Line:
    """One visible line of a page."""

    text: str  # folded, trimmed, never empty
    block: Any  # the innermost block element (lxml) holding the line
    links: int  # characters of the (unfolded) line inside <a>
    chars: int  # characters of the unfolded line
    bullet: bool  # the first line of a list item (``text`` starts with "  • ")
    new_block: bool  # a block boundary precedes it (a blank line in page text)
    after_image: bool = False  # an <img> lies between the previous line and this one
    kind: int = 0  # the page's CHROME / FURNITURE bits for its block (set by extract.dom)

    @property
    def link_share(self) -> float:
        return self.links / self.chars if self.chars else 0.0


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


# libxml2's HTML parser as lxml.html drives it, without lxml.html's element
# classes: those are looked up in Python for every element the walk touches.
HTML_PARSER = etree.HTMLParser()
# The same without libxml2's nesting limit, for the rare page that passes it.
DEEP_HTML_PARSER = etree.HTMLParser(huge_tree=True)
_STRING = etree.XPath("string()", smart_strings=False)
# libxml2 stops at this depth (and drops the rest of the page) unless told
# XML_PARSE_HUGE; deeper elements are lifted to it, as browsers cap nesting.
MAX_DEPTH = 255
# Even with XML_PARSE_HUGE libxml2 stops at 2048: a page past that has its
# deepest start tags dropped from the markup before the parse (see
# ``_flatten_markup``): chains of bare wrappers past the first depth, any tag
# past the second.
FLATTEN_WRAPPERS_DEPTH, FLATTEN_ALL_DEPTH = 1024, 2000
# Wrappers that may be taken out of a page nested too deep when they hold one
# element and no text (and carry no class or id): neither the lines nor the
# marking of chrome by class words and tag names change.
BARE_WRAPPER_TAGS = frozenset({
    "div", "span", "font", "center", "b", "i", "u", "em", "strong", "small", "big",
})
# A leading XML declaration naming an encoding: lxml refuses it in a str.
XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
# What the walks over the tree never show: only their tails are text.
NOT_ELEMENTS = (etree.Comment, etree.ProcessingInstruction, etree.Entity)


def parse_document(html: str | bytes, content_type: str | None = None) -> Any | None:
    """The lxml document of a page, or ``None`` for an empty or unparsable one.

    Page bytes are read by ``decode_page`` with the ``content_type`` header,
    as the extractor reads them; bytes it refuses (empty, undecodable, or not
    Chinese text) are no document.

    The tree holds elements only: comments (conditional ones too), processing
    instructions (``<?php … ?>``), what libxml2 makes of CDATA, and entity
    nodes are taken out with their tails kept, so that no walk over the DOM
    meets a node that is not an element. C0 controls and U+FFFD (what an
    entity for NUL or a lone surrogate becomes) never reach the text. What
    ``<noscript>``, ``<template>`` and ``<svg>`` hold is left out before the
    parse (``_drop_inert_content``): no walk shows it, and no rule that looks
    at elements may see it. A page nested past
    libxml2's limits is parsed again and capped (``_cap_depth``,
    ``_flatten_markup``)."""
    try:
        text = decode_page(html, content_type).text
    except ExtractionError:
        return None
    if holds_any(text, CONTROL_CHARS):
        text = CONTROL_CHARS.sub("", text)
    if text.lstrip()[:5] == "<?xml":
        text = XML_DECLARATION.sub("", text, count=1)
    if _INERT.search(text):
        text = _drop_inert_content(text)
    if not text.strip():
        return None
    try:
        root = etree.fromstring(text, HTML_PARSER)
        if root is not None and _too_deep(HTML_PARSER):
            root = etree.fromstring(text, DEEP_HTML_PARSER)
            if root is not None and _too_deep(DEEP_HTML_PARSER):
                root = etree.fromstring(_flatten_markup(text), DEEP_HTML_PARSER)
            if root is not None:
                _cap_depth(root, MAX_DEPTH)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    etree.strip_tags(root, *NOT_ELEMENTS)
    return root


def _too_deep(parser: Any) -> bool:
    """The last parse stopped at libxml2's nesting limit (the rest of the page lost)."""
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def _cap_depth(root: Any, limit: int) -> None:
    """No element deeper than ``limit``: first the bare wrappers on the paths
    that go past it are taken out (a chain of ``<div>`` around one ``<div>``
    says nothing); then, below an element still at the limit, nested
    wrappers are unwrapped (their children and text lifted in place), so the
    leaves (paragraphs, spans, line breaks) become its children in order.
    Keeps every recursive walk far from Python's recursion limit."""
    _unwrap_bare_wrappers(root, limit)
    depth = {id(root): 0}
    at_limit = []
    for el in root.iter():
        parent = el.getparent()
        d = depth[id(parent)] + 1 if parent is not None else 0
        depth[id(el)] = d
        if d == limit and len(el):
            at_limit.append(el)
    for el in at_limit:
        while True:
            wrapper = next((child for child in el.iterdescendants() if len(child)), None)
            if wrapper is None:
                break
            _unwrap(wrapper)


def _unwrap_bare_wrappers(root: Any, limit: int) -> None:
    """Unwrap the bare wrappers (``_is_bare_wrapper``) that lie on a path
    from ``root`` deeper than ``limit``."""
    elements = list(root.iter())
    depth = {id(root): 0}
    for el in elements[1:]:
        depth[id(el)] = depth[id(el.getparent())] + 1
    height: dict[int, int] = {}
    for el in reversed(elements):  # children before their parents
        parent = el.getparent()
        if parent is not None:
            h = height.get(id(el), 0) + 1
            if h > height.get(id(parent), 0):
                height[id(parent)] = h
    for el in elements[1:]:
        if depth[id(el)] + height.get(id(el), 0) > limit and _is_bare_wrapper(el):
            _unwrap(el)


def _is_bare_wrapper(el: Any) -> bool:
    """An element holding one element and no text, with no class, id or
    hiding of its own: taking it out changes no line. A block wrapper must
    hold a block (else its child's line would join its neighbours')."""
    if len(el) != 1 or not isinstance(el.tag, str):
        return False
    tag = el.tag.lower()
    child = el[0]
    if (tag not in BARE_WRAPPER_TAGS or el.get("class") is not None or el.get("id") is not None
            or is_hidden(el) or not isinstance(child.tag, str)
            or (el.text and not el.text.isspace()) or (child.tail and not child.tail.isspace())):
        return False
    return tag not in BLOCK_TAGS or child.tag.lower() in BLOCK_TAGS


# What _flatten_markup reads: comments, then start and end tags (attribute
# values quoted or not), the rest is text.
_MARKUP_TOKEN = re.compile(
    r"""<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.S)
_CLASS_OR_ID = re.compile(r"""(?:^|[\s"'])(?:class|id)\s*=""", re.I)
_START_TAG_AHEAD = re.compile(r"\s*<([A-Za-z][^\s/>]*)")
# Elements whose content is text to the HTML tokenizer, never tags.
_RAW_TEXT_TAGS = frozenset({
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
})
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen",
})
# Elements whose content no walk shows and libxml2 should not build (see
# _drop_inert_content); <noscript> is raw text besides.
_INERT_TAGS = frozenset({"template", "svg"})
_INERT = re.compile(r"<(?:noscript|template|svg)\b", re.I)
# A start tag of one of these closes an open element of the same name at the top.
_SELF_CLOSING_SIBLINGS = frozenset({"p", "li", "dt", "dd", "option", "tr", "td", "th"})


def _tags(text: str, raw_text: frozenset[str] = _RAW_TEXT_TAGS
          ) -> Iterator[tuple[re.Match[str], str, int | None]]:
    """The start and end tags of the markup in order: each match (groups: the
    ``/`` of an end tag, the name, the attributes), its lower-case name and,
    for the start tag of a ``raw_text`` element, where its text ends (its
    end tag, which is not yielded, or the end of the page). Comments and the
    text of raw-text elements are passed over."""
    pos = 0
    while (m := _MARKUP_TOKEN.search(text, pos)) is not None:
        pos = m.end()
        if m.group(2) is None:
            continue  # a comment
        name = m.group(2).lower()
        if not m.group(1) and name in raw_text:
            end = re.compile(rf"</{name}\s*>", re.I).search(text, pos)
            yield m, name, end.start() if end else len(text)
            pos = end.end() if end else len(text)
        else:
            yield m, name, None


def _drop_inert_content(text: str) -> str:
    """The markup with the content of ``<noscript>``, ``<template>`` and
    ``<svg>`` elements taken out (their tags kept). No walk shows it, but
    libxml2 builds it into the page as HTML, where the rules that look at
    elements rather than lines met it: a tracking pixel's ``<img>`` in a
    ``<noscript>`` made the paragraph holding it an image caption. Browsers
    read a ``<noscript>`` as raw text (scripts on), a ``<template>``'s
    content as a fragment apart and an ``<svg>``'s as foreign content. An
    element left open keeps its content (an unclosed ``<svg>`` holds the
    rest of the page)."""
    out: list[str] = []
    last = 0
    inert: str | None = None  # the template or svg element being passed over
    depth = 0
    for m, name, raw_end in _tags(text, _RAW_TEXT_TAGS | {"noscript"}):
        closing = bool(m.group(1))
        if inert is None:
            if name == "noscript" and raw_end is not None:
                out.append(text[last:m.end()])
                last = raw_end
            elif name in _INERT_TAGS and not closing and not m.group(3).rstrip().endswith("/"):
                inert, depth, content = name, 1, m.end()
            continue
        if name == inert and not m.group(3).rstrip().endswith("/"):
            depth += -1 if closing else 1
            if not depth:
                out.append(text[last:content])
                last = m.start()
                inert = None
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _flatten_markup(text: str, wrappers_at: int = FLATTEN_WRAPPERS_DEPTH,
                    all_at: int = FLATTEN_ALL_DEPTH) -> str:
    """The markup with the start tags (and their end tags) that would nest
    past libxml2's hard limit taken out, their content left in place: past
    ``wrappers_at`` those of bare wrappers (a ``BARE_WRAPPER_TAGS`` start tag
    without class or id, right before the start tag of a block, or of any
    element for an inline one), past ``all_at`` every one. Depth is counted
    on a model of the open elements (void tags, ``/>``, raw-text elements and
    an end tag closing everything opened after its start tag, as libxml2
    does), which errs on the deep side. Only run on a page the parser could
    not hold."""
    out: list[str] = []
    last = 0
    stack: list[tuple[str, bool]] = []  # open elements: (name, start tag dropped)
    opened: dict[str, int] = {}  # open elements per name
    live = 0  # open elements whose start tag is kept
    for m, name, raw_end in _tags(text):
        pos = m.end()
        if not m.group(1):  # a start tag
            attributes = m.group(3)
            if raw_end is not None or name in _VOID_TAGS or attributes.rstrip().endswith("/"):
                continue
            if name in _SELF_CLOSING_SIBLINGS and stack and stack[-1][0] == name:
                closed, was_dropped = stack.pop()
                opened[closed] -= 1
                live -= not was_dropped
            drop = live >= all_at or (
                live >= wrappers_at and name in BARE_WRAPPER_TAGS
                and not _CLASS_OR_ID.search(attributes) and _wraps_an_element(name, text, pos))
            if drop:
                out.append(text[last:m.start()])
                last = pos
            stack.append((name, bool(drop)))
            opened[name] = opened.get(name, 0) + 1
            live += not drop
            continue
        if not opened.get(name):
            continue  # an end tag closing nothing: the parser ignores it
        while True:
            closed, was_dropped = stack.pop()
            opened[closed] -= 1
            live -= not was_dropped
            if closed == name:
                break
        if was_dropped:
            out.append(text[last:m.start()])
            last = pos
    out.append(text[last:])
    return "".join(out)


def _wraps_an_element(name: str, text: str, pos: int) -> bool:
    """The start tag of ``name`` ending at ``pos`` is right before another
    that could be its one child: a block for a block, any element with
    content for an inline wrapper."""
    ahead = _START_TAG_AHEAD.match(text, pos)
    if ahead is None:
        return False
    child = ahead.group(1).lower()
    if name in BLOCK_TAGS:
        return child in BLOCK_TAGS
    return child not in _VOID_TAGS


def _unwrap(el: Any) -> None:
    """Replace ``el`` by its text and children, keeping its tail after them."""
    parent = el.getparent()
    previous = el.getprevious()
    if el.text:
        if previous is not None:
            previous.tail = (previous.tail or "") + el.text
        else:
            parent.text = (parent.text or "") + el.text
    children = list(el)
    tail = el.tail
    at = parent.index(el)
    parent.remove(el)
    for offset, child in enumerate(children):
        parent.insert(at + offset, child)
    if tail:
        if children:
            children[-1].tail = (children[-1].tail or "") + tail
        elif previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def text_content(el: Any) -> str:
    """All the text below an element, as lxml.html's ``text_content()``."""
    return str(_STRING(el))


def is_hidden(el: Any) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and HIDDEN_STYLE.search(style))


def _cf_email(el: Any) -> str | None:
    hex_string = el.get("data-cfemail")
    if hex_string is None:
        match = CF_EMAIL_HREF.search(el.get("href") or "")
        hex_string = match.group(1) if match else None
    return decode_cfemail(hex_string) if hex_string else None


class _Walker:
    """Collects :class:`Line` objects in document order."""

    def __init__(self, decode_emails: bool, cells_as_blocks: bool = False,
                 block_when: Callable[[Any], bool] | None = None) -> None:
        self.decode_emails = decode_emails
        self.block_tags = BLOCK_TAGS | CELL_TAGS if cells_as_blocks else BLOCK_TAGS
        self.block_when = block_when
        self.saw_image = False
        self.lines: list[Line] = []
        self.pieces: list[str] = []
        self.links = 0
        self.blocks: list[Any] = []
        self.link_depth = 0
        self.pending_bullet = False
        self.new_block = True

    def text(self, value: str) -> None:
        self.pieces.append(value)
        if self.link_depth:
            self.links += len(value)

    def flush(self, boundary: bool) -> None:
        pieces = self.pieces
        if pieces:  # most boundaries close on nothing
            raw = "".join(pieces)
            pieces.clear()
            links, self.links = self.links, 0
            # ... or on the markup's indentation.
            text = "" if raw.isspace() else fold_line(ASCII_SPACE.sub(" ", raw))
            if text:
                bullet = self.pending_bullet
                self.lines.append(Line(BULLET + text if bullet else text, self.blocks[-1], links,
                                       len(raw.strip()), bullet, self.new_block, self.saw_image))
                self.new_block = False
                self.saw_image = False
        self.pending_bullet = False
        if boundary:
            self.new_block = True

    def walk(self, el: Any) -> None:
        # The hot loop of extraction (every element of every page): attribute
        # lookups are hoisted into locals and text is appended in place.
        tag = el.tag
        if not isinstance(tag, str):
            return  # a comment or processing instruction: only its tail shows
        tag = tag.lower()
        if tag in SKIPPED_TAGS or is_hidden(el):
            # Invisible: only the tail (text after the element) shows; the caller writes it.
            if tag == "img" and not is_hidden(el):
                self.saw_image = True
            return
        if tag == "br":
            self.flush(boundary=False)
            return
        block = tag in self.block_tags or (self.block_when is not None and self.block_when(el))
        if block:
            self.flush(boundary=True)
            self.blocks.append(el)
        if tag == "li":
            self.pending_bullet = True
        link = tag == "a"
        if link:
            self.link_depth += 1
        pieces = self.pieces  # flush() empties it in place
        # Cloudflare writes its obfuscated addresses as <a> or <span> only.
        email = _cf_email(el) if self.decode_emails and tag in CF_EMAIL_TAGS else None
        if email is not None:
            self.text(email)
        else:
            value = el.text
            if value:
                pieces.append(value)
                if self.link_depth:
                    self.links += len(value)
            walk = self.walk
            for child in el:
                walk(child)
                value = child.tail
                if value:
                    pieces.append(value)
                    if self.link_depth:
                        self.links += len(value)
        if link:
            self.link_depth -= 1
        if tag in CELL_TAGS:
            self.text(" ")
        if block:
            self.flush(boundary=True)
            self.blocks.pop()


def element_lines(el: Any, *, decode_emails: bool = False, cells_as_blocks: bool = False,
                  block_when: Callable[[Any], bool] | None = None) -> list[Line]:
    """The visible lines of an element (a whole document or a part of one).
    ``cells_as_blocks`` gives every table cell lines of its own (the page text
    keeps a row on one line, as a browser shows it); ``block_when`` makes more
    elements start blocks of their own."""
    walker = _Walker(decode_emails, cells_as_blocks, block_when)
    walker.blocks.append(el)
    walker.walk(el)
    walker.flush(boundary=True)
    return walker.lines


def blocks_of(lines: list[Line]) -> list[list[str]]:
    """Lines grouped into the page's blocks."""
    blocks: list[list[str]] = []
    for line in lines:
        if line.new_block or not blocks:
            blocks.append([])
        blocks[-1].append(line.text)
    return blocks


def render_blocks(html: str | bytes, *, decode_emails: bool = False,
                  content_type: str | None = None) -> list[list[str]]:
    """The page's visible text as blocks of non-empty, folded lines."""
    root = parse_document(html, content_type)
    if root is None:
        return []
    return blocks_of(element_lines(root, decode_emails=decode_emails))


def render_text(html: str | bytes, *, decode_emails: bool = False,
                content_type: str | None = None) -> str:
    """The page's visible text: lines of a block joined by newlines, blocks by a
    blank line. ``decode_emails`` restores Cloudflare-obfuscated addresses;
    ``content_type`` is the header page bytes were served with."""
    blocks = render_blocks(html, decode_emails=decode_emails, content_type=content_type)
    return "\n\n".join("\n".join(lines) for lines in blocks)
