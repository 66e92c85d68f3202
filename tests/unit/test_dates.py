"""Where a record's date comes from (``date_source``), strongest signal first:
printed on the page, its metadata, a script or CMS comment in its HTML, its URL,
the date its listing printed beside the link."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse, Request

from crawler.extract import extract_article
from crawler.extract.fields import url_date
from crawler.extract.pages import ArticlePage
from crawler.sites import SITES

SENTENCE = "会议强调,要完整准确全面贯彻落实党中央决策部署,认真学习进一步优化防控工作的措施。"
BODY = "".join(f"<p>第{i}段。{SENTENCE}</p>" for i in range(6))
# Shanxi News' newer GB template: headline, body, copyright footer; no info line.
URL = "http://news.sxrb.com/GB/314061/10228139.html"


def page(head: str = "", info: str = "", tail: str = "") -> bytes:
    return (f"<html><head><title>省委召开会议_山西新闻网</title>{head}</head><body>"
            f"<div class='jz'><h1>省委召开会议</h1></div>{info}<div id='rwb_zw'>{BODY}</div>"
            f"{tail}</body></html>").encode()


def test_a_printed_date_is_printed() -> None:
    info = "<div class='left1'>2024年05月15日10:20 来源:山西日报</div>"
    record = extract_article(page(info=info), URL)
    assert record["published_at"] == "2024-05-15T10:20:00+08:00"
    assert record["date_source"] == "printed"


def test_printed_beats_metadata_and_meta_lends_its_time_to_the_same_day() -> None:
    head = '<meta name="publishdate" content="2024-05-15T10:20:30+08:00">'
    other = extract_article(page(head, "<div class='left1'>2024年05月14日</div>"), URL)
    assert other["published_at"] == "2024-05-14" and other["date_source"] == "printed"
    same = extract_article(page(head, "<div class='left1'>2024年05月15日</div>"), URL)
    assert same["published_at"] == "2024-05-15T10:20:30+08:00"
    assert same["date_source"] == "printed"


@pytest.mark.parametrize(("head", "tail", "want", "source"), [
    ('<meta name="publishdate" content="2024-05-15">', "", "2024-05-15", "meta"),
    ('<meta property="article:published_time" content="2024-05-15T02:20:00Z">', "",
     "2024-05-15T10:20:00+08:00", "meta"),
    ("", "<!--enpproperty <articleid>10228139</articleid><date>2024-05-15 10:20:00:0</date>"
         "<author></author>/enpproperty-->", "2024-05-15T10:20:00+08:00", "script"),
    ('<script>var publishTime = "2024-05-15 10:20";</script>', "",
     "2024-05-15T10:20:00+08:00", "script"),
    ("", "", None, None),
])
def test_a_page_that_prints_no_date(head: str, tail: str, want: str | None,
                                    source: str | None) -> None:
    record = extract_article(page(head, tail=tail), URL)
    assert record["published_at"] == want and record["date_source"] == source


def test_the_url_dates_a_page_with_nothing_else() -> None:
    record = extract_article(page(), "http://www.example.gov.cn/xwzx/202405/t20240515_123.html")
    assert record["published_at"] == "2024-05-15" and record["date_source"] == "url"


@pytest.mark.parametrize(("url", "want"), [
    ("http://a.cn/2024/0515/c1.html", "2024-05-15"),
    ("http://a.cn/20240515/abc/c.html", "2024-05-15"),
    ("http://a.cn/2024-05/15/c_1.htm", "2024-05-15"),
    ("http://a.cn/2024/05/15/x.html", "2024-05-15"),
    ("http://a.cn/202405/t20240515_99.shtml", "2024-05-15"),
    # A bare number as the file name is an id, not a date.
    ("http://news.sxrb.com/GB/314061/20240515.html", None),
    ("http://a.cn/2024/1399/x.html", None),  # no month 13
])
def test_url_date(url: str, want: str | None) -> None:
    stamp = url_date(url)
    assert (stamp.iso() if stamp else None) == want


def _response(url: str, body: bytes, **meta: str) -> HtmlResponse:
    return HtmlResponse(url, body=body, request=Request(url, meta=meta))


def test_the_listing_dates_a_page_that_holds_no_date_of_its_own() -> None:
    site = SITES["sxnews"]
    listed = ArticlePage.from_response(_response(URL, page(), listed_date="2024-05-15"), site)
    assert listed.record()["published_at"] == "2024-05-15"
    assert listed.record()["date_source"] == "listing"
    assert listed.extraction.counters["date/listing"] == 1
    # A date of the page's own is kept: the listing's day is only a fallback.
    dated = ArticlePage.from_response(
        _response(URL, page(info="<div class='left1'>2024年05月14日</div>"),
                  listed_date="2024-05-15"), site)
    assert dated.record()["published_at"] == "2024-05-14"
    assert dated.record()["date_source"] == "printed"
    unlisted = ArticlePage.from_response(_response(URL, page()), site)
    assert unlisted.record()["published_at"] is None
    assert unlisted.record()["date_source"] is None


# -- crawler.dates: the one way dates are read and written ----------------------

def test_days_exist_or_are_none() -> None:
    import datetime as dt

    from crawler.dates import calendar_day, day_of, plausible_day

    assert calendar_day("2021", "02", "28") == dt.date(2021, 2, 28)
    assert calendar_day(2021, 2, 31) is None
    assert plausible_day(1994, 5, 1) is None and plausible_day(1995, 5, 1) is not None
    assert plausible_day(dt.date.today().year + 2, 1, 1) is None
    assert day_of("2022-03-05T09:30:00+08:00") == dt.date(2022, 3, 5)
    assert day_of("2022-13-05") is None and day_of(None) is None and day_of("") is None


def test_published_at_forms() -> None:
    import datetime as dt

    from crawler.cleaning.lines import iso_datetime
    from crawler.dates import beijing_iso, parse_moment

    assert beijing_iso(dt.date(2022, 3, 5)) == "2022-03-05"
    assert beijing_iso(dt.date(2022, 3, 5), dt.time(9, 30)) == "2022-03-05T09:30:00+08:00"
    assert parse_moment("2026-12-07T14:00:00Z") == parse_moment("2026-12-07T22:00:00+08:00")
    with pytest.raises(ValueError):
        parse_moment("yesterday")
    # A meta line's digits: the moment, the day alone when the time is impossible,
    # nothing when the day is (the record schema would refuse 2021-02-31).
    assert iso_datetime("2024年05月15日", "10:20") == "2024-05-15T10:20:00+08:00"
    assert iso_datetime("2024-05-15", "25:20") == "2024-05-15"
    assert iso_datetime("2024-05-15", None) == "2024-05-15"
    assert iso_datetime("2021-02-31", "10:20") is None
    assert iso_datetime("2024-05", "10:20") is None
