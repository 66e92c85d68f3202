"""The web archive: every article page a crawl or re-fetch downloads, kept as
WARC/1.1 records (``warc``: writing and repair; ``middleware``: the crawl's
side; ``read``: captures back; ``reextract``: the extractor over them).
docs/archive.md."""
