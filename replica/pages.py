"""HTML of the replica's pages: articles in several template families per site,
listings, home pages, BIG5 copies and robots.txt. Chrome text comes from
``templates``; every article text is a piece of the :class:`~replica.generator.Article`
printed through its ``.shown`` form, so the page and the record cannot drift apart.

Families (``Article.family``):

- shanxidayuan: ``theme0``/``theme1``/``theme2`` (the current theme, as the seeds),
  ``dede`` (DedeCMS: logo in the ``<h1>``, labelled 时间/来源/作者, 关键词),
  ``pboot`` (Bootstrap/PbootCMS: labelled 作者/地区/时间, 标签, figure captions),
  ``phpcms`` (PHPCMS v9: the date and 来源 inside the ``<h1>``);
- fissico: ``kbcmw_a``/``kbcmw_b`` (the current kbcmw layouts, as the seed),
  ``dede_default`` (DedeCMS' default article template), ``dede_table`` (an older
  table layout with ``<br>`` paragraphs); all print ``<publication>    YYYY年MM月DD日``;
- sxnews: ``pd2023`` (People's Daily network CMS 2023: ``div.jz``, ``div#rwb_zw``,
  ``span#rwb_navpath``, ``div.left1``, ``div.editer``), ``pd2019`` (its 2019-2022
  variant: kicker/subtitle headings, ``div.title_o`` 原标题), ``photo``
  (photo.sxrb.com: 标签, 视觉志 copyright), ``special`` (special.sxrb.com: bare
  ``时 间 / 分 享 评 论`` labels, no date), ``sxxww`` (the old template, original
  and spam-mirror variants, as seed 000).

And one family no site used, ``rongmei`` (a media-convergence platform's page:
``div.article-head > h1.article-title``, info line ``div.article-info``
``发布日期：YYYY/MM/DD　来源：…　作者：…``, body ``div.article-con#zoom``): what
the ``template_switch`` fault renders switched articles in, on any site.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime
from html import escape
from typing import Any

from replica import phrases as P
from replica import templates as T
from replica.generator import (
    BEIJING,
    EMAIL_MARK,
    SWITCHED_FAMILY,
    Article,
    Block,
    Txt,
    cf_encode,
    page_of,
    to_traditional,
)
from replica.model import SXNEWS_GB_HOSTS, Column, Ref, SiteModel

ROBOTS = {
    "shanxidayuan": "User-agent: *\nDisallow: /plus/\nDisallow: /search.php\nDisallow: /member/\n",
    "fissico": "User-agent: *\nDisallow: /plus/\nDisallow: /e/search/\n",
    "sxnews": "User-agent: *\nDisallow: /search/\nDisallow: /cgi-bin/\n",
}
SITE_TITLES = {"shanxidayuan": "山西大院资讯网", "fissico": "康巴傳媒網", "sxnews": "山西新闻网"}
GB_FAMILIES = frozenset({"pd2023", "pd2019", "photo", "special"})


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


def _doc(title: str, body: str, charset: str = "utf-8", meta_http_equiv: bool = False,
         head_extra: str = "") -> str:
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            if meta_http_equiv else f'<meta charset="{charset}">')
    return (f"<!DOCTYPE html>\n<html><head>{meta}\n<title>{e(title)}</title>\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<link rel="stylesheet" href="/static/css/style.css">\n'
            f"<script>var _hmt = _hmt || [];</script>\n{head_extra}</head>\n<body>\n"
            f"{body}\n</body></html>\n")


def today_label(now: datetime | None = None) -> str:
    """The today's-date widget: the day the page is served (Beijing time)."""
    d = (now or datetime.now(BEIJING)).astimezone(BEIJING)
    return f"{d.year}年{d.month}月{d.day}日 星期{T.SXNEWS_WEEKDAYS[d.weekday()]}"


# --- body blocks ------------------------------------------------------------------------

ImageStyle = Callable[[Block], str]


def _img(b: Block, extra: str = "") -> str:
    return f'<img src="{b.src}" alt=""{extra}>'


def image_pd(b: Block) -> str:  # People's Daily CMS photo block
    cap = f'<br><font color="#000080">{e(b.text.shown)}</font>' if b.text else ""
    credit = f'<p align="right">{e(b.credit.shown)}</p>' if b.credit else ""
    img = _img(b, ' border="0"')
    return f'<div align="center">{img}{cap}{credit}</div>'


def image_center_p(b: Block) -> str:  # DedeCMS/kbcmw editors: centred <p>s
    out = f'<p style="text-align: center;">{_img(b)}</p>'
    words = " ".join(t.shown for t in (b.text, b.credit) if t)
    if words:
        out += f'<p style="text-align: center;">{e(words)}</p>'
    return out


def image_figure(b: Block) -> str:  # Bootstrap
    words = " ".join(t.shown for t in (b.text, b.credit) if t)
    cap = f'<figcaption class="figure-caption text-center">{e(words)}</figcaption>' if words \
        else ""
    img = _img(b, ' class="figure-img img-fluid"')
    return f'<figure class="figure d-block text-center">{img}{cap}</figure>'


def image_table(b: Block) -> str:  # old table layouts
    rows = f"<tr><td>{_img(b)}</td></tr>"
    if b.text:
        rows += f'<tr><td class="pic_note" align="center">{e(b.text.shown)}</td></tr>'
    if b.credit:
        rows += f'<tr><td align="right">{e(b.credit.shown)}</td></tr>'
    return f'<table class="pic" align="center" border="0">{rows}</table>'


def image_note(b: Block) -> str:  # photo pages, PHPCMS
    cap = f'<p class="pic_note">{e(b.text.shown)}</p>' if b.text else ""
    credit = f'<p class="pic_author">{e(b.credit.shown)}</p>' if b.credit else ""
    return f'<div class="pic">{_img(b)}{cap}{credit}</div>'


def image_plain(b: Block) -> str:  # special.sxrb.com: the file name under the picture
    cap = f"<br>{e(b.text.shown)}" if b.text else ""
    credit = f'<p align="right">{e(b.credit.shown)}</p>' if b.credit else ""
    return f'<div align="center">{_img(b)}{cap}{credit}</div>'


SPLIT = '<div class="zdfy clearfix"><span class="page-split"></span></div><!--page-split-->'


def render_blocks(a: Article, para: str = "p_indent", image: ImageStyle = image_center_p,
                  ad: int = 2, indent: str = "&nbsp;&nbsp;&nbsp;&nbsp;", tail: str = "<br>") -> str:
    """The body: ``para`` is how text blocks are marked (``p_indent`` ``<p>　　…``,
    ``p`` bare ``<p>``, ``div``, ``br`` runs of ``<br>`` lines, each paragraph led by
    ``indent``, a run closed by ``tail``)."""
    key = 0x20 + a.num % 0x5F
    out: list[str] = []
    run: list[str] = []  # "br" style: the open run of text lines
    items: list[str] = []

    def flush() -> None:
        if items:
            out.append("<ul>" + "".join(f"<li>{x}</li>" for x in items) + "</ul>")
            items.clear()
        if run:
            out.append("<br>\n".join(run) + tail)
            run.clear()

    for b in a.blocks:
        if b.kind == "item" and b.text:
            if run:
                flush()
            items.append(e(b.text.shown))
            continue
        if items:
            flush()
        if b.kind in ("p", "byline", "sub") and b.text:
            html = _para_html(b.text.shown, b.email, key)
            if b.kind == "sub":
                html = f"<strong>{html}</strong>"
            if para == "br":
                run.append((indent if b.kind == "p" else "") + html)
                continue
            if para == "p_indent":
                out.append(f"<p>\u3000\u3000{html}</p>" if b.kind == "p" else f"<p>{html}</p>")
            elif para == "div":
                out.append(f"<div>{html}</div>")
            else:
                out.append(f"<p>{html}</p>")
            continue
        flush()
        if b.kind == "image":
            out.append(image(b))
        elif b.kind == "ad":
            out.append(T.ADS[ad])
        elif b.kind == "split":
            out.append(SPLIT)
        elif b.kind == "video":
            out.append(f'<div class="video_box"><video src="{b.src}" controls '
                       f'preload="none" width="640"></video></div>')
    flush()
    if a.extra.get("pager"):
        out.append(pager_html(a))
    return "".join(out)


def pager_html(a: Article) -> str:
    """The pager under one page of a multi-page article: DedeCMS' ``pagelist``
    (relative links, as ``{dede:pagelist/}`` prints them) or the People's Daily
    CMS's page-split zone ``div.zdfy`` (root-relative links)."""
    n, urls = a.extra["pager"]
    if a.site == "fissico":
        def li(label: str, k: int) -> str:
            href = urls[k - 1].rsplit("/", 1)[1] if 1 <= k <= len(urls) and k != n else "#"
            cls = ' class="thisclass"' if label == str(n) else ""
            return f"<li{cls}><a href='{href}'>{label}</a></li>"

        items = [f"<li><a>共{len(urls)}頁: </a></li>", li("上一頁", n - 1),
                 *(li(str(k), k) for k in range(1, len(urls) + 1)), li("下一頁", n + 1)]
        return f'<div class="dede_pages"><ul class="pagelist">{"".join(items)}</ul></div>'
    links = [f'<a href="{urlpath(u)}">【{k}】</a>' if k != n else f"<span>【{k}】</span>"
             for k, u in enumerate(urls, 1)]
    if n < len(urls):
        links.append(f'<a href="{urlpath(urls[n])}">下一页</a>')
    return f'<div class="zdfy clearfix">{"".join(links)}</div>'


def _related(items: Iterable[tuple[Txt, str, str]], head: str, cls: str,
             date_first: bool = False) -> str:
    rows = []
    for title, url, date in items:
        link = f'<a href="{url}" target="_blank">{e(title.shown)}</a>'
        span = f"<span>{date}</span>"
        rows.append(f"<li>{span}{link}</li>" if date_first else f"<li>{link}{span}</li>")
    return f'<div class="{cls}"><h3>{head}</h3><ul>{"".join(rows)}</ul></div>' if rows else ""


def _share(style: int) -> str:
    if style == 0:
        return ('<div class="bdsharebuttonbox"><a href="#" class="bds_more" data-cmd="more">'
                '分享到：</a><a href="#" class="bds_qzone" data-cmd="qzone" title="分享到QQ空间">'
                '</a><a href="#" class="bds_tsina" data-cmd="tsina" title="分享到新浪微博"></a>'
                '<a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信"></a></div>')
    return ('<div class="share"><span>分享到：</span><a href="javascript:;" class="wx">微信</a> '
            '<a href="javascript:;" class="wb">微博</a> <a href="javascript:;" class="qq">QQ空间'
            "</a></div>")


# --- shanxidayuan -----------------------------------------------------------------------


def _sxdy_tags(a: Article, sep: str = "&nbsp;") -> str:
    return sep.join(f'<a href="/tags.php?/{e(t.shown)}/">{e(t.shown)}</a>' for t in a.tags)


def shanxidayuan_theme(a: Article) -> str:
    v = a.variant
    x = a.extra
    if v == 1:  # <br>-separated paragraphs in one text block, a script ad inside
        paras = render_blocks(a, "br", image_table, indent="\u3000\u3000", tail="")
        content = f'<div class="art-body"><div class="text">{paras}\n{T.ADS[0]}</div></div>'
    else:  # <p> paragraphs; variant 2 puts a 广告 block between them
        ps = render_blocks(a, "p_indent", image_center_p)
        if v == 2:
            parts = re.split(r"(?<=</p>)", ps, maxsplit=2)
            if len(parts) == 3:
                ps = parts[0] + parts[1] + T.ADS[2] + parts[2]
        content = f'<div class="content" id="article-content">{ps}</div>'
    tags = _sxdy_tags(a)
    meta_cls = ("info", "article-meta", "info")[v]
    title_tag = ('<h1 class="title">{}</h1>', '<div class="art-title"><h2>{}</h2></div>',
                 '<h1>{}</h1>')[v].format(e(a.title.shown))
    qr = f'<div class="qrcode"><img src="/qr.png"><p>{T.SXDY_QR}</p></div>' if x["qr"] else ""
    footer_mail = (f'<p>E-mail: {_cf_link(P.SXDY_FOOTER_EMAIL, 0x5A)}</p>'
                   if x["footer_email"] else "")
    extras = ""
    if a.key.startswith("gen:"):
        extras = (_share(a.num % 2) + _related(a.related, "相关文章", "related")
                  + _related(a.hot, "热门文章", "hot-list"))
    assert a.author and a.region
    cr = T.SXDY_COPYRIGHT
    body = f"""<div class="header"><div class="logo"><a href="/">{e(x["header"])}</a></div>
<ul class="nav" style="display:none"><li><a href="/gsyl/lzyl/">太原</a></li></ul></div>
<div class="banner">&nbsp;</div>
<div class="sidebar-ad">&nbsp;</div>
<div class="views"><span id="hits">0</span></div>
<div class="spacer">&nbsp;</div>
<div class="{("main", "article-wrap", "container")[v]}">
{title_tag}
<div class="{meta_cls}"><span class="author">{e(a.author.shown)}</span> \
<span class="region">{e(a.region.shown)}</span> \
<span class="time">{a.published.strftime("%Y-%m-%d %H:%M:%S")}</span> \
<span class="comment-count">{x["comments"]}</span> <span class="tags">{tags}</span></div>
{content}
{qr}{extras}
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
<div class="footer">{"".join(f"<p>{e(f)}</p>" for f in T.SXDY_FOOTER)}{footer_mail}</div>"""
    return _doc(f"{a.title.shown}_{x['header']}", body)


def _sxdy_nav() -> str:
    return "".join(f'<li><a href="/gsyl/{k}/">{e(v)}</a></li>' for k, v in P.SXDY_COLUMNS.items())


def _pn_items(a: Article, lab: dict[str, str]) -> list[tuple[str, str]]:
    """(label, link or 没有了) for 上一篇 and 下一篇."""
    return [(label, f'<a href="{item[1]}">{e(item[0].shown)}</a>' if item
             else lab.get("none", "没有了"))
            for label, item in ((lab["prev"], a.prev), (lab["next"], a.next))]


def _prevnext(a: Article, lab: dict[str, str], cls: str) -> str:
    items = "".join(f"<li>{label}{inner}</li>" for label, inner in _pn_items(a, lab))
    return f'<div class="{cls}"><ul>{items}</ul></div>'


def shanxidayuan_dede(a: Article) -> str:
    L = T.SXDY_DEDE
    assert a.source and a.author
    crumbs = (f'<a href="/">{L["home"]}</a> &gt; <a href="/gsyl/">{e(a.crumbs[0].shown)}</a> '
              f'&gt; <a href="/gsyl/{a.column}/">{e(a.crumbs[1].shown)}</a> &gt; {L["tail"]}')
    keywords = " ".join(f'<a href="/tags.php?/{e(t.shown)}/">{e(t.shown)}</a>' for t in a.tags)
    body = f"""<div class="header"><h1 class="logo"><a href="/">\
<img src="/templets/default/images/logo.gif" alt="山西大院资讯网">山西大院资讯网</a></h1>
<div class="nav"><ul><li><a href="/">首页</a></li>{_sxdy_nav()}</ul></div></div>
<div class="w960 center clear mt1"><div class="pleft">
<div class="place"><strong>{L["place"]}</strong>{crumbs}</div>
<div class="viewbox">
<div class="title"><h2>{e(a.title.shown)}</h2></div>
<div class="info"><small>{L["time"]}</small>{a.published.strftime("%Y-%m-%d %H:%M")} \
<small>{L["source"]}</small><a href="/">{e(a.source.shown)}</a> <small>{L["author"]}</small>\
{e(a.author.shown)} <small>{L["hits"]}</small><script src="/plus/count.php?view=yes&amp;\
aid={a.num}&amp;mid=1" type="text/javascript" language="javascript"></script>次</div>
<div class="content"><table width="100%"><tr><td>{render_blocks(a, "p_indent", image_center_p)}\
</td></tr></table></div>
<div class="keywords">{L["keywords"]}{keywords}</div>
<div class="boxoff"><strong>------分隔线----------------------------</strong></div>
{_share(0)}
{_prevnext(a, L, "context")}
</div>
{_related(a.related, L["related"], "xgwz", date_first=True)}
</div>
<div class="pright">{_related(a.hot, "热点内容", "hot")}</div></div>
<div class="footer w960 center mt1 clear"><p>Copyright &copy; 2018-2025 山西大院资讯网 \
版权所有</p></div>"""
    return _doc(f"{a.title.shown}_山西大院资讯网", body)


def shanxidayuan_pboot(a: Article) -> str:
    L = T.SXDY_PBOOT
    assert a.author and a.region
    tags = " ".join(f'<a class="badge bg-light text-dark" href="/tags/{e(t.shown)}/">'
                    f"{e(t.shown)}</a>" for t in a.tags)
    related = "".join(
        f'<li class="list-group-item"><a href="{u}">{e(t.shown)}</a>'
        f'<span class="float-end text-muted">{d}</span></li>' for t, u, d in a.related)
    body = f"""<nav class="navbar navbar-expand-lg navbar-light bg-white border-bottom">\
<div class="container"><a class="navbar-brand" href="/"><img src="/static/images/logo.png" \
alt="山西大院资讯网" height="40"></a><ul class="navbar-nav">{_sxdy_nav()}</ul></div></nav>
<div class="container mt-3"><div class="row"><div class="col-lg-9">
<nav aria-label="breadcrumb"><ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">\
{L["home"]}</a></li><li class="breadcrumb-item"><a href="/gsyl/{a.column}/">\
{e(a.crumbs[0].shown)}</a></li><li class="breadcrumb-item active" aria-current="page">\
{L["tail"]}</li></ol></nav>
<h2 class="text-center fs-4 mt-3">{e(a.title.shown)}</h2>
<div class="text-center text-secondary border-bottom pb-2 mb-3"><span class="me-3">\
{L["author"]}{e(a.author.shown)}</span><span class="me-3">{L["region"]}{e(a.region.shown)}</span>\
<span class="me-3">{L["time"]}{a.published.strftime("%Y-%m-%d %H:%M:%S")}</span><span>\
{L["views"]}<span id="visits">0</span></span></div>
<div class="article-content lh-lg">{render_blocks(a, "p_indent", image_figure)}</div>
<div class="tags mt-3">{L["tags"]}{tags}</div>
{_share(1)}
<ul class="pager list-unstyled mt-3">\
{"".join(f"<li>{label}{inner}</li>" for label, inner in _pn_items(a, L))}</ul>
</div>
<div class="col-lg-3"><div class="card"><div class="card-header">{L["related"]}</div>\
<ul class="list-group list-group-flush">{related}</ul></div></div></div></div>
<footer class="bg-dark text-white-50 text-center py-3 mt-4"><p>Copyright &copy; 山西大院资讯网 \
All Rights Reserved</p></footer>"""
    css = '<link rel="stylesheet" href="/static/bootstrap/css/bootstrap.min.css">\n'
    return _doc(f"{a.title.shown}-山西大院资讯网", body, head_extra=css)


def shanxidayuan_phpcms(a: Article) -> str:
    L = T.SXDY_PHPCMS
    assert a.source
    pn = "<br />".join(f"<strong>{label}</strong>{inner}" for label, inner in _pn_items(a, L))
    keywords = " ".join(f'<a href="/index.php?m=content&amp;c=tag&amp;tag={e(t.shown)}">'
                        f"{e(t.shown)}</a>" for t in a.tags)
    body = f"""<div class="header"><div class="logo"><a href="/">\
<img src="/statics/images/logo.png" alt="山西大院资讯网"></a></div>\
<div class="nav"><ul>{_sxdy_nav()}</ul></div></div>
<div class="main"><div class="col-left">
<div class="crumbs"><a href="/">{L["home"]}</a><span> &gt; </span><a href="/gsyl/">\
{e(a.crumbs[0].shown)}</a> &gt; <a href="/gsyl/{a.column}/">{e(a.crumbs[1].shown)}</a> &gt; </div>
<div id="Article"><h1>{e(a.title.shown)}<br /><span>{a.published.strftime("%Y-%m-%d %H:%M:%S")}\
&nbsp;&nbsp;&nbsp;{L["source"]}{e(a.source.shown)}&nbsp;&nbsp;&nbsp;{L["comments"]}\
<a href="#comment_iframe" id="comment">0</a> {L["hits"]}<span id="hits"></span></span></h1>
<div class="content">{render_blocks(a, "p", image_note)}</div>
<div id="pages" class="text-c"></div>
<p style="margin-bottom:10px"><strong>{L["keywords"]}</strong>{keywords}</p>
{_share(0)}
<p class="f14">{pn}</p>
<div class="bk15"></div>
{_related(a.related, L["related"], "related")}
</div></div></div>
<div class="footer"><p>Powered by PHPCMS v9 &copy; 山西大院资讯网</p></div>"""
    return _doc(f"{a.title.shown} - 山西大院资讯网", body)


# --- fissico ---------------------------------------------------------------------------


def _fissico_crumbs(a: Article, sep: str = " &gt;&gt; ") -> str:
    section = a.column.split("/")[0]
    hrefs = ["http://fissico.com/", f"/html/{section}/", f"/html/{a.column}/"]
    names = [a.extra["site_name"], *a.crumbs]
    return sep.join(f'<a href="{h}">{e(c.shown)}</a>' for h, c in zip(hrefs, names, strict=True))


def _fissico_date(a: Article) -> str:
    return str(a.extra.get("date") or a.published.strftime("%Y年%m月%d日"))


def _fissico_extras(a: Article, show: bool) -> str:
    if not show:
        return ""
    trad = to_traditional
    return (_related(a.related, trad("相关文章"), "xgwz")
            + _related(a.hot, trad("热点推荐"), "rdtj") + _share(a.num % 2)
            + f'<div class="footer">{"".join(f"<p>{trad(x)}</p>" for x in T.FISSICO_FOOTER)}'
              "</div>")


def fissico_kbcmw(a: Article) -> str:
    v = 1 if a.family == "kbcmw_b" else 0
    lab = T.FISSICO_LABELS
    assert a.source
    if v == 1:
        content = (f'<div id="text" class="newstext">{render_blocks(a, "div", image_center_p)}'
                   f"{T.ADS[1]}</div>")
    else:
        content = (f'<div class="content"><script>var hits=1;</script>'
                   f'{render_blocks(a, "p", image_center_p, ad=1)}</div>')
    links = []
    for label, item in ((lab["prev"], a.prev), (lab["next"], a.next)):
        links.append(f'<li>{label}<a href="{item[1]}">{e(item[0].shown)}</a></li>' if item
                     else f"<li>{label}沒有了</li>")
    addr = (f'\n<ul class="addr"><li>{lab["addr"]}<a href="{a.url}">{a.url}</a></li></ul>'
            if a.extra.get("addr") else "")
    body = f"""<div class="top"><div class="logo"><a href="/">\
<img src="/images/logo.png" alt="康巴传媒网"></a></div></div>
<div class="{("position", "location")[v]}">{lab["where"]}{_fissico_crumbs(a)} &gt;&gt; \
{lab["browse"]}</div>
<div class="{("article", "art_main")[v]}">
<h1>{e(a.title.shown)}</h1>
<div class="{("info", "time")[v]}">{e(a.source.shown)}&nbsp;&nbsp;&nbsp;&nbsp;{_fissico_date(a)}\
</div>
{content}
</div>
<ul class="prenext">{"".join(links)}</ul>{addr}{_fissico_extras(a, a.key.startswith("gen:"))}"""
    return _doc(a.title.shown, body)


def fissico_dede_default(a: Article) -> str:
    L = {k: to_traditional(v) for k, v in T.FISSICO_DEDE.items()}
    lab = T.FISSICO_LABELS
    assert a.source
    links = []
    for label, item in ((lab["prev"], a.prev), (lab["next"], a.next)):
        links.append(f'<li>{label}<a href="{item[1]}">{e(item[0].shown)}</a></li>' if item
                     else f"<li>{label}沒有了</li>")
    nav = "".join(f'<li><a href="/html/{k}/">{e(to_traditional(v[1]))}</a></li>'
                  for k, v in P.FISSICO_COLUMNS.items())
    body = f"""<div class="header"><div class="top w960 center"><div class="title"><h1><a href="/">\
<img src="/templets/default/images/logo.gif" height="54" width="216" alt="康巴傳媒網"/></a></h1>\
</div></div><div class="module blue mT10 wrapper w963"><div id="navMenu"><ul>\
<li><a href="/"><span>主頁</span></a></li>{nav}</ul></div></div></div>
<div class="w960 center clear mt1"><div class="pleft">
<div class="place"><strong>{L["place"]}</strong> {_fissico_crumbs(a, " &gt; ")} &gt; </div>
<div class="viewbox">
<div class="title"><h2>{e(a.title.shown)}</h2></div>
<div class="info">{e(a.source.shown)}&nbsp;&nbsp;&nbsp;&nbsp;{_fissico_date(a)}</div>
<div class="hits"><small>{L["hits"]}</small><script src="/plus/count.php?view=yes&amp;aid={a.num}\
&amp;mid=1" type="text/javascript" language="javascript"></script>{L["times"]}</div>
<div class="content"><table width="100%"><tr><td>\
{render_blocks(a, "p_indent", image_center_p, ad=1)}</td></tr></table></div>
<div class="dede_pages"><ul class="pagelist"></ul></div>
<div class="boxoff"><strong>{L["sep"]}</strong></div>
{_share(a.num % 2)}
<div class="handle"><div class="context"><ul>{"".join(links)}</ul></div>
<div class="actbox"><ul><li id="act-fav"><a href="/plus/stow.php?aid={a.num}">{L["fav"]}</a></li>\
<li id="act-err"><a href="/plus/erraddsave.php?aid={a.num}">{L["err"]}</a></li>\
<li id="act-pus"><a href="/plus/recommend.php?aid={a.num}">{L["rec"]}</a></li>\
<li id="act-pnt"><a href="#" onclick="window.print();">{L["print"]}</a></li></ul></div></div>
</div>
{_related(a.related, L["related"], "xgwz", date_first=True)}
</div>
<div class="pright">{_related(a.hot, L["hot"], "commend")}</div></div>
<div class="footer w960 center mt1 clear">\
{"".join(f"<p>{to_traditional(x)}</p>" for x in T.FISSICO_FOOTER)}</div>"""
    return _doc(f"{a.title.shown}_康巴傳媒網", body)


def fissico_dede_table(a: Article) -> str:
    L = {k: to_traditional(v) for k, v in T.FISSICO_DEDE.items()}
    lab = T.FISSICO_LABELS
    assert a.source
    pn = []
    for label, item in ((lab["prev"], a.prev), (lab["next"], a.next)):
        pn.append(f'{label}<a href="{item[1]}">{e(item[0].shown)}</a>' if item
                  else f"{label}沒有了")
    rel = "".join(f'<tr><td class="rel"><a href="{u}">{e(t.shown)}</a></td><td class="reldate">'
                  f"{d}</td></tr>" for t, u, d in a.related)
    rel_table = (f'<table class="related" width="960"><tr><th colspan="2">{L["related"]}</th></tr>'
                 f"{rel}</table>" if rel else "")
    body = f"""<table class="top" width="960" align="center"><tr><td><a href="/">\
<img src="/images/logo.jpg" alt="康巴傳媒網"></a></td></tr></table>
<table class="crumb" width="960" align="center"><tr><td>{T.FISSICO_LABELS["where"]}\
{_fissico_crumbs(a)} &gt;&gt; {T.FISSICO_LABELS["browse"]}</td></tr></table>
<table class="art" width="960" align="center">
<tr><td class="art_title" align="center"><font size="5"><b>{e(a.title.shown)}</b></font></td></tr>
<tr><td class="art_date" align="center">{e(a.source.shown)}&nbsp;&nbsp;&nbsp;&nbsp;\
{_fissico_date(a)}</td></tr>
<tr><td class="art_tool" align="right">{L["font"]}<a href="javascript:fontZoom(16)">{L["big"]}</a> \
<a href="javascript:fontZoom(14)">{L["mid"]}</a> \
<a href="javascript:fontZoom(12)">{L["small"]}</a>】\
 <a href="javascript:window.close()">{L["close"]}</a></td></tr>
<tr><td class="art_content" id="fontzoom">{render_blocks(a, "br", image_table, ad=1)}</td></tr>
<tr><td class="art_share">{_share(1)}</td></tr>
<tr><td class="art_pn">{"<br>".join(pn)}</td></tr>
</table>
{rel_table}
<table class="foot" width="960" align="center"><tr><td>\
{"<br>".join(to_traditional(x) for x in T.FISSICO_FOOTER)}</td></tr></table>"""
    return _doc(a.title.shown, body, charset="utf-8", meta_http_equiv=True)


# --- sxnews, the old sxxww template ------------------------------------------------------


def sxnews_sxxww(a: Article) -> str:
    v, x = a.variant, a.extra
    c: dict[str, Any] = T.SXNEWS_MIRROR if x["mirror"] else T.SXNEWS_ORIGINAL
    assert a.source and a.editor
    time_label, source_label = c["time"], c["source"]
    if x.get("fullwidth_labels"):
        time_label, source_label = "时间：", "来源："
    spam = f'<div class="seo"><p>{e(x["spam"])}</p></div>' if x.get("spam") else ""
    counties = (f'<div class="friendlinks">{e(T.SXNEWS_COUNTIES)}</div>'
                if x["mirror"] else "")
    subs = "".join(f'<p class="art_subtit">{e(s.shown)}</p>' for s in a.subs)
    if v == 1:
        paras = render_blocks(a, "p_indent", image_pd)
        body_html = (f'<div class="art_txt"><div class="TRS_Editor">'
                     f'<script src="/js/video.js"></script>{paras}{T.ADS[2]}</div></div>')
    else:
        paras = render_blocks(a, "br", image_pd, indent="\u3000\u3000", tail="")
        body_html = f'<div class="art_txt"><br><br>{paras}</div>'
    crumbs = "&gt;&gt;".join(f'<a href="#">{e(s.shown)}</a>' for s in a.crumbs)
    rec = c["recommend"]
    recommend = f'<div class="tjyd"><h4>{rec[0]}</h4>' + "".join(
        "<div>" + "<br>".join(e(g) for g in group) + "</div>" for group in rec[1:]) + "</div>"
    related = _related(a.related, "相關新聞" if x["mirror"] else "相关新闻", "xgxw")
    st = c["statement"]
    body = f"""{spam}
<div class="top"><div class="slogan">{c["slogan"]}</div></div>
<div class="catalog_main">
<p class="art_tit">{e(a.title.shown)}</p>
{subs}
<h3 class="art_info"><span>{time_label}{x["time"]}</span>&nbsp;&nbsp;\
<span>{source_label}{e(a.source.shown)}</span></h3>
</div>
<div class="{("crumb", "location")[v]}"><a href="http://www.sxrb.com/">{c["site"]}</a>\
&gt;&gt;{crumbs}<br>{c["share"]}<span class="bdshare"></span></div>
{body_html}
<div class="editor">({c["editor"]}{e(a.editor.shown)})</div>
{recommend}{related}
<div class="statement"><h4>{st[0]}</h4>{"".join(f"<p>{e(s)}</p>" for s in st[1:])}</div>
{counties}"""
    return _doc(a.title.shown, body, charset="gb2312", meta_http_equiv=True)


# --- sxnews, the People's Daily network CMS (GB pages) -------------------------------------


def big5_url(url: str) -> str:
    return url.replace("/GB/", "/BIG5/", 1)


def _gb_head(a: Article, dated: bool = True) -> str:
    desc = next((b.text.shown for b in a.blocks if b.kind == "p" and b.text), "")[:60]
    meta = [f'<meta name="keywords" content="{escape(a.title.shown)}">',
            f'<meta name="description" content="{escape(desc)}">']
    if dated:
        meta.append(f'<meta name="publishdate" content="{a.published:%Y-%m-%d}">')
    if a.source:
        meta.append(f'<meta name="source" content="来源：{escape(a.source.shown)}">')
    return "\n".join(meta) + "\n"


def _gb_doc(title: str, body: str, head: str = "") -> str:
    return (f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            f'"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml"><head>\n'
            f'<meta http-equiv="content-type" content="text/html;charset=GB2312"/>\n'
            f'<meta http-equiv="Content-Language" content="utf-8" />\n'
            f"<title>{e(title)}</title>\n{head}"
            f'<link href="http://news.sxrb.com/img/2019sxrb/css/page.css" type="text/css" '
            f'rel="stylesheet" media="all" />\n</head>\n<body>\n{body}\n</body>\n</html>\n')


def _gb_top(big5: str, today: str, slogan: bool = True) -> str:
    nav = "".join(f'<li><a href="{u}" target="_blank">{n}</a></li>' for n, u in T.SXNEWS_NAV)
    left = f'<div class="slogan">{T.SXNEWS_SLOGAN}</div>' if slogan else ""
    return (f'<div class="topbar"><div class="w1200 clearfix"><div class="fl">{left}'
            f'<div class="today" id="today">{today}</div></div><div class="fr">'
            f'<a class="fanti" href="{big5}">繁體</a> | <a href="http://www.sxrb.com/">'
            f'山西新闻网首页</a></div></div></div>\n<div class="nav w1200"><ul>{nav}</ul></div>')


GB_COLUMN_DIRS = frozenset((host, node) for host, node, *_ in P.SXNEWS_GB_COLUMNS)


def _navpath(a: Article) -> str:
    """山西新闻网>>channel>>…: the first crumb links the host's home, the others the
    node listings they name (the host's home where a node has no listing)."""
    host = a.url.split("/")[2]
    nodes = a.url.split("/")[4:-1]
    home = f"http://{host}/GB/index.html"
    links = ['<a href="http://www.sxrb.com/" target="_blank" class="clink">山西新闻网</a>']
    for n, crumb in enumerate(a.crumbs):
        href = home
        if n:
            node = "/".join(nodes[:len(nodes) - (len(a.crumbs) - 1 - n)])
            if node and (host, node) in GB_COLUMN_DIRS:
                href = f"http://{host}/GB/{node}/index.html"
        links.append(f'<a href="{href}" target="_blank" class="clink">{e(crumb.shown)}</a>')
    return f'<span id="rwb_navpath">{"&gt;&gt;".join(links)}</span>'


def _source_html(a: Article) -> str:
    assert a.source
    link = f'<a href="http://www.sxrb.com/" target="_blank">{e(a.source.shown)}</a>'
    if a.extra.get("source_in_script"):
        return (f'来源：<script type="text/javascript">document.write(\'{link}\');</script>'
                f"<noscript>{e(a.source.shown)}</noscript>")
    return f"来源：{link}"


def _statement(a: Article) -> str:
    st = a.extra["statement"]
    return (f'<div class="wzsm"><h4>{st[0].shown}</h4>'
            + "".join(f"<p>{e(s.shown)}</p>" for s in st[1:]) + "</div>")


def _tjyd(a: Article, head: str = "推荐阅读", cls: str = "tjyd") -> str:
    return _related(a.related or a.hot, head, cls)


def _gb_footer() -> str:
    return f'<div class="footer">{"".join(f"<p>{x}</p>" for x in T.SXNEWS_FOOTER)}</div>'


def sxnews_pd2023(a: Article, today: str | None = None) -> str:
    today = today or today_label()
    assert a.editor
    subs = "".join(f'<div class="fbt">{e(s.shown)}</div>' for s in a.subs)
    share = ('<div class="right1 fr"><span>分享到：</span><a href="javascript:;" class="wx" '
             'title="微信"></a><a href="javascript:;" class="wb" title="微博"></a></div>')
    body = f"""{_gb_top(big5_url(a.url), today)}
<div class="w1200 clearfix"><div class="col-1 fl">
<div class="jz_tit">
<div class="jz">{e(a.title.shown)}</div>
{subs}
</div>
<div class="box01 clearfix"><div class="left1">{a.published.strftime("%Y年%m月%d日%H:%M")}\
&nbsp;&nbsp;{_source_html(a)}</div>{share}</div>
<div class="ind_nav">{_navpath(a)}</div>
<div class="comment_box"><span>分享到：</span><span class="bdshare"></span> \
<span>评论：</span><a href="#comment">{a.extra["comments"]}</a></div>
<div id="rwb_zw" class="rm_txt_con cf">{render_blocks(a, "p_indent", image_pd)}</div>
<div class="editer clearfix">(责编：{e(a.editor.shown)})</div>
{_tjyd(a)}
{T.ADS[0]}
</div>
<div class="col-2 fr">{_related(a.hot if a.related else (), "热点排行", "phb")}</div></div>
{_statement(a)}
{_gb_footer()}"""
    return _gb_doc(f"{a.title.shown}--山西新闻网", body, _gb_head(a))


def sxnews_pd2019(a: Article, today: str | None = None) -> str:
    today = today or today_label()
    assert a.editor
    kicker = "".join(f'<h3 class="pre">{e(k.shown)}</h3>' for k in a.kicker)
    subs = "".join(f'<h4 class="sub">{e(s.shown)}</h4>' for s in a.subs)
    orig = a.extra.get("original_title")
    title_o = (f'<div class="title_o"><a href="{a.url}">原标题：{e(orig.shown)}</a></div>'
               if orig else "")
    path = _navpath(a).replace('<span id="rwb_navpath">', '<span class="path">', 1)
    body = f"""{_gb_top(big5_url(a.url), today)}
<div class="clearfix w1000_320 text_title">
{kicker}
<h1 id="p_title">{e(a.title.shown)}</h1>
{subs}
<div class="box01"><div class="fl">{a.published.strftime("%Y年%m月%d日%H:%M")}&nbsp;&nbsp;\
{_source_html(a)}</div><div class="fr"><div class="fx"><span>分享到：</span>\
<a class="wb" href="javascript:;" title="分享到新浪微博"></a></div></div></div>
</div>
<div class="clearfix w1000_320 text_con"><div class="fl text_con_left">
<div class="path_nav">{path}</div>
{title_o}
<div class="box_con" id="p_content">{render_blocks(a, "p_indent", image_pd, ad=0)}</div>
<div class="edit clearfix">(责编：{e(a.editor.shown)})</div>
{_tjyd(a, "推荐阅读", "box_tjyd")}
</div><div class="fr text_con_right">{_related(a.hot if a.related else (), "图片新闻", "ph_news")}\
</div></div>
{_statement(a)}
{_gb_footer()}"""
    return _gb_doc(f"{a.title.shown}--山西新闻网", body, _gb_head(a))


def sxnews_photo(a: Article, today: str | None = None) -> str:
    today = today or today_label()
    assert a.editor and a.source
    tags = " ".join(f'<a href="http://photo.sxrb.com/GB/index.html">{e(t.shown)}</a>'
                    for t in a.tags)
    more = "".join(f'<li><a href="{u}"><img src="/img/blank.gif" alt=""><span>{e(t.shown)}'
                   f'</span></a><em>{d}</em></li>' for t, u, d in a.related)
    body = f"""{_gb_top(big5_url(a.url), today)}
<div class="pic_path w1000">{_navpath(a)}</div>
<div class="pic_title w1000"><h1>{e(a.title.shown)}</h1>
<p class="pic_info">{a.published.strftime("%Y年%m月%d日%H:%M")}&nbsp;&nbsp;\
来源：{e(a.source.shown)}</p></div>
<div class="pic_content w1000" id="picG">{render_blocks(a, "p_indent", image_note)}</div>
<div class="pic_tags w1000">标签:{tags}</div>
{_share(1)}
<div class="pic_copyright w1000">{e(T.SXNEWS_PHOTO_COPYRIGHT)}</div>
<div class="editer w1000">(责编：{e(a.editor.shown)})</div>
<div class="pic_more w1000"><h3>更多图片</h3><ul>{more}</ul></div>
{_statement(a)}
{_gb_footer()}"""
    return _gb_doc(f"{a.title.shown}--视觉志--山西新闻网", body, _gb_head(a))


def sxnews_special(a: Article, today: str | None = None) -> str:
    today = today or today_label()
    assert a.editor
    kicker = "".join(f'<div class="yt">{e(k.shown)}</div>' for k in a.kicker)
    subs = "".join(f'<div class="fbt">{e(s.shown)}</div>' for s in a.subs)
    body = f"""{_gb_top(big5_url(a.url), today)}
<div class="zt_banner"><img src="/img/zt/banner.jpg" alt=""></div>
<div class="w1000 clearfix">
<div class="ind_nav">{_navpath(a)}</div>
{kicker}<div class="jz">{e(a.title.shown)}</div>{subs}
<div class="artinfo">时 间 / 分 享 评 论</div>
<div id="rwb_zw">{render_blocks(a, "p_indent", image_plain)}</div>
<div class="editer">(责编：{e(a.editor.shown)})</div>
{_tjyd(a, "专题推荐", "zt_tj")}
</div>
{_statement(a)}
{_gb_footer()}"""
    return _gb_doc(f"{a.title.shown}--专题--山西新闻网", body, _gb_head(a, dated=False))


# --- the template switch ------------------------------------------------------------------


def switched_page(a: Article) -> str:
    """The ``template_switch`` fault's page (family ``rongmei``), on any site.

    Built so that no selector of the sites' descriptions and no container of
    their earlier families holds: the headline in ``div.article-head >
    h1.article-title`` (deck lines ``p.article-yt`` above, ``h2.article-subtitle``
    below), the info line ``div.article-info`` with a date and no time of day
    (``发布日期：2026/01/05　来源：山西日报　作者：张三``), the body in
    ``div.article-con#zoom``, no editor line and no tags; the breadcrumb
    (``div.location``) names the same crumbs as before. The record
    (``generator.switched``) says what this page shows.
    """
    L = T.SWITCHED
    site = SITE_TITLES[a.site]
    host = a.url.split("/")[2]
    crumbs = "".join(f" &gt; <span>{e(c.shown)}</span>" for c in a.crumbs)
    info = [f"{L['date']}{a.published:%Y/%m/%d}"]
    if a.source:
        info.append(f"{L['source']}{e(a.source.shown)}")
    if a.author:
        info.append(f"{L['author']}{e(a.author.shown)}")
    info_line = "".join(x + "\u3000" for x in info)
    kicker = "".join(f'<p class="article-yt">{e(k.shown)}</p>' for k in a.kicker)
    subs = "".join(f'<h2 class="article-subtitle">{e(s.shown)}</h2>' for s in a.subs)
    pn = "".join(f"<p>{label}{inner}</p>" for label, inner in _pn_items(a, L))
    footer = "".join(f"<p>{e(x)}</p>" for x in T.SWITCHED_FOOTER[a.site])
    tools = " ".join(f'<a href="javascript:;">{x}</a>' for x in "大中小")
    body = f"""<div class="top-bar"><div class="wrap"><a href="http://{host}/">{e(site)}</a>\
<span class="top-links"><a href="http://{host}/">{L["home"]}</a></span></div></div>
<div class="wrap clearfix"><div class="main-left">
<div class="location">{L["place"]}<a href="http://{host}/">{L["home"]}</a>{crumbs} &gt; \
{L["tail"]}</div>
<div class="article-head">
{kicker}<h1 class="article-title">{e(a.title.shown)}</h1>{subs}
<div class="article-info">{info_line}<span class="views">{L["views"]}<em id="hits">0</em>\
</span></div>
<div class="article-tool">{L["font"]}{tools} <a href="javascript:window.print();">\
{L["print"]}</a> <a href="javascript:window.close();">{L["close"]}</a></div>
</div>
<div class="article-con" id="zoom">{render_blocks(a, "p_indent", image_figure)}</div>
{_share(a.num % 2)}
<div class="article-page">{pn}</div>
{_related(a.related, L["related"], "xgyd")}
</div>
<div class="main-right">{_related(a.hot, L["hot"], "rdph")}</div></div>
<div class="footer">{footer}</div>"""
    charset = "GB2312" if a.site == "sxnews" else "utf-8"
    return _doc(f"{a.title.shown}-{site}", body, charset, meta_http_equiv=True)


ARTICLE_RENDERERS: dict[str, Callable[..., str]] = {
    "theme0": shanxidayuan_theme, "theme1": shanxidayuan_theme, "theme2": shanxidayuan_theme,
    "dede": shanxidayuan_dede, "pboot": shanxidayuan_pboot, "phpcms": shanxidayuan_phpcms,
    "kbcmw_a": fissico_kbcmw, "kbcmw_b": fissico_kbcmw, "dede_default": fissico_dede_default,
    "dede_table": fissico_dede_table, "sxxww": sxnews_sxxww, "pd2023": sxnews_pd2023,
    "pd2019": sxnews_pd2019, "photo": sxnews_photo, "special": sxnews_special,
    SWITCHED_FAMILY: switched_page,
}


def article_html(a: Article, today: str | None = None, page: int = 1) -> str:
    """An article's page (``page``: which of a multi-page article's pages). GB
    pages print ``today`` (default: now) in their date widget."""
    a = page_of(a, page)
    renderer = ARTICLE_RENDERERS[a.family]
    if a.family in GB_FAMILIES:
        return renderer(a, today)
    return renderer(a)


# --- encodings ---------------------------------------------------------------------------


def encode_page(site: str, html: str) -> bytes:
    # Shanxi News declares gb2312; GB18030 is its superset, as browsers (and w3lib)
    # decode any "gb2312" label.
    return html.encode("gb18030") if site == "sxnews" else html.encode("utf-8")


def content_type(site: str, family: str | None = None) -> str:
    if site != "sxnews":
        return "text/html; charset=utf-8"
    return "text/html; charset=GB2312" if family in GB_FAMILIES or family in (
        "gb", SWITCHED_FAMILY) else "text/html"


def article_content_type(a: Article) -> str:
    return content_type(a.site, a.family)


_GB_LINK = re.compile(r'(href=")(http://(?:{}))?/GB/'.format("|".join(
    re.escape(h) for h in SXNEWS_GB_HOSTS)))
_FANTI = re.compile(r'<a class="fanti" href="[^"]*">繁體</a>')


def big5_page(html: str, gb_url: str) -> bytes:
    """The Traditional copy of a GB page, as a conversion gateway serves it: OpenCC's
    Traditional script, links to /GB/ pages turned into /BIG5/ ones, a 简体 link back,
    big5 bytes with every character big5 lacks as a numeric character reference."""
    text = to_traditional(html)
    text = text.replace("charset=GB2312", "charset=big5")
    text = _GB_LINK.sub(lambda m: f"{m[1]}{m[2] or ''}/BIG5/", text)
    text = _FANTI.sub(f'<a class="jianti" href="{gb_url}">簡體</a>', text)
    return text.encode("big5", errors="xmlcharrefreplace")


BIG5_CONTENT_TYPE = "text/html; charset=big5"


# --- listings, sections and homes ----------------------------------------------------------


def _date_label(site: str, ref: Ref) -> str:
    if site == "sxnews":
        return ref.when.strftime("%Y-%m-%d %H:%M")
    return ref.when.strftime("%Y-%m-%d")


def column_name(model: SiteModel, column: str) -> str:
    col = model.columns[column]
    return to_traditional(col.name) if model.name == "fissico" else col.name


def _pager(model: SiteModel, column: str, page: int, pages: int, relative: bool) -> str:
    col = model.columns[column]

    def href(n: int) -> str:
        if not relative:
            return model.page_url(column, n)
        if col.scheme == "kbcmw":  # DedeCMS numbers every page, the first too
            return f"list_{col.tid}_{n}.html"
        return model.page_url(column, n).rsplit("/", 1)[1]

    links = [f'<a href="{href(1)}">首页</a>']
    if page > 1:
        links.append(f'<a href="{href(page - 1)}">上一页</a>')
    for n in sorted({1, *range(max(1, page - 4), min(pages, page + 5) + 1), pages}):
        links.append(f'<span class="current">{n}</span>' if n == page
                     else f'<a href="{href(n)}">{n}</a>')
    if page < pages:
        links.append(f'<a href="{href(page + 1)}">下一页</a>')
    links.append(f'<a href="{href(pages)}">末页</a>')
    return f'<div class="pages">{" ".join(links)}<span>共{pages}页</span></div>'


def listing_html(model: SiteModel, column: str, page: int, today: str | None = None) -> str | None:
    refs, pages = model.listing(column, page)
    if page > pages:
        return None
    col = model.columns[column]
    name = column_name(model, column)
    if col.scheme == "gb":
        return _gb_listing(model, col, refs, page, pages, today or today_label())
    if col.scheme == "kbcmw":
        return _fissico_listing(model, col, refs, page, pages)
    site = model.name
    items = "".join(
        f'<li><a href="{r.url}" target="_blank">{e(model.title_of(r))}</a> '
        f'<span class="date">{_date_label(site, r)}</span></li>' for r in refs)
    body = (f'<div class="top"><a href="/">{SITE_TITLES[site]}</a></div>\n'
            f'<div class="position">当前位置:<a href="/">首页</a> &gt; {e(name)}</div>\n'
            f'<ul class="list">{items}</ul>\n'
            f"{_pager(model, column, page, pages, relative=False)}")
    if site == "sxnews":
        return _doc(name, body, charset="gb2312", meta_http_equiv=True)
    return _doc(name, body)


def _fissico_listing(model: SiteModel, col: Column, refs: list[Ref], page: int,
                     pages: int) -> str:
    """DedeCMS list template: ``ul.e2`` items with date and intro, a relative pagelist."""
    items = "".join(
        f'<li><a href="{urlpath(r.url)}" class="title">{e(model.title_of(r))}</a>'
        f'<span class="info"><small>日期：</small>{r.when:%Y-%m-%d}</span>'
        f'<p class="intro">{e(model.summary_of(r))}</p></li>' for r in refs)
    section = col.dir.split("/")[2]
    crumbs = (f'<a href="http://fissico.com/">康巴傳媒網</a> &gt; <a href="/html/{section}/">'
              f'{to_traditional(P.FISSICO_SECTIONS[section])}</a> &gt; '
              f'<a href="{col.dir}">{e(column_name(model, col.key))}</a> &gt;')
    pager = _pager(model, col.key, page, pages, relative=True).replace(
        '<div class="pages">', '<div class="dede_pages"><div class="pagelist">', 1) + "</div>"
    body = (f'<div class="header"><a href="/"><img src="/templets/default/images/logo.gif" '
            f'alt="康巴傳媒網"></a></div>\n<div class="place"><strong>當前位置:</strong> {crumbs}'
            f'</div>\n<div class="listbox"><ul class="e2">{items}</ul></div>\n{pager}')
    return _doc(f"{column_name(model, col.key)}_康巴傳媒網", body)


def urlpath(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _gb_listing(model: SiteModel, col: Column, refs: list[Ref], page: int, pages: int,
                today: str) -> str:
    photo = col.family == "photo"
    items = []
    for r in refs:
        pic = '<a class="pic"><img src="/img/blank.gif" alt=""></a>' if photo else ""
        items.append(f'<li>{pic}<h3><a href="{r.url}" target="_blank">{e(model.title_of(r))}'
                     f'</a></h3><p>{e(model.summary_of(r))}</p><div class="tail">'
                     f"{r.when:%Y年%m月%d日%H:%M}</div></li>")
    pager = _pager(model, col.key, page, pages, relative=True).replace(
        '<div class="pages">', '<div class="page_n clearfix">', 1)
    url = model.page_url(col.key, page)
    crumbs = "&gt;&gt;".join(e(c) for c in col.crumbs)
    body = (f"{_gb_top(big5_url(url), today)}\n<div class=\"w1200 clearfix\">"
            f'<div class="ind_nav"><a href="http://www.sxrb.com/">山西新闻网</a>&gt;&gt;{crumbs}'
            f'</div><div class="mod"><div class="mod_hd"><h2>{e(col.name)}</h2></div>'
            f'<div class="mod_bd"><ul class="{"pic_list" if photo else "list_14"}">'
            f'{"".join(items)}</ul></div></div>{pager}</div>\n{_gb_footer()}')
    return _gb_doc(f"{col.name}--山西新闻网", body)


def section_html(model: SiteModel, section: str) -> str | None:
    """fissico's section page (``/html/xw/``): its columns and their newest articles."""
    cols = [c for c in model.columns.values() if c.dir.startswith(f"/html/{section}/")]
    if not cols:
        return None
    blocks = []
    for col in cols:
        refs, _ = model.listing(col.key, 1)
        items = "".join(f'<li><a href="{urlpath(r.url)}">{e(model.title_of(r))}</a></li>'
                        for r in refs[:8])
        blocks.append(f'<div class="tbox"><dl><dt><a href="{col.dir}">'
                      f"{e(column_name(model, col.key))}</a></dt><dd><ul>{items}</ul></dd></dl>"
                      "</div>")
    name = to_traditional(P.FISSICO_SECTIONS.get(section, section))
    return _doc(f"{name}_康巴傳媒網", f'<div class="header"><a href="/">康巴傳媒網</a></div>\n'
                f'<div class="place">當前位置: <a href="/">主頁</a> &gt; {e(name)}</div>\n'
                + "".join(blocks))


def home_html(model: SiteModel, host: str | None = None, today: str | None = None) -> str:
    site = model.name
    host = model.canonical_host(host or model.spec.hosts[0])
    if site == "sxnews":
        return _sxnews_home(model, host, today or today_label())
    nav = "".join(f'<li><a href="{model.page_url(c, 1)}">{e(column_name(model, c))}</a></li>'
                  for c in model.spec.columns)
    items = "".join(
        f'<li><a href="{r.url}">{e(model.title_of(r))}</a> '
        f'<span class="date">{_date_label(site, r)}</span></li>' for r in model.newest(20))
    body = (f'<div class="top"><h1>{SITE_TITLES[site]}</h1></div>\n<ul class="nav">{nav}</ul>\n'
            f'<ul class="news">{items}</ul>')
    return _doc(SITE_TITLES[site], body)


def _sxnews_home(model: SiteModel, host: str, today: str) -> str:
    if host in SXNEWS_GB_HOSTS:
        cols = model.columns_on(host)
        nav = "".join(f'<li><a href="{model.page_url(c.key, 1)}">{e(c.name)}</a></li>'
                      for c in cols)
        hosts = "".join(f'<li><a href="http://{h}/GB/index.html">{e(n)}</a></li>'
                        for h, n in P.SXNEWS_GB_HOSTS.items() if h != host)
        items = "".join(
            f'<li><a href="{r.url}" target="_blank">{e(model.title_of(r))}</a>'
            f"<span>{r.when:%m-%d %H:%M}</span></li>"
            for r in model.newest(20, hosts=(host,), scheme="gb"))
        body = (f"{_gb_top(f'http://{host}/BIG5/index.html', today)}\n"
                f'<div class="w1200"><div class="logo"><a href="http://www.sxrb.com/">'
                f'<img src="/img/logo.png" alt="山西新闻网"></a></div>'
                f'<ul class="channel_nav">{nav}</ul><ul class="hosts">{hosts}</ul>'
                f'<div class="mod_bd"><ul class="focus">{items}</ul></div></div>\n{_gb_footer()}')
        return _gb_doc(P.SXNEWS_GB_HOSTS[host], body)
    # the old site: www.sxrb.com (every old channel, the new hosts) or a city subdomain
    if host == "www.sxrb.com":
        old = [c for c in model.columns.values() if c.scheme == "sxxww"]
        hosts_nav = "".join(f'<li><a href="http://{h}/GB/index.html">{e(n)}</a></li>'
                            for h, n in P.SXNEWS_GB_HOSTS.items())
        newest = model.newest(20, scheme="sxxww")
    else:
        old = [c for c in model.columns_on(host) if c.scheme == "sxxww"]
        hosts_nav = '<li><a href="http://www.sxrb.com/">山西新闻网</a></li>'
        newest = model.newest(20, hosts=(host,), scheme="sxxww")
    nav = "".join(f'<li><a href="{model.page_url(c.key, 1)}">{e(c.name)}</a></li>' for c in old)
    items = "".join(
        f'<li><a href="{r.url}">{e(model.title_of(r))}</a> '
        f'<span class="date">{_date_label("sxnews", r)}</span></li>' for r in newest)
    body = (f'<div class="top"><h1>山西新闻网</h1><div class="slogan">{T.SXNEWS_SLOGAN}</div>'
            f'</div>\n<ul class="nav">{nav}</ul>\n<ul class="sites">{hosts_nav}</ul>\n'
            f'<ul class="news">{items}</ul>')
    return _doc("山西新闻网", body, charset="gb2312", meta_http_equiv=True)


def served_summary(a: Article) -> dict[str, Any]:
    return {"url": a.url, "family": a.family, "variant": a.variant, "site": a.site}
