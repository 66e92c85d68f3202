"""The run summary and the stats JSON (crawler.runs)."""

from __future__ import annotations

from crawler.runs import summary_lines


def test_summary_names_every_drop_reason_and_what_is_left() -> None:
    stats = {"finish_reason": "finished", "elapsed_time_seconds": 12.4,
             "downloader/response_count": 120, "item_scraped_count": 95,
             "fetch/failed/reason_count/challenge": 3, "fetch/failed/reason_count/http_503": 1,
             "extract/dropped/mojibake": 2, "item_dropped_reasons_count/DuplicateItem": 4,
             "dedupe/exact": 3, "dedupe/near": 1, "extract/fallback": 5,
             "log_count/ERROR": 2, "frontier/pending": 3,
             "refetch/status/unchanged": 7, "refetch/status/gone": 1}
    text = "\n".join(summary_lines("fissico", stats, ["out/fissico/x.jsonl"]))
    for part in ("finished after 12 s", "120 pages fetched", "95 records exported",
                 "not fetched: challenge 3, http_503 1", "no article: mojibake 2",
                 "records dropped: DuplicateItem 4", "extraction fallbacks 5",
                 "duplicates 4 (url 0, exact 3, near 1)", "errors: error 2",
                 "3 articles pending", "re-fetched: unchanged 7, gone 1",
                 "output: out/fissico/x.jsonl"):
        assert part in text, part


def test_summary_names_articles_over_several_pages() -> None:
    stats = {"item_scraped_count": 9, "article/multipage": 4, "article/pages": 13,
             "article/gallery": 1, "article/page_dropped/empty_page": 2}
    text = "\n".join(summary_lines("sxnews", stats, []))
    assert ("sxnews: articles over several pages: 4 records from 13 pages, galleries "
            "(headline only) 1, pages without the article 2") in text
    assert "several pages" not in "\n".join(summary_lines("sxnews", {"item_scraped_count": 9},
                                                           []))


def test_progress_names_the_totals_it_knows() -> None:
    from crawler.runs import progress_line

    assert progress_line({"ids/total": 200, "ids/found": 30, "ids/not_found": 20,
                          "item_scraped_count": 28}) == \
        "progress: ids 50 of 200 tried (25%), 30 found, 28 records exported"
    assert "12 records exported of 40 articles asked for" in str(progress_line(
        {"listing/discovered": 40, "item_scraped_count": 12, "pages/listing": 3}))
    assert progress_line({}) is None
