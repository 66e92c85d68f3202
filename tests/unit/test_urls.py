from __future__ import annotations

import hashlib
import re

import pytest

from crawler.sites import site_for_url
from crawler.urls import canonical_url, record_id, refuse_reason


@pytest.mark.parametrize(("raw", "canonical"), [
    ("HTTP://WWW.ShanxiDayuan.com:80/gsyl/lzyl/10077.html#c", "http://www.shanxidayuan.com/gsyl/lzyl/10077.html"),
    ("https://fissico.com/html/xw/dzyw/58159.html?utm_source=wx&from=timeline", "http://fissico.com/html/xw/dzyw/58159.html"),
    ("http://www.sxrb.com/sxxww/xwpd/shxw/index.shtml", "http://www.sxrb.com/sxxww/xwpd/shxw"),
    ("http://www.sxrb.com/sxxww/xwpd/shxw/", "http://www.sxrb.com/sxxww/xwpd/shxw"),
    ("http://www.sxrb.com/list?page=2&b=1", "http://www.sxrb.com/list?b=1&page=2"),
    ("http://example.org:8080/a/", "http://example.org:8080/a"),
    # A Traditional /BIG5/ copy of a Shanxi News page is that page.
    ("http://yc.sxrb.com/BIG5/318641/318818/10054321.html", "http://yc.sxrb.com/GB/318641/318818/10054321.html"),
    ("https://news.sxrb.com/BIG5/314064/index2.html", "http://news.sxrb.com/GB/314064/index2.html"),
    # ... but only on that site.
    ("http://example.org/BIG5/1/2.html", "http://example.org/BIG5/1/2.html"),
])
def test_canonical_url(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


def test_record_id_is_hash_of_canonical_url() -> None:
    a = record_id("http://www.shanxidayuan.com/gsyl/lzyl/10077.html")
    # The same canonical URL, however spelled, gives the same id ...
    for spelling in ("HTTP://www.shanxidayuan.com/gsyl/lzyl/10077.html#x",
                     "https://WWW.SHANXIDAYUAN.COM/gsyl/lzyl/10077.html?utm_source=wx"):
        assert record_id(spelling) == a
    # ... 16 lowercase hex digits: the first of SHA-256 of the canonical URL ...
    assert re.fullmatch(r"[0-9a-f]{16}", a)
    assert a == hashlib.sha256(b"http://www.shanxidayuan.com/gsyl/lzyl/10077.html"
                               ).hexdigest()[:16]
    assert a == "c5a4afa458117125"  # as in tests/unit/test_pages.py: ids stay stable
    # ... and distinct canonical URLs give distinct ids.
    others = ["http://www.shanxidayuan.com/gsyl/lzyl/10078.html",
              "http://www.shanxidayuan.com/gsyl/changzhi/10077.html",
              "http://fissico.com/html/xw/dzyw/58159.html",
              "http://news.sxrb.com/GB/314064/9448045.html"]
    ids = {record_id(u) for u in [*others, "http://www.shanxidayuan.com/gsyl/lzyl/10077.html"]}
    assert len(ids) == len(others) + 1


@pytest.mark.parametrize("url", [
    "ftp://fissico.com/x", "file:///etc/passwd", "http://127.0.0.1/", "http://[::1]/",
    "http://10.0.0.1/a", "http://evil.example/", "http://user:pw@fissico.com/",
    "http://fissico.com:8080/", "http://sxrb.com.evil.example/", "javascript:alert(1)",
    "http://epaper.sxrb.com/html/2024-01/05/content_1.htm",  # the e-paper is another product
])
def test_refused(url: str) -> None:
    assert refuse_reason(url) is not None


@pytest.mark.parametrize(("url", "site"), [
    ("http://www.shanxidayuan.com/gsyl/changzhi/389.html", "shanxidayuan"),
    ("https://fissico.com/html/xw/dzyw/58159.html", "fissico"),
    ("http://news.sxrb.com/sxxww/xwpd/ty/7950856.shtml", "sxnews"),
    ("http://xz.sxrb.com/GB/318641/9448045.html", "sxnews"),
])
def test_allowed(url: str, site: str) -> None:
    assert refuse_reason(url) is None
    found = site_for_url(url)
    assert found is not None and found.name == site
