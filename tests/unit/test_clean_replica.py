"""The text path (``scrapy clean`` on seed-format texts): replica pages in the
sites' own layouts, the layouts of the seeds, rendered to page text, clean to
the replica's ground-truth records. Pages in other CMS families are the DOM
extractor's (tests/unit/test_extract.py, tests/unit/test_drift.py); a text of them has
lost the structure that tells a caption or a related list from the body."""

from __future__ import annotations

import pytest

from crawler.cleaning.page import clean_document
from crawler.extract import render
from replica import model, pages

KEYS = ("title", "subtitle", "published_at", "author", "editor", "source", "region",
        "category", "tags")
PER_SITE = 150
# The families that render the sites' own layouts, as the seeds show them.
SEED_LAYOUTS = {"shanxidayuan": {"theme0", "theme1", "theme2"},
                "fissico": {"kbcmw_a", "kbcmw_b"}, "sxnews": {"sxxww"}}


@pytest.mark.parametrize("site", ["shanxidayuan", "fissico", "sxnews"])
def test_replica_pages_clean_to_ground_truth(site: str) -> None:
    site_model = model.SiteModel(site, PER_SITE)
    refs = [site_model.ref(i) for i in range(PER_SITE)] + list(site_model.seeds)
    mismatches = []
    checked = 0
    for ref in refs:
        article = site_model.article(ref)
        if ref.key.startswith("gen:") and article.family not in SEED_LAYOUTS[site]:
            continue
        if len(article.extra.get("breaks", ())):
            continue  # one page's text of an article split over several holds only its share
        checked += 1
        text = render.render_text(pages.article_html(article), decode_emails=True)
        result = clean_document(text)
        got = {"site": result.site, **result.fields, "text": result.text}
        expected = article.record
        wrong = [k for k in (*KEYS, "site") if got.get(k) != expected.get(k)]
        # The text keeps every paragraph of the article, in order. A caption
        # may stay: in page text it is one more short line.
        paragraphs = iter(got["text"].split("\n\n"))
        if not all(p in paragraphs for p in expected["text"].split("\n\n")):
            wrong.append("text")
        # A page states its URL (本文地址) only on some sites; where it does, it must agree.
        if got["url"] is not None and got["url"] != expected["url"]:
            wrong.append("url")
        if wrong:
            mismatches.append((ref, wrong))
    assert checked >= 20
    assert not mismatches, mismatches[:5]
