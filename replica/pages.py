"""HTML of the replica's pages: articles (two or three variants per site),
listings, home pages and robots.txt. Chrome text comes from ``templates``."""

from __future__ import annotations

from html import escape
from typing import Any

from crawler.replica import templates as T
from crawler.replica.generator import EMAIL_MARK, Article, cf_encode
from crawler.replica.model import SPECS, Ref, SiteModel
from crawler.replica.phrases import SXDY_FOOTER_EMAIL

ROBOTS = {
    "shanxidayuan": "User-agent: *\nDisallow: /plus/\nDisallow: /search.php\nDisallow: /member/\n",
    "fissico": "User-agent: *\nDisallow: /plus/\nDisallow: /e/search/\n",
    "sxnews": "User-agent: *\nDisallow: /search/\nDisallow: /cgi-bin/\n",
}
SITE_TITLES = {"shanxidayuan": "山西大院资讯网", "fissico": "康巴傳媒網", "sxnews": "山西新闻网"}


def e(text: str) -> str:
    return escape(text, quote=False)


def _cf_link(email: str, key: int) -> str:
    return (f'<a href="/cdn-cgi/l/email-protection" class="__cf_email__" '
            f'data-cfemail="{cf_encode(email, key)}">[email&#160;protected]</a>')


def _para_html(text: str, email: str | None, key: int) -> str:
    html = e(text)
    if email and EMAIL_MARK in text:
        html = html.replace(e(EMAIL_MARK), _cf_link(email, key))
    return html


def _doc(title: str, body: str, charset: str = "utf-8", meta_http_equiv: bool = False) -> str:
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            if meta_http_equiv else f'<meta charset="{charset}">')
    return (f"<!DOCTYPE html>\n<html><head>{meta}\n<title>{e(title)}</title>\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<link rel="stylesheet" href="/static/css/style.css">\n'
            "<script>var _hmt = _hmt || [];</script>\n</head>\n<body>\n"
            f"{body}\n</body></html>\n")


# --- shanxidayuan ---------------------------------------------------------------------


def shanxidayuan_article(a: Article) -> str:
    s, v = a.served, a.variant
    key = 0x20 + a.num % 0x5F
    if v == 1:  # <br>-separated paragraphs in one text block, a script ad inside
        paras = "<br>\n".join("\u3000\u3000" + _para_html(p, s["email"], key)
                              for p in s["paragraphs"])
        content = (f'<div class="art-body"><div class="text">{paras}\n{T.ADS[0]}</div></div>')
    else:  # <p> paragraphs; variant 2 puts a 广告 block between them
        ps = [f"<p>\u3000\u3000{_para_html(p, s['email'], key)}</p>" for p in s["paragraphs"]]
        if v == 2 and len(ps) > 2:
            ps.insert(2, T.ADS[2])
        content = f'<div class="content" id="article-content">{"".join(ps)}</div>'
    tags = "&nbsp;".join(f'<a href="/tags.php?/{e(t)}/">{e(t)}</a>' for t in s["tags"])
    meta_cls = ("info", "article-meta", "info")[v]
    title_tag = ('<h1 class="title">{}</h1>', '<div class="art-title"><h2>{}</h2></div>',
                 '<h1>{}</h1>')[v].format(e(s["title"]))
    qr = f'<div class="qrcode"><img src="/qr.png"><p>{T.SXDY_QR}</p></div>' if s["qr"] else ""
    footer_mail = (f'<p>E-mail: {_cf_link(SXDY_FOOTER_EMAIL, 0x5A)}</p>'
                   if s["footer_email"] else "")
    cr = T.SXDY_COPYRIGHT
    body = f"""<div class="header"><div class="logo"><a href="/">{e(s["header"])}</a></div>
<ul class="nav" style="display:none"><li><a href="/gsyl/lzyl/">太原</a></li></ul></div>
<div class="banner">&nbsp;</div>
<div class="sidebar-ad">&nbsp;</div>
<div class="views"><span id="hits">0</span></div>
<div class="spacer">&nbsp;</div>
<div class="{("main", "article-wrap", "container")[v]}">
{title_tag}
<div class="{meta_cls}"><span class="author">{e(s["author"])}</span> \
<span class="region">{e(s["region"])}</span> <span class="time">{s["datetime"]}</span> \
<span class="comment-count">{s["comments"]}</span> <span class="tags">{tags}</span></div>
{content}
{qr}
</div>
<div class="spacer">&nbsp;</div>
<div class="digg"><span class="digg-num">0</span></div>
<div class="spacer">&nbsp;</div>
<div class="copyright"><h3>{cr[0]}</h3><p>{cr[1]}<br>{cr[2]}<br>\
本文地址:<a href="{a.url}">{a.url}</a></p></div>
<div class="comment-box"><h3>{T.SXDY_COMMENTS[0]}<span id="comment-total"></span>\
{T.SXDY_COMMENTS[1]}</h3>
<form action="/plus/feedback.php" method="post"><textarea name="msg"></textarea>
<div class="vcode">&nbsp;&nbsp;&nbsp;<br>{T.SXDY_COMMENTS[2]}<input type="text" name="validate">\
<img src="/include/vdimg.php"></div>
<button type="submit">发表评论</button></form></div>
<div class="about"><h3>{T.SXDY_ABOUT[0]}</h3><p>{T.SXDY_ABOUT[1]}</p></div>
<div class="spacer">&nbsp;</div>
<div class="footer">{"".join(f"<p>{e(x)}</p>" for x in T.SXDY_FOOTER)}{footer_mail}</div>"""
    return _doc(f"{s['title']}_{s['header']}", body)


# --- fissico ----------------------------------------------------------------------------


def fissico_article(a: Article) -> str:
    s, v, lab = a.served, a.variant, T.FISSICO_LABELS
    hrefs = ["http://fissico.com/", "/html/xw/", f"/html/xw/{a.column}/"]
    crumbs = " &gt;&gt; ".join(f'<a href="{h}">{e(c)}</a>' for h, c in zip(hrefs, s["crumbs"],
                                                                         strict=True))
    if v == 1:
        body_html = "".join(f"<div>{e(p)}</div>" for p in s["paragraphs"])
        content = f'<div id="text" class="newstext">{body_html}{T.ADS[1]}</div>'
    else:
        body_html = "".join(f"<p>{e(p)}</p>" for p in s["paragraphs"])
        content = f'<div class="content"><script>var hits=1;</script>{body_html}</div>'
    links = []
    for label, item in ((lab["prev"], s.get("prev")), (lab["next"], s.get("next"))):
        links.append(f'<li>{label}<a href="{item[1]}">{e(item[0])}</a></li>' if item
                     else f"<li>{label}没有了</li>")
    body = f"""<div class="top"><div class="logo"><a href="/">\
<img src="/images/logo.png" alt="康巴传媒网"></a></div></div>
<div class="{("position", "location")[v]}">{lab["where"]}{crumbs} &gt;&gt; {lab["browse"]}</div>
<div class="{("article", "art_main")[v]}">
<h1>{e(s["title"])}</h1>
<div class="{("info", "time")[v]}">{e(s["source"])}&nbsp;&nbsp;&nbsp;&nbsp;{s["date"]}</div>
{content}
</div>
<ul class="prenext">{"".join(links)}</ul>
<ul class="addr"><li>{lab["addr"]}<a href="{a.url}">{a.url}</a></li></ul>"""
    return _doc(s["title"], body)


# --- sxnews --------------------------------------------------------------------------------


def sxnews_article(a: Article) -> str:
    s, v = a.served, a.variant
    c: dict[str, Any] = T.SXNEWS_MIRROR if s["mirror"] else T.SXNEWS_ORIGINAL
    spam = f'<div class="seo"><p>{e(s["spam"])}</p></div>' if s.get("spam") else ""
    counties = (f'<div class="friendlinks">{e(T.SXNEWS_COUNTIES)}</div>'
                if s["mirror"] else "")
    subs = "".join(f'<p class="art_subtit">{e(x)}</p>' for x in s["subtitles"])
    if v == 1:
        paras = "".join(f"<p>\u3000\u3000{e(p)}</p>" for p in s["paragraphs"])
        body_html = (f'<div class="art_txt"><div class="TRS_Editor">'
                     f'<script src="/js/video.js"></script>{paras}{T.ADS[2]}</div></div>')
    else:
        paras = "<br>\n".join(f"\u3000\u3000{e(p)}" for p in s["paragraphs"])
        body_html = f'<div class="art_txt"><br><br>{paras}</div>'
    crumbs = "&gt;&gt;".join(f'<a href="#">{e(x)}</a>' for x in s["crumbs"])
    rec = c["recommend"]
    recommend = f'<div class="tjyd"><h4>{rec[0]}</h4>' + "".join(
        "<div>" + "<br>".join(e(x) for x in group) + "</div>" for group in rec[1:]) + "</div>"
    st = c["statement"]
    body = f"""{spam}
<div class="top"><div class="slogan">{c["slogan"]}</div></div>
<div class="catalog_main">
<p class="art_tit">{e(s["title"])}</p>
{subs}
<h3 class="art_info"><span>{c["time"]}{s["time"]}</span>&nbsp;&nbsp;\
<span>{c["source"]}{e(s["source"])}</span></h3>
</div>
<div class="{("crumb", "location")[v]}"><a href="http://www.sxrb.com/">{c["site"]}</a>\
&gt;&gt;{crumbs}<br>{c["share"]}<span class="bdshare"></span></div>
{body_html}
<div class="editor">({c["editor"]}{e(s["editor"])})</div>
{recommend}
<div class="statement"><h4>{st[0]}</h4>{"".join(f"<p>{e(x)}</p>" for x in st[1:])}</div>
{counties}"""
    return _doc(s["title"], body, charset="gb2312", meta_http_equiv=True)


ARTICLE_RENDERERS = {"shanxidayuan": shanxidayuan_article, "fissico": fissico_article,
                     "sxnews": sxnews_article}


def article_html(a: Article) -> str:
    return ARTICLE_RENDERERS[a.site](a)


# --- listings and home ---------------------------------------------------------------------


def _date_label(site: str, ref: Ref) -> str:
    if site == "sxnews":
        return ref.when.strftime("%Y-%m-%d %H:%M")
    return ref.when.strftime("%Y-%m-%d")


def page_url(site: str, column: str, page: int) -> str:
    spec = SPECS[site]
    if page <= 1:
        return spec.listing_format.format(column=column)
    return spec.page_format.format(column=column, page=page)


def _pager(site: str, column: str, page: int, pages: int) -> str:
    links = [f'<a href="{page_url(site, column, 1)}">首页</a>']
    if page > 1:
        links.append(f'<a href="{page_url(site, column, page - 1)}">上一页</a>')
    for n in sorted({1, *range(max(1, page - 4), min(pages, page + 5) + 1), pages}):
        links.append(f"<span class=\"current\">{n}</span>" if n == page
                     else f'<a href="{page_url(site, column, n)}">{n}</a>')
    if page < pages:
        links.append(f'<a href="{page_url(site, column, page + 1)}">下一页</a>')
    links.append(f'<a href="{page_url(site, column, pages)}">末页</a>')
    return f'<div class="pages">{" ".join(links)}<span>共{pages}页</span></div>'


def column_name(site: str, column: str) -> str:
    from crawler.replica import phrases as P

    if site == "shanxidayuan":
        return P.SXDY_COLUMNS[column]
    if site == "fissico":
        return P.FISSICO_COLUMNS[column]
    return P.SXNEWS_CHANNELS[column][1]


def listing_html(model: SiteModel, column: str, page: int) -> str | None:
    refs, pages = model.listing(column, page)
    if page > pages:
        return None
    site = model.name
    items = []
    for ref in refs:
        title = model.title_of(ref)
        items.append(f'<li><a href="{ref.url}" target="_blank">{e(title)}</a> '
                     f'<span class="date">{_date_label(site, ref)}</span></li>')
    name = column_name(site, column)
    body = (f'<div class="top"><a href="/">{SITE_TITLES[site]}</a></div>\n'
            f'<div class="position">当前位置:<a href="/">首页</a> &gt; {e(name)}</div>\n'
            f'<ul class="list">{"".join(items)}</ul>\n{_pager(site, column, page, pages)}')
    if site == "sxnews":
        return _doc(name, body, charset="gb2312", meta_http_equiv=True)
    return _doc(name, body)


def home_html(model: SiteModel) -> str:
    site = model.name
    nav = "".join(f'<li><a href="{page_url(site, c, 1)}">{e(column_name(site, c))}</a></li>'
                  for c in model.spec.columns)
    items = "".join(
        f'<li><a href="{r.url}">{e(model.title_of(r))}</a> '
        f'<span class="date">{_date_label(site, r)}</span></li>' for r in model.newest(20))
    body = (f'<div class="top"><h1>{SITE_TITLES[site]}</h1></div>\n<ul class="nav">{nav}</ul>\n'
            f'<ul class="news">{items}</ul>')
    if site == "sxnews":
        return _doc(SITE_TITLES[site], body, charset="gb2312", meta_http_equiv=True)
    return _doc(SITE_TITLES[site], body)


def encode_page(site: str, html: str) -> bytes:
    # Shanxi News declares gb2312 in a <meta> only; GB18030 is its superset, as
    # browsers (and w3lib) decode any "gb2312" label.
    return html.encode("gb18030") if site == "sxnews" else html.encode("utf-8")


def content_type(site: str) -> str:
    return "text/html" if site == "sxnews" else "text/html; charset=utf-8"


def served_summary(a: Article) -> dict[str, Any]:
    return {"url": a.url, "variant": a.variant, "site": a.site}
