"""A smoke run of bench/run.py on tiny sizes: the one command works end to end
and fills every table (the figures themselves are docs/benchmarks.md's)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.mark.slow
def test_the_benchmark_command_fills_every_table(tmp_path: Path) -> None:
    out = tmp_path / "benchmarks.md"
    run = subprocess.run([sys.executable, "bench/run.py", "--articles", "40", "--rss", "40,80",
                          "--dedupe", "400", "--spiders", "fissico", "--repeat", "2",
                          "--skip", "extraction", "--out", str(out)], cwd=ROOT,
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    text = out.read_text("utf-8")
    # Each latency and concurrency measured against both anchors (bare Scrapy with
    # titles and export, and fetch-only) in two triples: articles/s of the project
    # and bare, their throughput ratio, CPU s / 1,000 of all three, and the CPU
    # ratios to bare and to fetch-only side by side, each a median with the range
    # of the triples.
    ratio, number = r"[\d.]+× \([\d.]+–[\d.]+\)", r"[\d.]+"
    rows = re.findall(rf"^\| fissico \| (0|50) ms \| (\d+) \| [\d,]+ \| [\d,]+ \| [\d,]+ \| "
                      rf"{ratio} \| {number} \| {number} \| {number} \| {ratio} \| {ratio} \|$",
                      text, re.MULTILINE)
    assert rows == [("0", "16"), ("50", "16"), ("50", "4")], text
    assert "| CPU ratio to bare | CPU ratio to fetch-only |" in text
    # The 304 re-fetch against bare Scrapy's conditional GETs of the same URLs,
    # which were answered 304 too.
    # (An anchor answered 304 less often than the re-fetch says so in its cell.)
    assert re.search(r"\| [\d.]+× \(\d+ × 304(?:: not comparable)?\) \| [\d.]+× \|", text), text
    assert re.search(r"\| fissico \| \d+ / \d+ = [\d.]+ \| .* × 304\) \|", text)
    assert re.search(r"\| fissico \| \d+ MiB \([\d,]+ exported\) \| \d+ MiB", text)
    assert "scrapy dedupe: 400 docs" in text and "ratio: scrapy dedupe" in text
