"""Shared test helpers (fixtures live in conftest.py)."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler


def project_crawler(spidercls: Any = None, **overrides: Any) -> Crawler:
    """A crawler with the project's own settings (crawler/settings.py) plus
    ``overrides``; reactor settings are left to ``get_crawler``."""
    settings = get_project_settings()
    own = {name: settings[name] for name in settings
           if (settings.getpriority(name) or 0) >= SETTINGS_PRIORITIES["project"]}
    own.pop("DOWNLOAD_HANDLERS", None)
    own.update(overrides)
    return get_crawler(spidercls, own)
