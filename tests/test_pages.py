from __future__ import annotations

import datetime as dt

import pytest
from scrapy.http import HtmlResponse, Request, Response

from crawler.extract.pages import ArticlePage, ExtractionError, ListingPage, decode_body
from crawler.extract.sites import SITE_LAYOUTS

GBK_PAGE = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            '</head><body><p>山西新聞網 樓陽生</p></body></html>')


def response(url: str, body: bytes, content_type: str = "text/html") -> Response:
    return HtmlResponse(url, body=body, headers={"Content-Type": content_type},
                        request=Request(url))


def test_decode_meta_charset_and_lying_headers() -> None:
    gbk = GBK_PAGE.encode("gb18030")
    assert "山西新聞網" in decode_body(gbk, "text/html")[0]
    assert "山西新聞網" in decode_body(gbk, "text/html; charset=utf-8")[0]  # header lies
    utf8 = GBK_PAGE.encode("utf-8")
    assert "山西新聞網" in decode_body(utf8, "text/html; charset=gbk")[0]  # header lies
    for bad in (b"", b"   ", bytes(range(256)) * 4):
        with pytest.raises(ExtractionError):
            decode_body(bad, "text/html")


LISTING = """<html><body><ul class="list">
<li><a href="/gsyl/lzyl/12.html">第十二篇</a><span>2022-10-08</span></li>
<li><a href="http://www.shanxidayuan.com/gsyl/lzyl/11.html#c">十一</a> <em>2021年3月4日</em></li>
<li><a href="/gsyl/lzyl/12.html">重复</a><span>2022-10-08</span></li>
<li><a href="/about.html">关于</a></li></ul>
<div class="pages"><a href="/gsyl/lzyl/">1</a><a href="/gsyl/lzyl/list_2.html">2</a>
<a href="/gsyl/lzyl/list_3.html">3</a><a href="/gsyl/changzhi/">长治</a></div></body></html>"""


def test_listing_articles_dates_and_numbered_next() -> None:
    page = ListingPage(response("http://www.shanxidayuan.com/gsyl/lzyl/", LISTING.encode()),
                       SITE_LAYOUTS["shanxidayuan"])
    listed = page.articles()
    assert [a.url.rsplit("/", 1)[1] for a in listed] == ["12.html", "11.html"]
    assert [a.date for a in listed] == [dt.date(2022, 10, 8), dt.date(2021, 3, 4)]
    assert page.next_page() == "http://www.shanxidayuan.com/gsyl/lzyl/list_2.html"
    assert "http://www.shanxidayuan.com/gsyl/changzhi/" in page.listings()


def test_listing_next_label_wins_and_query_pages() -> None:
    html = ('<a href="/html/xw/dzyw/?page=1">1</a><a href="/html/xw/dzyw/?page=3">3</a>'
            '<a href="/html/xw/dzyw/?page=3">下一页</a>').encode()
    page = ListingPage(response("http://fissico.com/html/xw/dzyw/?page=2", html),
                       SITE_LAYOUTS["fissico"])
    assert page.current_page() == 2
    assert page.next_page() == "http://fissico.com/html/xw/dzyw/?page=3"
    last = ListingPage(response("http://fissico.com/html/xw/dzyw/?page=3", b"<p>end</p>"),
                       SITE_LAYOUTS["fissico"])
    assert last.next_page() is None


SENTENCE = "会议强调,要完整准确全面贯彻落实党中央决策部署,认真学习进一步优化防控工作的措施。"
BODY = "".join(f"<p>第{i}段。{SENTENCE}</p>" for i in range(6))


def test_article_site_layout_and_fallback() -> None:
    url = "http://www.shanxidayuan.com/gsyl/lzyl/10077.html"
    known = (f"<html><body><h1>标题</h1>{BODY}<p>本文地址:{url}</p></body></html>").encode()
    item, fallback = ArticlePage(response(url, known), SITE_LAYOUTS["shanxidayuan"]).item("t")
    assert not fallback and item["text"].startswith("标题\n\n第0段")
    assert item["id"] == "c5a4afa458117125" and item["site"] == "shanxidayuan"
    redesigned = (f"<html><head><title>新标题</title></head><body><nav>首页 新闻</nav>"
                  f"<article><h1>新标题</h1>{BODY}</article></body></html>").encode()
    item, fallback = ArticlePage(response(url, redesigned), SITE_LAYOUTS["shanxidayuan"]).item("t")
    assert fallback and item["text"].startswith("新标题\n\n第0段") and "首页" not in item["text"]
    with pytest.raises(ExtractionError, match="no_article_found"):
        ArticlePage(response(url, b"<html><body><p>short</p></body></html>"),
                    SITE_LAYOUTS["shanxidayuan"]).item("t")
