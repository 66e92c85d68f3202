from __future__ import annotations

import datetime as dt

import pytest
from scrapy.http import HtmlResponse, Request, Response

from crawler.extract.decode import decode_body
from crawler.extract.pages import ArticlePage, ExtractionError, ListingPage
from crawler.sites import SITES

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
                       SITES["shanxidayuan"])
    listed = page.articles()
    assert [a.url.rsplit("/", 1)[1] for a in listed] == ["12.html", "11.html"]
    assert [a.date for a in listed] == [dt.date(2022, 10, 8), dt.date(2021, 3, 4)]
    assert page.next_page() == "http://www.shanxidayuan.com/gsyl/lzyl/list_2.html"
    assert "http://www.shanxidayuan.com/gsyl/changzhi/" in page.listings()


def test_listing_next_label_wins_and_query_pages() -> None:
    html = ('<a href="/html/xw/dzyw/?page=1">1</a><a href="/html/xw/dzyw/?page=3">3</a>'
            '<a href="/html/xw/dzyw/?page=3">下一页</a>').encode()
    page = ListingPage(response("http://fissico.com/html/xw/dzyw/?page=2", html),
                       SITES["fissico"])
    assert page.current_page() == 2
    assert page.next_page() == "http://fissico.com/html/xw/dzyw/?page=3"
    last = ListingPage(response("http://fissico.com/html/xw/dzyw/?page=3", b"<p>end</p>"),
                       SITES["fissico"])
    assert last.next_page() is None


SENTENCE = "会议强调,要完整准确全面贯彻落实党中央决策部署,认真学习进一步优化防控工作的措施。"
BODY = "".join(f"<p>第{i}段。{SENTENCE}</p>" for i in range(6))


def test_article_page_gives_the_whole_record() -> None:
    url = "http://www.shanxidayuan.com/gsyl/lzyl/10077.html"
    html = (f"<html><head><title>新标题_太原_山西大院资讯网</title></head><body>"
            f"<nav>首页 太原 大同</nav><h1>山西大院资讯网</h1><article><h2>新标题</h2>"
            f"<div class='info'>作者:网络编辑 2022-10-08 10:10:06</div>{BODY}</article>"
            f"<p>本文地址:{url}</p></body></html>").encode()
    page = ArticlePage.from_response(response(url, html), SITES["shanxidayuan"])
    record = page.record()
    assert list(record) == ["id", "url", "site", "title", "subtitle", "published_at", "author",
                            "editor", "source", "region", "category", "tags", "text",
                            "date_source"]
    assert record["id"] == "c5a4afa458117125" and record["site"] == "shanxidayuan"
    assert record["date_source"] == "printed"
    assert record["title"] == "新标题" and record["author"] == "网络编辑"
    assert record["published_at"] == "2022-10-08T10:10:06+08:00"
    assert record["text"].startswith("新标题\n\n第0段") and "首页" not in record["text"]
    assert "本文地址" not in record["text"]


def test_article_page_without_an_article_raises() -> None:
    url = "http://www.shanxidayuan.com/gsyl/lzyl/10077.html"
    for body in (b"<html><body><p>short</p></body></html>", b"", b"\x00\x01" * 100):
        with pytest.raises(ExtractionError):
            ArticlePage.from_response(response(url, body), SITES["shanxidayuan"]).record()


def test_listing_collapses_big5_copies_and_reads_gb_pagination() -> None:
    url = "http://news.sxrb.com/GB/314064/index.html"
    html = ("<div class='mod_bd'><ul>"
            "<li><h3><a href='/GB/314064/10012345.html'>甲</a></h3><p>摘要</p>"
            "<div class='tail'>2024年05月06日 08:30</div></li>"
            "<li><h3><a href='/BIG5/314064/10012345.html'>甲(繁)</a></h3></li>"
            "<li><h3><a href='http://xz.sxrb.com/GB/318641/10012346.html'>乙</a></h3></li>"
            "</ul></div><a href='index2.html'>下一页</a>"
            "<a href='/BIG5/314065/index.html'>國際</a>").encode()
    page = ListingPage(response(url, html), SITES["sxnews"])
    assert [a.url for a in page.articles()] == [
        "http://news.sxrb.com/GB/314064/10012345.html",
        "http://xz.sxrb.com/GB/318641/10012346.html"]
    assert page.articles()[0].date == dt.date(2024, 5, 6)
    assert page.next_page() == "http://news.sxrb.com/GB/314064/index2.html"
    assert page.listings() == ["http://news.sxrb.com/GB/314065/index.html"]
    second = ListingPage(response("http://news.sxrb.com/GB/314064/index2.html", b"<p>x</p>"),
                         SITES["sxnews"])
    assert second.current_page() == 2
