"""crawler.extensions.CollectorTuning, through a crawler's signals."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from crawler.config import SettingsError
from crawler.extensions import CollectorTuning, collector_threshold

Thresholds = tuple[int, int, int]


@pytest.fixture
def interpreter_thresholds() -> Iterator[Thresholds]:
    saved = gc.get_threshold()
    yield saved
    gc.set_threshold(*saved)  # whatever a failing test left


def test_threshold_raised_while_the_engine_runs(interpreter_thresholds: Thresholds) -> None:
    # Only this extension: Scrapy's own want a running reactor on engine_started.
    crawler = get_crawler(settings_dict={"GC_GEN0_THRESHOLD": 12_345, "EXTENSIONS_BASE": {}})
    assert crawler.stats is not None
    crawler.stats.open_spider()
    extension = CollectorTuning.from_crawler(crawler)  # held: signals keep weak references
    crawler.signals.send_catch_log(signals.engine_started)
    assert gc.get_threshold() == (12_345, *interpreter_thresholds[1:])
    gc.collect(0)
    crawler.signals.send_catch_log(signals.engine_stopped)
    assert gc.get_threshold() == interpreter_thresholds
    assert crawler.stats.get_value("gc/collections") >= 1
    extension.engine_stopped()  # a second stop changes nothing
    assert gc.get_threshold() == interpreter_thresholds


def test_zero_keeps_the_interpreters_collector(interpreter_thresholds: Thresholds) -> None:
    with pytest.raises(NotConfigured):
        CollectorTuning.from_crawler(get_crawler(settings_dict={"GC_GEN0_THRESHOLD": 0}))
    assert gc.get_threshold() == interpreter_thresholds


def test_negative_threshold_is_a_settings_error() -> None:
    with pytest.raises(SettingsError, match=r"GC_GEN0_THRESHOLD='-1': must be >= 0"):
        CollectorTuning.from_crawler(get_crawler(settings_dict={"GC_GEN0_THRESHOLD": -1}))


def test_collector_threshold_holds_inside_the_block_only(
        interpreter_thresholds: Thresholds) -> None:
    with collector_threshold(54_321):
        assert gc.get_threshold()[0] == 54_321
    assert gc.get_threshold() == interpreter_thresholds
    with pytest.raises(KeyError), collector_threshold(54_321):
        raise KeyError("a failing block")
    assert gc.get_threshold() == interpreter_thresholds
    with collector_threshold(0):
        assert gc.get_threshold() == interpreter_thresholds
