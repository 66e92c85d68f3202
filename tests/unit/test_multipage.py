"""Articles split over several pages (issue 29), offline: which links are an
article's own pages, the order they are read in, the one record they make, and
the replica's multi-page articles joined to their truth by the page objects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extract.pages import (
    ArticlePage,
    PagedArticle,
    article_of_page,
    is_article_page,
    joined_text,
)
from crawler.sites import SITES

PARA = ("县委书记王建海主持召开专题会议,研究部署今年乡村振兴重点工作,要求各乡镇压实责任、"
        "细化措施,确保各项任务按期完成。会议指出,要坚持问题导向,补齐基础设施短板。")


def dede_page(n: int, pages: int, paragraphs: int = 3) -> str:
    """A DedeCMS article page with its {dede:pagelist/} pager (relative links)."""
    def li(label: str, k: int) -> str:
        href = "58159.html" if k == 1 else f"58159_{k}.html"
        return f"<li><a href='{href if 1 <= k <= pages and k != n else '#'}'>{label}</a></li>"

    pager = "".join([f"<li><a>共{pages}页: </a></li>", li("上一页", n - 1),
                     *(li(str(k), k) for k in range(1, pages + 1)), li("下一页", n + 1)])
    body = "".join(f"<p>\u3000\u3000第{n}页第{i}段。{PARA}</p>" for i in range(paragraphs))
    return f"""<html><head><title>县里开会部署乡村振兴_康巴传媒网</title></head><body>
<div class="position">您所在的位置:康巴传媒网 &gt;&gt; 新闻 &gt;&gt; 党政要闻 &gt;&gt; 浏览文章\
</div>
<div class="article"><h1>县里开会部署乡村振兴</h1>
<div class="info">甘孜日报&nbsp;&nbsp;&nbsp;&nbsp;2020年01月29日</div>
<div class="content">{body}<div class="dede_pages"><ul class="pagelist">{pager}</ul></div></div>
</div><ul class="prenext"><li>上一篇:<a href="/html/xw/dzyw/58158.html">前一篇</a></li>
<li>下一篇:<a href="/html/xw/dzyw/58160_2.html">后一篇</a></li></ul>
<a href="http://kbcmw.com/html/xw/dzyw/58159_3.html">镜像</a>
<a href="/html/xw/jjgz/58159_4.html">别的栏目</a></body></html>"""


def page(n: int, pages: int, **kw: int) -> ArticlePage:
    url = "http://fissico.com/html/xw/dzyw/58159.html" if n == 1 else \
        f"http://fissico.com/html/xw/dzyw/58159_{n}.html"
    return ArticlePage(dede_page(n, pages, **kw).encode(), url, SITES["fissico"],
                       "text/html; charset=utf-8")


def test_page_urls_name_their_article() -> None:
    assert article_of_page("http://fissico.com/html/xw/dzyw/58159_2.html") == (
        "http://fissico.com/html/xw/dzyw/58159.html", 2)
    assert article_of_page("http://news.sxrb.com/GB/314064/9448045-3.html") == (
        "http://news.sxrb.com/GB/314064/9448045.html", 3)
    for other in ("http://fissico.com/html/xw/dzyw/58159.html",
                  "http://fissico.com/html/xw/dzyw/58159_1.html",
                  "http://fissico.com/html/xw/dzyw/list_11_2.html",
                  "http://news.sxrb.com/GB/314064/index2.html"):
        assert article_of_page(other) is None, other
    assert is_article_page(SITES["fissico"], "http://fissico.com/html/xw/dzyw/58159_2.html")
    assert not is_article_page(SITES["fissico"], "http://fissico.com/html/xw/58159_2.html")
    # A later page is never an article of its own: no listing, id walk or parse
    # routes it to a record.
    for site, url in (("fissico", "http://fissico.com/html/xw/dzyw/58159_2.html"),
                      ("sxnews", "http://news.sxrb.com/GB/314064/9448045-2.html"),
                      ("sxnews", "http://news.sxrb.com/GB/314064/9448045_2.html")):
        assert not SITES[site].is_article(url), url


def test_pager_links_are_the_articles_own_pages_only() -> None:
    links = page(1, 3).page_links()
    # Not the next article's page 2, not a mirror host's, not another column's.
    assert links == {2: "http://fissico.com/html/xw/dzyw/58159_2.html",
                     3: "http://fissico.com/html/xw/dzyw/58159_3.html"}
    assert page(2, 3).page_links() == {3: "http://fissico.com/html/xw/dzyw/58159_3.html"}
    assert ArticlePage(b"<p>no pager</p>", "http://fissico.com/html/xw/dzyw/58159.html",
                       SITES["fissico"]).page_links() == {}


def test_page_split_zone_of_the_peoples_daily_cms() -> None:
    zone = ('<div class="zdfy clearfix"><span>【1】</span><a href="/GB/314064/9448045-2.html">【2】'
            '</a><a href="/BIG5/314064/9448045-3.html">【3】</a><a href="9448045-2.html">下一页</a>'
            '</div><a href="/GB/314064/9448046-2.html">下一篇</a>')
    got = ArticlePage(zone.encode("gb18030"), "http://news.sxrb.com/GB/314064/9448045.html",
                      SITES["sxnews"]).page_links()
    # A Traditional copy's link names its GB page.
    assert got == {2: "http://news.sxrb.com/GB/314064/9448045-2.html",
                   3: "http://news.sxrb.com/GB/314064/9448045-3.html"}
    empty = '<div class="zdfy clearfix"><span class="page-split"></span></div>'
    assert ArticlePage(empty.encode(), "http://news.sxrb.com/GB/314064/9448045.html",
                       SITES["sxnews"]).page_links() == {}


def read_all(first: ArticlePage, pages: dict[int, ArticlePage], max_pages: int = 20
             ) -> PagedArticle:
    paged = PagedArticle.start(first, first.record())
    assert paged is not None
    while (following := paged.next_page(max_pages)) is not None:
        number, url = following
        assert url == pages[number].url
        # Through JSON, as request meta through Redis would carry it.
        paged = PagedArticle.from_meta(json.loads(json.dumps(paged.to_meta())))
        paged.add(number, pages[number])
    return paged


def test_one_record_from_every_page_in_order() -> None:
    pages = {n: page(n, 3) for n in (2, 3)}
    paged = read_all(page(1, 3), pages)
    record = paged.joined()
    assert record["url"] == "http://fissico.com/html/xw/dzyw/58159.html"
    assert record["title"] == "县里开会部署乡村振兴" and record["published_at"] == "2020-01-29"
    paras = record["text"].split("\n\n")
    assert paras[0] == "县里开会部署乡村振兴"
    assert [p[:5] for p in paras[1:]] == [f"第{n}页第{i}" for n in (1, 2, 3) for i in range(3)]
    # No pager line, no repeated headline or info line from a later page.
    assert not any("页:" in p or "下一页" in p or p == "甘孜日报 2020年01月29日" for p in paras)
    assert paras.count("县里开会部署乡村振兴") == 1
    assert (paged.pages, paged.capped, paged.headline_only) == (3, False, False)


def test_a_pager_showing_a_window_is_followed_to_its_end() -> None:
    # Page 1 names only page 2, page 2 names 3: read in order all the same.
    first = page(1, 2)
    pages = {2: page(2, 3), 3: page(3, 3)}
    assert read_all(first, pages).pages == 3


def test_pages_beyond_the_bound_are_left_and_counted() -> None:
    pages = {n: page(n, 5) for n in range(2, 6)}
    paged = read_all(page(1, 5), pages, max_pages=3)
    assert (paged.pages, paged.capped) == (3, True)
    assert "第4页" not in paged.joined()["text"] and "第3页" in paged.joined()["text"]


def test_joined_text() -> None:
    assert joined_text("标题", [["甲"], [], ["乙", "丙"]]) == "标题\n\n甲\n\n乙\n\n丙"
    assert joined_text("标题", []) == "标题"


@pytest.mark.parametrize("site", ["fissico", "sxnews"])
def test_the_replicas_multipage_articles_join_to_their_truth(site: str) -> None:
    """Every multi-page article and gallery of a replica, read page by page
    through the page objects, is its truth record (the crawl does the same)."""
    from replica import generator, pages
    from replica.model import SiteModel

    model = SiteModel(site, 450)
    checked = galleries = 0
    for i in range(model.total):
        article = model.article(model.ref(i))
        count = generator.page_count(article)
        if count == 1:
            continue

        def served(n: int, a: object = article) -> ArticlePage:
            return ArticlePage(pages.encode_page(site, pages.article_html(a, page=n)),
                               generator.page_url(a, n), SITES[site],
                               pages.article_content_type(a))

        paged = read_all(served(1), {n: served(n) for n in range(2, count + 1)})
        record = paged.joined()
        assert {k: record[k] for k in article.record} == article.record, article.url
        assert paged.pages == count
        checked += 1
        galleries += paged.headline_only
    assert checked >= 15
    if site == "sxnews":
        assert galleries >= 3


def test_reextract_joins_an_articles_archived_pages(tmp_path: Path) -> None:
    """The archive holds each page as fetched; re-extraction makes the crawl's
    one record of them (the later pages are no records of their own), and none
    for an article whose later page the archive lacks (the crawl made none)."""
    from crawler.archive.reextract import extract_task, plan
    from crawler.archive.warc import ArchiveWriter, Capture

    def capture(n: int, pages: int, num: int = 58159) -> Capture:
        url = f"http://fissico.com/html/xw/dzyw/{num}" + (f"_{n}" if n > 1 else "") + ".html"
        body = dede_page(n, pages).replace("58159", str(num)).encode()
        return Capture(url=url, status=200, body=body, request_headers=[],
                       headers=[("Content-Type", "text/html; charset=utf-8")],
                       listed_date="2020-01-29" if n == 1 else None)

    writer = ArchiveWriter(tmp_path, 1 << 30)
    for n in (1, 2, 3):
        writer.write("fissico", capture(n, 3))
    writer.write("fissico", capture(1, 2, num=58170))  # its page 2 never archived
    writer.write("fissico", capture(2, 2, num=58180))  # a page without its first
    writer.close()
    found = plan(sorted(tmp_path.rglob("*.warc.gz")), max_pages=20)
    assert [t.uri.rsplit("/", 1)[1] for t in found.tasks] == ["58159.html", "58170.html"]
    assert found.orphan_pages == 1
    whole, holed = map(extract_task, found.tasks)
    want = read_all(page(1, 3), {n: page(n, 3) for n in (2, 3)}).joined()
    assert whole.record is not None
    assert {k: whole.record[k] for k in want} == want
    assert (holed.record, holed.dropped) == (None, "page_not_archived")
