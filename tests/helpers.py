"""Shared test helpers (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from pipelines.dedupe import DedupePipeline
from testkit.crawl import DROPPED_DUPLICATE as DROPPED_DUPLICATE  # its tests import it from here


def project_crawler(spidercls: Any = None, **overrides: Any) -> Crawler:
    """A crawler with the project's own settings (crawler/settings.py) plus
    ``overrides``; reactor settings are left to ``get_crawler``."""
    settings = get_project_settings()
    own = {name: settings[name] for name in settings
           if (settings.getpriority(name) or 0) >= SETTINGS_PRIORITIES["project"]}
    own.pop("DOWNLOAD_HANDLERS", None)
    own.update(overrides)
    return get_crawler(spidercls, own)


def dedupe_pipeline(tmp_path: Path, **settings: Any) -> DedupePipeline:
    """An open ``DedupePipeline`` with its state under ``tmp_path``."""
    crawler = get_crawler(settings_dict={"STATE_DIR": str(tmp_path / "state"), **settings})
    assert crawler.stats is not None
    crawler.stats.open_spider()
    pipe = DedupePipeline.from_crawler(crawler)
    pipe.open_spider()
    return pipe
