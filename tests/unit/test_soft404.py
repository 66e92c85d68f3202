"""Soft 404s: error pages served as pages, and redirects away from an article.

Unit tests on the rules and the learned fingerprint (crawler.extract.soft404,
crawler.state.errorpages), the page kinds a redirect can land on
(Site.page_kind), and no false ``gone`` on any article page this repository
holds; the re-fetch and the id walk against the replica's faults, and the
replica's articles read as articles, are in tests/integration/test_soft404_replica.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from crawler.extract.article import extract
from crawler.extract.decode import ExtractionError, decode_page
from crawler.extract.dom import load
from crawler.extract.soft404 import ERROR_MAX_PROSE, ErrorPage, _outside_chrome, page_fingerprint
from crawler.sites import site_named
from crawler.state.errorpages import ErrorPages, probe_url
from replica import errors

DRIFT = sorted((FIXTURES / "drift").glob("*/*.html"))
REAL_PAGES = ROOT / ".cache" / "real-pages"
NAV = {"http://fissico.com/html/xw/dzyw/": "本地要闻", "http://fissico.com/html/ly/": "旅游"}
URL = "http://fissico.com/html/xw/dzyw/58159.html"

RULED = [style for style in errors.STYLES if style != "site_quiet"]


@pytest.mark.parametrize("style", RULED)
def test_every_cms_style_of_error_page_is_gone(style: str) -> None:
    html = errors.error_page(style, "fissico", NAV)
    with pytest.raises(ErrorPage) as raised:
        extract(html, URL)
    assert raised.value.reason == "soft_404"


def test_which_signal_caught_it() -> None:
    how = {}
    for style in RULED:
        with pytest.raises(ErrorPage) as raised:
            extract(errors.error_page(style, "fissico", NAV), URL)
        how[style] = raised.value.how
    assert how["phpcms"] == "title" and how["empirecms"] == "title"
    assert how["dedecms"] == how["dedecms_big5"] == "title"  # 系统提示 / 系統提示
    assert how["site"] == "title"  # 页面不存在_<site>
    assert how["iis"] == "title"


def test_phrases_alone_catch_a_page_whose_title_is_the_sites_name() -> None:
    """No error title at all (the site's name only): the message decides."""
    for style, family in (("dedecms", "phrase:dedecms"), ("phpcms", "phrase:phpcms"),
                          ("empirecms", "phrase:empirecms"), ("site", "phrase:generic"),
                          ("iis", "phrase:server")):
        html = errors.error_page(style, "fissico", NAV)
        html = re.sub(r"<title>.*?</title>", "<title>康巴傳媒網</title>", html)
        html = html.replace("<h2>", "<p>").replace("</h2>", "</p>")
        html = html.replace("<h5>提示信息</h5>", "").replace(">信息提示<", "><")
        html = html.replace(">系统提示<", "><").replace("DedeCMS提示信息", "")
        with pytest.raises(ErrorPage) as raised:
            extract(html, URL)
        assert raised.value.how == family, style


def test_a_quiet_error_page_is_only_caught_once_learnt(tmp_path: Path) -> None:
    """The site's own error page that names no error ("走丢了"): the rules see
    a page; the fingerprint of what a missing URL answered tells."""
    html = errors.error_page("site_quiet", "fissico", NAV)
    with pytest.raises(ExtractionError) as raised:
        extract(html, URL)
    assert not isinstance(raised.value, ErrorPage)  # no article, but not known as gone
    store = ErrorPages(tmp_path)
    page = load(html, "fissico")
    assert page is not None
    store.learn("fissico", probe_url(site_named("fissico")), 200, page_fingerprint(page))
    again = ErrorPages(tmp_path)  # kept in the state: a later run knows it
    with pytest.raises(ErrorPage) as learnt:
        extract(html.replace("58159", "60001"), URL, error_pages=again.learned("fissico"))
    assert learnt.value.how == "learned"


def test_the_fingerprint_ignores_what_one_error_page_echoes_back() -> None:
    base = errors.error_page("site_quiet", "fissico", NAV)
    one = load(base.replace("看看别的吧", "看看别的吧 /html/xw/dzyw/58159.html 12:03"), "fissico")
    two = load(base.replace("看看别的吧", "看看别的吧 /html/xw/dzyw/60001.html 12:04"), "fissico")
    assert one is not None and two is not None
    assert page_fingerprint(one) == page_fingerprint(two)


def test_error_pages_store_keeps_the_latest_few_and_survives_a_bad_file(tmp_path: Path) -> None:
    store = ErrorPages(tmp_path)
    for n in range(6):
        store.learn("sxnews", "http://news.sxrb.com/GB/1/987654321.html", 200, f"f{n}")
    assert ErrorPages(tmp_path).learned("sxnews") == {"f5", "f4", "f3", "f2"}
    store.learn("sxnews", "http://news.sxrb.com/GB/1/987654321.html", 404, None)
    assert ErrorPages(tmp_path).learned("sxnews") == {"f5", "f4", "f3", "f2"}
    (tmp_path / "fissico.json").write_text("{not json")
    assert ErrorPages(tmp_path).learned("fissico") == frozenset()
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize(("url", "kind"), [
    ("http://fissico.com/", "home"),
    ("http://fissico.com/index.html", "home"),
    ("http://news.sxrb.com/GB/index.html", "home"),
    ("http://www.shanxidayuan.com/", "home"),
    ("http://fissico.com/html/xw/dzyw/", "listing"),
    ("http://fissico.com/html/xw/dzyw/list_11_2.html", "listing"),
    ("http://news.sxrb.com/GB/314064/index.html", "listing"),
    ("http://www.shanxidayuan.com/gsyl/lzyl/", "listing"),
    ("http://fissico.com/plus/search.php?q=58159", "search"),
    ("http://news.sxrb.com/search/?keyword=a", "search"),
    ("http://fissico.com/404.html", "error"),
    ("http://fissico.com/html/xw/dzyw/58159.html", "article"),
    ("http://fissico.com/about/contact.html", "other"),
])
def test_page_kinds_a_redirect_can_land_on(url: str, kind: str) -> None:
    site = site_named(url.split("/")[2].split(".")[-2] if "sxrb" not in url else "sxnews")
    assert site.page_kind(url) == kind


def _pages() -> list[Path]:
    real = sorted(REAL_PAGES.rglob("*.htm*")) if REAL_PAGES.is_dir() else []
    return DRIFT + real


def test_no_article_page_is_taken_for_an_error_page() -> None:
    """Every article page held here (the drift corpus of 12 CMS families, and
    the real saved pages when bench/fetch_real_pages.sh filled the cache)."""
    judged = 0
    for path in _pages():
        try:
            extract(path.read_bytes(), URL)
        except ErrorPage as exc:
            pytest.fail(f"{path}: an article taken for an error page ({exc.how})")
        except ExtractionError:
            pass
        judged += 1
    assert judged >= len(DRIFT) >= 60


def test_the_prose_limit_lies_between_error_pages_and_articles() -> None:
    """ERROR_MAX_PROSE, measured: every error page style holds well under it,
    every article page of the drift corpus over it."""
    for style in errors.STYLES:
        page = load(errors.error_page(style, "fissico", NAV), "fissico")
        assert page is not None
        assert sum(page.prose[n] for n in _outside_chrome(page)) <= ERROR_MAX_PROSE * 0.7
    least = min(_prose(path) for path in DRIFT)
    assert least > ERROR_MAX_PROSE, least


def _prose(path: Path) -> float:
    page = load(decode_page(path.read_bytes()).text)
    assert page is not None
    return sum(page.prose[n] for n in _outside_chrome(page))
