"""The drift corpus (tests/fixtures/drift): pages in CMS families the extractor
was not written against. The bar of issue 10 is held here; the side-by-side
figures against trafilatura and GNE are printed by bench/extraction.py."""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES

from crawler.extract import extract_article
from crawler.items import SEED_FIELDS

DRIFT = FIXTURES / "drift"
PAGES = sorted(DRIFT.glob("*/*.json"))
MIN_FAMILIES, MIN_PAGES = 10, 40
# What "holds" means: issue 10's bar.
TITLE_DATE_SHARE, TEXT_SHARE, GOOD_SIMILARITY = 0.98, 0.95, 0.97
# The other fields are held to a bar of their own.
FIELD_SHARE = 0.95
ATTRIBUTES = re.compile(rb"""\s(?:class|id)=(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def load(path: Path) -> tuple[dict[str, Any], bytes]:
    return json.loads(path.read_text("utf-8")), path.with_suffix(".html").read_bytes()


def run(body_of: Any = lambda body: body) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    out = []
    for path in PAGES:
        meta, body = load(path)
        got = extract_article(body_of(body), meta["served_url"], content_type=meta["content_type"])
        out.append((f"{path.parent.name}/{path.stem}", got, meta["expected"]))
    return out


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@pytest.fixture(scope="module")
def results() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    return run()


def test_the_corpus_is_what_the_issue_asks_for() -> None:
    metas = [load(p)[0] for p in PAGES]
    assert len(metas) >= MIN_PAGES
    assert len({m["family"] for m in metas}) >= MIN_FAMILIES
    charsets = {m["charset"] for m in metas}
    assert {"utf-8", "big5"} <= charsets and charsets & {"gbk", "gb18030"}
    for meta in metas:
        assert list(meta["expected"]) == list(SEED_FIELDS)


def test_title_date_and_text_hold(results: list[tuple[str, dict[str, Any], dict[str, Any]]]
                                  ) -> None:
    n = len(results)
    titles = [name for name, got, want in results if got["title"] != want["title"]]
    dates = [name for name, got, want in results if got["published_at"] != want["published_at"]]
    texts = [name for name, got, want in results
             if similarity(got["text"], want["text"]) < GOOD_SIMILARITY]
    assert len(titles) <= (1 - TITLE_DATE_SHARE) * n, titles
    assert len(dates) <= (1 - TITLE_DATE_SHARE) * n, dates
    assert len(texts) <= (1 - TEXT_SHARE) * n, texts


def test_no_chrome_line_in_any_text(
        results: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> None:
    extra = {name: [p for p in got["text"].split("\n\n") if p not in want["text"].split("\n\n")]
             for name, got, want in results}
    assert not {k: v for k, v in extra.items() if v}


def test_other_fields_hold(results: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> None:
    keys = ("id", "url", "site", "subtitle", "author", "editor", "source", "region",
            "category", "tags")
    for key in keys:
        wrong = [name for name, got, want in results if got[key] != want[key]]
        assert len(wrong) <= (1 - FIELD_SHARE) * len(results), (key, wrong)


def test_layout_independent_without_any_class_or_id() -> None:
    """With every class and id removed no class word or site selector is left:
    the text, tags and structure alone must still carry most pages."""
    results = run(lambda body: ATTRIBUTES.sub(b"", body))
    n = len(results)
    titles = sum(got["title"] == want["title"] for _, got, want in results)
    texts = sum(similarity(got["text"], want["text"]) >= GOOD_SIMILARITY
                for _, got, want in results)
    assert titles >= 0.9 * n and texts >= 0.9 * n
