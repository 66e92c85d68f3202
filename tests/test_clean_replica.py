"""Replica pages, rendered to text as the spiders render them, clean to the
replica's ground-truth records (skipped while the replica or renderer is absent)."""

from __future__ import annotations

import pytest

from crawler.cleaning.core import clean_document

model = pytest.importorskip("crawler.replica.model")
pages = pytest.importorskip("crawler.replica.pages")
render = pytest.importorskip("crawler.extract.render")

KEYS = ("title", "subtitle", "published_at", "author", "editor", "source", "region",
        "category", "tags", "text")
PER_SITE = 150


@pytest.mark.parametrize("site", ["shanxidayuan", "fissico", "sxnews"])
def test_replica_pages_clean_to_ground_truth(site: str) -> None:
    site_model = model.SiteModel(site, PER_SITE)
    refs = [site_model.ref(i) for i in range(PER_SITE)] + list(site_model.seeds)
    mismatches = []
    for ref in refs:
        article = site_model.article(ref)
        text = render.render_text(pages.article_html(article), decode_emails=True)
        result = clean_document(text)
        got = {"site": result.site, **result.fields, "text": result.text}
        expected = article.record
        wrong = [k for k in (*KEYS, "site") if got.get(k) != expected.get(k)]
        # A page states its URL (本文地址) only on some sites; where it does, it must agree.
        if got["url"] is not None and got["url"] != expected["url"]:
            wrong.append("url")
        if wrong:
            mismatches.append((ref, wrong))
    assert not mismatches, mismatches[:5]
