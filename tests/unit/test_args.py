from __future__ import annotations

import datetime as dt

import pytest

from crawler.args import ArgumentError, parse_crawl_args, unknown_columns
from crawler.sites import SITES
from spiders.fissico import FissicoSpider


def test_good_arguments() -> None:
    fissico = SITES["fissico"]
    args = parse_crawl_args({"since": "2020-01-01", "until": "2020-12-31", "ids": "5-9",
                             "categories": "xw/dzyw, ly", "max_items": "3", "_job": "x"},
                            fissico)
    assert args.since == dt.date(2020, 1, 1) and args.ids == (5, 9)
    assert args.categories == ("xw/dzyw", "ly") and args.max_items == 3
    # A column of the right form the description does not list is allowed, and named.
    assert unknown_columns(args, fissico) == ["ly"]
    assert args.in_window(dt.date(2020, 6, 1)) and not args.in_window(dt.date(2021, 1, 1))


@pytest.mark.parametrize(("raw", "needle"), [
    ({"since": "2020-13-01"}, "since='2020-13-01'"),
    ({"since": "2021-01-01", "until": "2020-01-01"}, "after until"),
    ({"ids": "9-5"}, "greater than end"),
    ({"ids": "abc"}, "START-END"),
    ({"max_items": "0"}, "max_items"),
    ({"categories": "../etc"}, "not a column name"),
    ({"categories": "xw/dzyw/extra/7"}, "not a column of fissico"),
    ({"categories": "314064"}, "not a column of fissico"),
    ({"bogus": "1"}, "bogus"),
])
def test_bad_arguments_fail_with_one_line(raw: dict[str, str], needle: str) -> None:
    with pytest.raises(ArgumentError) as info:
        parse_crawl_args(raw, SITES["fissico"])
    assert needle in str(info.value) and "\n" not in str(info.value)


def test_spider_validates_before_any_request() -> None:
    with pytest.raises(ArgumentError):
        FissicoSpider(since="yesterday")
    assert FissicoSpider(categories="xw/dzyw").args.categories == ("xw/dzyw",)
