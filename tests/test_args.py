from __future__ import annotations

import datetime as dt

import pytest

from crawler.args import ArgumentError, parse_crawl_args
from spiders.fissico import FissicoSpider


def test_good_arguments() -> None:
    args = parse_crawl_args({"since": "2020-01-01", "until": "2020-12-31", "ids": "5-9",
                             "categories": "dzyw, shxw", "max_items": "3", "_job": "x"},
                            ("dzyw", "shxw"))
    assert args.since == dt.date(2020, 1, 1) and args.ids == (5, 9)
    assert args.categories == ("dzyw", "shxw") and args.max_items == 3
    assert args.in_window(dt.date(2020, 6, 1)) and not args.in_window(dt.date(2021, 1, 1))


@pytest.mark.parametrize(("raw", "needle"), [
    ({"since": "2020-13-01"}, "since='2020-13-01'"),
    ({"since": "2021-01-01", "until": "2020-01-01"}, "after until"),
    ({"ids": "9-5"}, "greater than end"),
    ({"ids": "abc"}, "START-END"),
    ({"max_items": "0"}, "max_items"),
    ({"categories": "../etc"}, "not a column name"),
    ({"categories": "nosuch"}, "unknown column"),
    ({"bogus": "1"}, "bogus"),
])
def test_bad_arguments_fail_with_one_line(raw: dict[str, str], needle: str) -> None:
    with pytest.raises(ArgumentError) as info:
        parse_crawl_args(raw, ("dzyw",))
    assert needle in str(info.value) and "\n" not in str(info.value)


def test_spider_validates_before_any_request() -> None:
    with pytest.raises(ArgumentError):
        FissicoSpider(since="yesterday")
    assert FissicoSpider(categories="dzyw").args.categories == ("dzyw",)
