"""Cleaning throughput on seed-sized documents, and the ratio against
trafilatura's ``extract`` on the same pages' HTML, measured in the same run.

Run on demand (not a test):  python bench/bench_clean.py [--docs N] [--html-docs M]

HTML comes from the replica (``replica``: article pages of all three
sites, seeds included) and the text from it as the spiders render it
(``crawler.extract.render``); when those are not importable, each seed text is
wrapped in simple HTML (one ``<p>`` per block). The output says which.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.cleaning.page import clean_document  # noqa: E402

SEEDS_DIR = ROOT.parent / "shared" / "seeds"
TARGET_DOCS_PER_S = 2000


def wrap_html(page_text: str) -> str:
    """A plain HTML page with the seed's blocks as paragraphs."""
    blocks = [b for b in page_text.split("\n\n") if b.strip()]
    title = html.escape(blocks[0].strip() if blocks else "")
    body = "\n".join(
        "<p>" + "<br>".join(html.escape(line) for line in block.splitlines()) + "</p>"
        for block in blocks
    )
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"</head><body><div class=\"content\">{body}</div></body></html>")


def replica_pages(per_site: int) -> list[tuple[str, str]]:
    """Replica article HTML and its text as the spiders render it."""
    from crawler.extract.render import render_text
    from replica.model import SiteModel
    from replica.pages import article_html

    out = []
    for site in ("shanxidayuan", "fissico", "sxnews"):
        model = SiteModel(site, per_site)
        for ref in [model.ref(i) for i in range(per_site)] + list(model.seeds):
            page_html = article_html(model.article(ref))
            out.append((render_text(page_html, decode_emails=True), page_html))
    return out


def load_pages(per_site: int) -> tuple[list[tuple[str, str]], str]:
    """(page text, HTML) pairs and a word on where the HTML came from."""
    try:
        pages = replica_pages(per_site)
    except ImportError as exc:
        reason = f"replica not importable: {exc}"
    else:
        return pages, f"replica HTML ({len(pages)} article pages, 3 sites, seeds included)"
    texts = [p.read_text("utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    return [(t, wrap_html(t)) for t in texts], (
        f"seed texts wrapped in simple HTML ({len(texts)} pages; {reason})")


def per_doc_seconds(fn: Callable[[str], object], docs: list[str], n: int) -> float:
    """Best of three passes over ``n`` documents, in seconds per document."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for i in range(n):
            fn(docs[i % len(docs)])
        best = min(best, (time.perf_counter() - start) / n)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5000, help="documents per cleaning pass")
    parser.add_argument("--html-docs", type=int, default=300,
                        help="documents per trafilatura pass")
    parser.add_argument("--per-site", type=int, default=100,
                        help="replica articles per site to draw pages from")
    args = parser.parse_args()

    pages, origin = load_pages(args.per_site)
    texts = [t for t, _ in pages]
    htmls = [h for _, h in pages]
    mean_chars = sum(map(len, texts)) / len(texts)
    print(f"pages: {origin}; mean page text {mean_chars:,.0f} chars")

    clean_s = per_doc_seconds(clean_document, texts, args.docs)
    rate = 1 / clean_s
    verdict = "meets" if rate >= TARGET_DOCS_PER_S else "MISSES"
    print(f"clean_document:      {rate:8,.0f} docs/s  ({clean_s * 1e6:7.1f} µs/doc, one core) "
          f"- {verdict} the {TARGET_DOCS_PER_S:,} docs/s target")

    seeds = [p.read_text("utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    if seeds:
        seed_s = per_doc_seconds(clean_document, seeds, args.docs)
        print(f"clean_document on the {len(seeds)} seed files: {1 / seed_s:8,.0f} docs/s  "
              f"({seed_s * 1e6:7.1f} µs/doc)")

    try:
        import trafilatura
    except ImportError:
        print("trafilatura not installed: no ratio")
        return
    traf_s = per_doc_seconds(trafilatura.extract, htmls, args.html_docs)
    print(f"trafilatura.extract: {1 / traf_s:8,.0f} docs/s  ({traf_s * 1e6:7.1f} µs/doc)")
    print(f"ratio: clean_document is {traf_s / clean_s:.1f}x the speed of trafilatura.extract "
          "(note: clean_document works on rendered text, extract also parses the HTML)")


if __name__ == "__main__":
    main()
