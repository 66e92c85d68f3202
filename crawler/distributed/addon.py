"""``DistributedAddon``: the ``REDIS_URL`` switch, where settings are resolved.

Scrapy runs an addon's ``update_settings`` after the ``-s`` values, the spider's
``custom_settings`` and settings.py are in, and before any component is built; so
``-s REDIS_URL=…`` can choose the scheduler, the dupefilter and the dedupe
backend (which a module-level line in settings.py could not: it runs before
``-s`` is read). A value the user set explicitly (``-s DEDUP_BACKEND=sqlite``)
is kept. Without ``REDIS_URL`` nothing changes.
"""

from __future__ import annotations

from typing import Self

from scrapy.crawler import Crawler
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings

from crawler.config import redis_url

SCHEDULER = "crawler.distributed.scheduler.RedisScheduler"
DUPEFILTER = "crawler.distributed.scheduler.FingerprintDupeFilter"


def distributed_settings(url: str) -> dict[str, object]:
    """What ``REDIS_URL=url`` sets."""
    return {
        "SCHEDULER": SCHEDULER,
        "DUPEFILTER_CLASS": DUPEFILTER,
        # One worker closing never empties the shared queue and dupefilter; the
        # scheduler clears the dupefilter once the whole shared crawl is done.
        "SCHEDULER_PERSIST": True,
        "DEDUP_BACKEND": "redis",
        "DEDUP_REDIS_URL": url,
    }


class DistributedAddon:
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls()

    def update_settings(self, settings: BaseSettings) -> None:
        url = redis_url(settings.get("REDIS_URL"))
        if url is None:
            return  # off; or a bad value, which SettingsCheck reports by name
        project = SETTINGS_PRIORITIES["project"]
        for name, value in distributed_settings(url).items():
            if (settings.getpriority(name) or 0) <= project:  # -s NAME=… wins
                settings.set(name, value, priority="project")
