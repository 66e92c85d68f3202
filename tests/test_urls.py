from __future__ import annotations

import pytest

from crawler.urls import canonical_url, record_id, refuse_reason, site_for_url


@pytest.mark.parametrize(("raw", "canonical"), [
    ("HTTP://WWW.ShanxiDayuan.com:80/gsyl/lzyl/10077.html#c", "http://www.shanxidayuan.com/gsyl/lzyl/10077.html"),
    ("https://fissico.com/html/xw/dzyw/58159.html?utm_source=wx&from=timeline", "http://fissico.com/html/xw/dzyw/58159.html"),
    ("http://www.sxrb.com/sxxww/xwpd/shxw/index.shtml", "http://www.sxrb.com/sxxww/xwpd/shxw"),
    ("http://www.sxrb.com/sxxww/xwpd/shxw/", "http://www.sxrb.com/sxxww/xwpd/shxw"),
    ("http://www.sxrb.com/list?page=2&b=1", "http://www.sxrb.com/list?b=1&page=2"),
    ("http://example.org:8080/a/", "http://example.org:8080/a"),
])
def test_canonical_url(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


def test_record_id_is_hash_of_canonical_url() -> None:
    a = record_id("http://www.shanxidayuan.com/gsyl/lzyl/10077.html")
    assert a == record_id("HTTP://www.shanxidayuan.com/gsyl/lzyl/10077.html#x")
    assert len(a) == 16 and int(a, 16) >= 0


@pytest.mark.parametrize("url", [
    "ftp://fissico.com/x", "file:///etc/passwd", "http://127.0.0.1/", "http://[::1]/",
    "http://10.0.0.1/a", "http://evil.example/", "http://user:pw@fissico.com/",
    "http://fissico.com:8080/", "http://sxrb.com.evil.example/", "javascript:alert(1)",
])
def test_refused(url: str) -> None:
    assert refuse_reason(url) is not None


@pytest.mark.parametrize(("url", "site"), [
    ("http://www.shanxidayuan.com/gsyl/changzhi/389.html", "shanxidayuan"),
    ("https://fissico.com/html/xw/dzyw/58159.html", "fissico"),
    ("http://news.sxrb.com/sxxww/xwpd/ty/7950856.shtml", "sxnews"),
])
def test_allowed(url: str, site: str) -> None:
    assert refuse_reason(url) is None
    assert site_for_url(url) == site
