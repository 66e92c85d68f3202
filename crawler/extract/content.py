"""The article body: the block that holds the page's prose, and its lines.

The container is found by text and punctuation density over the DOM, in the
spirit of GNE and readability: every line's prose weight (its characters when
it reads like a sentence and is not link text) is credited to the block holding
it, to that block's parent in full and, decaying, to two more ancestors; the
best-credited element is the container. Chrome and furniture containers
(``crawler.extract.dom``) take no part. A site's known selector, where it
matches and holds most of that prose, confirms or replaces the choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crawler.cleaning.lines import line_weight
from crawler.extract import rules as X
from crawler.extract.dom import CHROME, FURNITURE, PageDom, select
from crawler.extract.render import Line, is_hidden
from crawler.sites.base import Site

# Share of a line's weight credited to the block, its parent, grandparent ...
CREDIT = (1.0, 1.0, 0.5, 0.25)
# Elements within this share of the best score count as tied; the deepest wins.
TIE = 0.02
# A site selector's element is taken when it holds at least this share of the
# prose of the element density found.
SELECTOR_MIN_SHARE = 0.5
IMAGE_BLOCK_MAX_WEIGHT = 120


@dataclass
class Body:
    container: Any
    lines: list[Line]  # the container's lines that may be body, in order
    # "selector" (the site's selector agreed or won), "density", "anchored"
    # (the container right under the headline, where density chose a story
    # far from it)
    how: str


def _depth(el: Any) -> int:
    depth = 0
    while el is not None:
        depth += 1
        el = el.getparent()
    return depth


def _contains(outer: Any, inner: Any) -> bool:
    el = inner
    while el is not None:
        if el is outer:
            return True
        el = el.getparent()
    return False


def eligible(page: PageDom, line: Line) -> bool:
    return not page.line_kind(line) & (CHROME | FURNITURE)


def _scores(page: PageDom) -> dict[int, tuple[float, Any, int]]:
    """Every credited element by id: its credit, the element, and the
    position of the first prose line credited to it."""
    scores: dict[int, tuple[float, Any, int]] = {}
    for i, (line, weight) in enumerate(zip(page.lines, page.prose, strict=True)):
        if not weight or not eligible(page, line):
            continue
        el = line.block
        for share in CREDIT:
            if el is None:
                break
            score, _, first = scores.get(id(el), (0.0, el, i))
            scores[id(el)] = (score + weight * share, el, first)
            el = el.getparent()
    return scores


def _strongest(scored: list[tuple[float, Any]]) -> Any:
    """The best-credited element; among those within ``TIE`` of it, the deepest."""
    best = max(score for score, _ in scored)
    return max((el for score, el in scored if score >= best * (1 - TIE)), key=_depth)


def prose_in(page: PageDom, el: Any) -> float:
    inside = {id(e) for e in el.iter()}
    return sum(w for line, w in zip(page.lines, page.prose, strict=True)
               if w and id(line.block) in inside and eligible(page, line))


def _site_element(page: PageDom, site: Site | None) -> Any | None:
    if site is None:
        return None
    return next((el for el in select(page, site.selectors.body) if prose_in(page, el) > 0),
                None)


def find_container(page: PageDom, site: Site | None) -> tuple[Any, str] | None:
    scores = _scores(page)
    if not scores:
        return None
    container = _strongest([(score, el) for score, el, _first in scores.values()])
    how = "density"
    selected = _site_element(page, site)
    if selected is not None and selected is not container:
        found, chosen = prose_in(page, container), prose_in(page, selected)
        related = _contains(selected, container) or _contains(container, selected)
        if chosen >= SELECTOR_MIN_SHARE * found and (related or chosen >= found):
            container, how = selected, "selector"
    elif selected is container:
        how = "selector"
    return container, how


# --- captions -------------------------------------------------------------------


def _centered(el: Any, stop: Any) -> bool:
    for _ in range(3):
        if el is None or el is stop:
            return False
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag == "center" or (el.get("align") or "").lower() in {"center", "middle"}:
            return True
        if X.CENTERED_STYLE.search(el.get("style") or ""):
            return True
        el = el.getparent()
    return False


def _image_block(el: Any) -> bool:
    """An image a reader sees inside ``el`` (not one hidden, nor inside a
    hidden element below ``el``: a tracking pixel makes no caption)."""
    for img in el.iter("img"):
        node = img
        while node is not None and not is_hidden(node):
            if node is el:
                return True
            node = node.getparent()
    return False


def caption_lines(page: PageDom, lines: list[Line], container: Any) -> set[int]:
    """Positions (in ``lines``) of image captions and photo credits."""
    out: set[int] = set()
    credit_context: set[int] = set()  # page positions of images' captions and credits
    block_weight: dict[int, int] = {}
    for line in lines:
        block_weight[id(line.block)] = block_weight.get(id(line.block), 0) + line_weight(line.text)
    for i, line in enumerate(lines):
        weight = line_weight(line.text)
        if weight > X.CAPTION_MAX_WEIGHT:
            continue
        block = line.block
        at = page.position(line)
        in_image_block = (block is not container and _image_block(block)
                          and block_weight[id(block)] <= IMAGE_BLOCK_MAX_WEIGHT)
        before = page.lines[at - 1] if at else None
        # The line before on the page is a caption: furniture (a caption class)
        # or one found here.
        after_caption = before is not None and (
            at - 1 in credit_context or (page.line_kind(before) & FURNITURE
                                         and line_weight(before.text) <= X.CAPTION_MAX_WEIGHT
                                         and (before.after_image or _image_near(before))))
        follows_caption = after_caption and (
            X.PHOTO_CREDIT.match(line.text) or _centered(block, container)
            or (block.get("align") or "").lower() == "right")
        after_image = _after_image(page, at) and (
            _centered(block, container) or not X.SENTENCE_END.search(line.text)
            or line.text.startswith(("图为", "图:", "图片:")))
        if in_image_block or follows_caption or after_image:
            out.add(i)
            credit_context.add(at)
    return out


def _after_image(page: PageDom, at: int) -> bool:
    """An image precedes the line at ``at``, with nothing but chrome (an ad
    box, a share bar) between them."""
    while at >= 0:
        line = page.lines[at]
        if line.after_image:
            return True
        at -= 1
        if at < 0 or not page.line_kind(page.lines[at]) & CHROME:
            return False
    return False


def _image_near(line: Line) -> bool:
    """An image in the line's block or the block before it."""
    block = line.block
    previous = block.getprevious()
    return _image_block(block) or (previous is not None and _image_block(previous))


def find_body(page: PageDom, site: Site | None) -> Body | None:
    found = find_container(page, site)
    if found is None:
        return None
    return body_of(page, *found)


def body_after(page: PageDom, at: int, window: int) -> Body | None:
    """The best-credited container whose prose starts within ``window`` lines
    after the line at ``at`` (the headline): the article a headline opens,
    where a longer story elsewhere on the page (a feed, a recommended
    article) outweighs it."""
    near = [(score, el) for score, el, first in _scores(page).values()
            if at < first <= at + window]
    return body_of(page, _strongest(near), "anchored") if near else None


def body_of(page: PageDom, container: Any, how: str) -> Body:
    """The body lines of ``container``: what may be body, captions left out."""
    inside = {id(e) for e in container.iter()}
    lines = [line for line in page.lines
             if id(line.block) in inside and eligible(page, line)]
    captions = caption_lines(page, lines, container)
    return Body(container, [line for i, line in enumerate(lines) if i not in captions], how)
