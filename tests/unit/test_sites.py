"""The site descriptions: URL schemes from SITES.md, columns, id walks."""

from __future__ import annotations

from typing import get_args

import pytest

from crawler.records import SiteName
from crawler.report.stats import SITE_ORDER
from crawler.sites import SITE_NAMES, SITES, in_column, site_for_url
from crawler.urls import canonical_url

ARTICLES = [
    ("http://www.shanxidayuan.com/gsyl/lzyl/10077.html", "shanxidayuan", "lzyl", "10077"),
    ("http://fissico.com/html/xw/dzyw/58159.html", "fissico", "xw/dzyw", "58159"),
    ("http://fissico.com/html/ly/kbmj/61537.html", "fissico", "ly/kbmj", "61537"),
    ("http://www.fissico.com/html/zx/lyzx/88456.html", "fissico", "zx/lyzx", "88456"),
    ("http://news.sxrb.com/GB/314064/9448045.html", "sxnews", "314064", "9448045"),
    ("http://special.sxrb.com/GB/318641/318818/318882/9448045.html", "sxnews",
     "318641/318818/318882", "9448045"),
    ("http://yc.sxrb.com/BIG5/318641/10054321.html", "sxnews", "318641", "10054321"),
    ("http://www.sxrb.com/sxxww/dspd/ycpd/ycxw/7392687.shtml", "sxnews", "dspd/ycpd/ycxw",
     "7392687"),
    ("http://sz.sxrb.com/sxxww/dspd/szpd/bwch/7400001.shtml", "sxnews", "dspd/szpd/bwch",
     "7400001"),
]
LISTINGS = [
    ("http://www.shanxidayuan.com/gsyl/lzyl/", "shanxidayuan", "lzyl", None),
    ("http://www.shanxidayuan.com/gsyl/lzyl/list_3.html", "shanxidayuan", "lzyl", "3"),
    ("http://fissico.com/html/ly/kbmj/", "fissico", "ly/kbmj", None),
    ("http://fissico.com/html/ly/kbmj/list_12_4.html", "fissico", "ly/kbmj", "4"),
    ("http://fissico.com/html/xw/", "fissico", "xw", None),
    ("http://news.sxrb.com/GB/314064/index.html", "sxnews", "314064", ""),
    ("http://news.sxrb.com/GB/314064/index2.html", "sxnews", "314064", "2"),
    ("http://xz.sxrb.com/GB/318641/318818/index13.html", "sxnews", "318641/318818", "13"),
    ("http://www.sxrb.com/sxxww/xwpd/shxw/index_2.shtml", "sxnews", "xwpd/shxw", "2"),
    ("http://sz.sxrb.com/sxxww/dspd/szpd/bwch/", "sxnews", "dspd/szpd/bwch", None),
]


@pytest.mark.parametrize(("url", "name", "column", "number"), ARTICLES)
def test_article_schemes(url: str, name: str, column: str, number: str) -> None:
    site = site_for_url(url)
    assert site is not None and site.name == name
    m = site.article_match(url)
    assert m is not None and (m["column"], m["id"]) == (column, number)
    assert site.listing_match(url) is None


@pytest.mark.parametrize(("url", "name", "column", "page"), LISTINGS)
def test_listing_schemes(url: str, name: str, column: str, page: str | None) -> None:
    site = SITES[name]
    m = site.listing_match(url)
    assert m is not None and m["column"] == column and m["page"] == page
    assert not site.is_article(url)


def test_big5_copy_is_its_gb_page() -> None:
    assert canonical_url("http://yc.sxrb.com/BIG5/318641/10054321.html") == \
        "http://yc.sxrb.com/GB/318641/10054321.html"


def test_not_articles() -> None:
    for url in ("http://epaper.sxrb.com/GB/314064/9448045.html",  # the e-paper
                "http://fissico.com/html/xw/dzyw/58159.htm.bak",
                "http://www.shanxidayuan.com/plus/view.php?aid=1"):
        site = site_for_url(url)
        assert site is None or not site.is_article(url)


def test_columns_and_walk_urls() -> None:
    sxnews, fissico = SITES["sxnews"], SITES["fissico"]
    assert sxnews.article_for("314064", 9448045) == "http://news.sxrb.com/GB/314064/9448045.html"
    assert sxnews.article_for("xwpd/shxw", 7950856) == \
        "http://www.sxrb.com/sxxww/xwpd/shxw/7950856.shtml"
    assert fissico.listing_for("ly/kbmj") == "http://fissico.com/html/ly/kbmj/"
    assert fissico.shared_ids and sxnews.shared_ids and not SITES["shanxidayuan"].shared_ids
    assert fissico.column_problem("xw/dzyw") is None
    assert "not a column of fissico" in (fissico.column_problem("1/2") or "")
    assert in_column("318641/318818", ("318641",)) and not in_column("3186410", ("318641",))
    # Every listed column is of its site's forms.
    for site in SITES.values():
        assert all(site.column_problem(c) is None for c in site.columns), site.name


def test_every_list_of_the_sites_is_the_registry_in_the_readme_order() -> None:
    """``crawler.sites`` is the one list; a ``Literal`` (the record schema's
    ``SiteName``) cannot be derived from it at run time, so it is checked here."""
    assert SITE_NAMES == ("shanxidayuan", "fissico", "sxnews")  # README.md's order
    assert get_args(SiteName) == SITE_NAMES
    assert SITE_ORDER == SITE_NAMES
