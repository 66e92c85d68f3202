"""Generators and references shared by the tests and the benchmarks (bench/):
synthetic articles with labelled copies (``synth``), the labelled formulaic set
(``formulaic``), a NumPy MinHash reference (``numpy_minhash``), headless
Chromium for the report (``browser``), ``scrapy crawl`` command lines and what
their outputs and logs hold (``crawl``), kill runs of a distributed crawl
(``kill_runs``). Not part of the crawler: neither the wheel nor the scrapyd egg
holds it."""
