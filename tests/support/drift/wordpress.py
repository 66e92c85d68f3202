"""WordPress pages: Chinese news themes built on the ``_s``/Twenty-style markup.

The shapes: Open Graph and ``article:published_time`` meta (in Beijing time or in UTC);
``p.site-title`` or an ``<h1>`` logo; ``nav.breadcrumb`` (ending in the headline on some
pages); ``article.type-post`` with ``h1.entry-title``, ``div.entry-meta`` whose
``time.entry-date`` prints only the date while its ``datetime`` holds the time, plus a
``time.updated`` with a later date; ``div.entry-content`` with Gutenberg blocks
(``wp-block-image`` figures, ``wp-block-heading``, ``wp-block-list``) or classic
``&nbsp;``-indented paragraphs and in-content ads; ``footer.entry-footer`` with 分类 and
标签; ``nav.post-navigation``; ``section.related-posts``; ``#comments`` with the
comment list and the 发表回复 form; sidebar widgets (近期文章, 近期评论, 标签云).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tests.support.drift.common import Fixture, record, to_traditional
from tests.support.drift.common import today_widget as _today

FAMILY = "wordpress"
# Strings printed on each page that must stay out of its record's text (for checks).
LEFT_OUT: dict[int, list[str]] = {}




def _body(items: list[Any], *, mode: str = "blocks") -> tuple[str, list[str], list[str]]:
    """entry-content HTML (Gutenberg blocks or the classic editor), paragraphs, captions."""
    out: list[str] = []
    paras: list[str] = []
    left: list[str] = []
    for it in items:
        if isinstance(it, str):
            paras.append(it)
            out.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{it}</p>" if mode == "classic"
                       else f"<p>{it}</p>")
        elif it[0] == "h":
            paras.append(it[1])
            out.append(f"<p><strong>{it[1]}</strong></p>" if mode == "classic"
                       else f'<h3 class="wp-block-heading">{it[1]}</h3>')
        elif it[0] == "img":
            left.append(it[2])
            if mode == "classic":
                out.append('<p style="text-align: center;"><img decoding="async" '
                           f'class="aligncenter size-full" src="{it[1]}" alt="" width="800" '
                           'height="533" /></p>\n'
                           f'<p style="text-align: center;">{it[2]}</p>')
            else:
                out.append(f'<figure class="wp-block-image size-large"><img decoding="async" '
                           f'loading="lazy" src="{it[1]}" alt="" class="wp-image-1"/>'
                           f'<figcaption class="wp-element-caption">{it[2]}</figcaption></figure>')
        elif it[0] == "li":
            paras += [f"• {x}" for x in it[1]]
            out.append('<ul class="wp-block-list">' + "".join(f"<li>{x}</li>" for x in it[1])
                       + "</ul>")
        elif it[0] == "ad":
            left.append(it[1])
            out.append(f'<div class="ad-in-content"><span class="ad-label">{it[1]}</span>'
                       '<script async src="/wp-content/plugins/ad-inserter/js/ad.js"></script>'
                       "</div>")
    return "\n".join(out), paras, left


def _fixture(num: int, url: str, html: str, rec: dict[str, Any], left: list[str], note: str,
             content_type: str = "text/html", trad: bool = False) -> Fixture:
    if trad:
        html = to_traditional(html)
        left = [to_traditional(s) for s in left]
    LEFT_OUT[num] = left
    return Fixture(family=FAMILY, number=num, served_url=url, html=html, charset="utf-8",
                   expected=rec, content_type=content_type, note=note)


def _head(title: str, metas: list[tuple[str, str]], url: str) -> str:
    meta = "\n".join(f'<meta property="{k}" content="{v}" />' for k, v in metas)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>{title}</title>
<meta name='robots' content='max-image-preview:large' />
<meta property="og:locale" content="zh_CN" />
{meta}
<link rel="canonical" href="{url}" />
<link rel='stylesheet' id='wp-block-library-css'
href='/wp-includes/css/dist/block-library/style.min.css?ver=6.3.1' media='all' />
<link rel='stylesheet' id='newsup-style-css' href='/wp-content/themes/cn-news/style.css?ver=1.2.0'
media='all' />
<script src='/wp-includes/js/jquery/jquery.min.js?ver=3.7.0' id='jquery-core-js'></script>
<style id="wp-custom-css">.updated:not(.published){{display:none}}</style>
</head>
"""


def _widgets(recent: list[tuple[str, str]], rcomments: list[tuple[str, str]],
             cloud: list[str], extra: str = "") -> str:
    rp = "".join(f'<li><a href="#">{t}</a><span class="post-date">{d}</span></li>'
                 for t, d in recent)
    rc = "".join(f'<li class="recentcomments"><span class="comment-author-link">{u}</span>发表在《'
                 f'<a href="#">{t}</a>》</li>' for u, t in rcomments)
    tc = "".join(f'<a href="/tag/{w}/" class="tag-cloud-link" '
                 f'style="font-size: {8 + i % 5 * 2}pt;">'
                 f"{w}</a>\n" for i, w in enumerate(cloud))
    return f"""<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search">
<form role="search" method="get" class="search-form" action="/"><label>
<span class="screen-reader-text">搜索：</span>
<input type="search" class="search-field" placeholder="搜索&hellip;" value="" name="s" /></label>
<input type="submit" class="search-submit" value="搜索" /></form></section>
{extra}<section id="recent-posts-2" class="widget widget_recent_entries">
<h2 class="widget-title">近期文章</h2><ul>{rp}</ul></section>
<section id="recent-comments-2" class="widget widget_recent_comments">
<h2 class="widget-title">近期评论</h2><ul id="recentcomments">{rc}</ul></section>
<section id="tag_cloud-2" class="widget widget_tag_cloud"><h2 class="widget-title">标签云</h2>
<div class="tagcloud">{tc}</div></section>
</aside>
"""


def _comments(title: str, comments: list[tuple[str, str, str, str]], closed: bool = False) -> str:
    items = "\n".join(
        f'<li id="comment-{i}" class="comment depth-1"><article id="div-comment-{i}" '
        f'class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">'
        f"<img alt='' src='/wp-content/uploads/avatar.png' class='avatar avatar-60 photo' "
        f"height='60' width='60' loading='lazy'/><b class=\"fn\">{u}</b><span class=\"says\">说："
        f'</span></div><div class="comment-metadata"><a href="#comment-{i}"><time datetime="{iso}">'
        f'{shown}</time></a></div></footer><div class="comment-content"><p>{c}</p></div>'
        f"<div class=\"reply\"><a rel='nofollow' class='comment-reply-link' href='#'>回复</a>"
        "</div></article></li>" for i, (u, iso, shown, c) in enumerate(comments, 101))
    head = (f'<h2 class="comments-title">《{title}》有{len(comments)}条评论</h2>'
            f'<ol class="comment-list">{items}</ol>' if comments else "")
    if closed:
        form = '<p class="no-comments">评论已关闭。</p>'
    else:
        form = """
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">发表回复
<small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond"
style="display:none;">取消回复</a></small></h3><form action="/wp-comments-post.php" method="post"
id="commentform" class="comment-form" novalidate><p class="comment-notes">
<span id="email-notes">您的电子邮箱地址不会被公开。</span> <span
class="required-field-message">必填项已用 <span class="required">*</span> 标注</span></p>
<p class="comment-form-comment"><label for="comment">评论 <span class="required">*</span>
</label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required>
</textarea></p><p class="comment-form-author">
<label for="author">显示名称 <span class="required">*</span>
</label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" required />
</p><p class="comment-form-email"><label for="email">电子邮箱地址 <span class="required">*</span>
</label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" required />
</p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit"
value="发表评论" /></p></form></div>"""
    return f'<div id="comments" class="comments-area">{head}\n{form}\n</div>\n'


def _postnav(prev_t: str, next_t: str) -> str:
    return ('<nav class="navigation post-navigation" aria-label="文章"><h2 class="screen-reader-'
            'text">文章导航</h2><div class="nav-links"><div class="nav-previous"><a href="#" rel="'
            f'prev"><span class="nav-subtitle">上一篇：</span> <span class="nav-title">{prev_t}'
            '</span></a></div><div class="nav-next"><a href="#" rel="next"><span class="nav-'
            f'subtitle">下一篇：</span> <span class="nav-title">{next_t}</span></a></div></div>'
            "</nav>\n")


def _related(items: list[tuple[str, str]], head: str = "相关阅读") -> str:
    lis = "".join(f'<li><a href="#">{t}</a><time>{d}</time></li>' for t, d in items)
    return (f'<section class="related-posts"><h3 class="related-title">{head}</h3>'
            f"<ul>{lis}</ul></section>\n")


def _masthead(site: str, desc: str, nav: list[str], today: str, h1_logo: bool = False) -> str:
    menu = "".join(f'<li class="menu-item"><a href="/{"" if n == "首页" else "category/x/"}">{n}'
                   "</a></li>" for n in nav)
    brand = (f'<h1 class="site-title"><a href="/" rel="home">{site}</a></h1>' if h1_logo
             else f'<p class="site-title"><a href="/" rel="home">{site}</a></p>')
    return f"""<body class="post-template-default single single-post single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">跳至内容</a>
<header id="masthead" class="site-header">
<div class="top-bar"><div class="container"><span class="top-date">{today}</span>
<span class="top-links"><a href="/wp-login.php">登录</a> | <a
href="/wp-login.php?action=register">注册</a></span></div></div>
<div class="site-branding container">{brand}<p class="site-description">{desc}</p></div>
<nav id="site-navigation" class="main-navigation">
<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">菜单</button>
<ul id="primary-menu" class="menu">{menu}</ul></nav>
</header>
<div id="content" class="site-content container">
"""


def _colophon(text: str) -> str:
    return f"""
<footer id="colophon" class="site-footer"><div class="site-info">{text}<span class="sep"> | </span>
<a href="https://cn.wordpress.org/">自豪地采用WordPress</a></div></footer>
</div>
<script src='/wp-includes/js/comment-reply.min.js?ver=6.3.1' id='comment-reply-js' async></script>
</body>
</html>
"""


_SXD_NAV = ["首页", "太原", "大同", "阳泉", "长治", "晋城", "晋中", "忻州", "运城", "临汾",
            "吕梁"]


# --- 01: shanxidayuan: datetime in the <time> attribute, breadcrumb ending in the headline -

def _p01() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/jinzhong/1790.html"
    title = "榆次城区“一刻钟便民生活圈”实现全覆盖"
    items: list[Any] = [
        "记者从晋中市商务局获悉，截至9月底，榆次城区已建成“一刻钟便民生活圈”42个，覆盖全部98个城市"
        "社区，居民步行15分钟即可满足日常购物、餐饮、维修、家政等基本生活需求。",
        "在榆次区锦纶社区，新改造的便民服务中心里，生鲜超市、早餐店、洗衣店、修鞋配钥匙摊点一应俱全。"
        "社区居民王阿姨说：“以前买菜要坐公交去市场，现在下楼走几分钟就到了，菜价也不贵。”",
        ("img", "/wp-content/uploads/2023/10/jinlun-market.jpg",
         "锦纶社区便民服务中心的生鲜超市。"),
        "晋中市在推进便民生活圈建设中，坚持“缺什么补什么”，通过社区摸底、居民问卷等方式，梳理出"
        "早餐供应、家政服务、养老托育等方面的短板，有针对性地引进品牌连锁企业和个体经营户。",
        "今年以来，全市新增和改造社区菜店、便利店、早餐店等便民网点680余个，其中品牌连锁便利店120家，"
        "新增就业岗位2400多个。",
        "此外，晋中还鼓励商业网点与社区养老、托育服务相结合，在部分社区试点“便利店+助餐”“超市+托管”"
        "等模式，为老年人和双职工家庭提供更多便利。",
        "晋中市商务局相关负责人表示，下一步将推动便民生活圈向县城和中心镇延伸，力争到2025年实现全市"
        "县城便民生活圈全覆盖。",
    ]
    body, paras, left = _body(items)
    tags = ["便民生活圈", "社区商业"]
    comments = [
        ("锦纶社区居民", "2023-10-11T12:03:44+08:00", "2023年10月11日 12:03",
         "我家楼下就新开了一家早餐店，豆腐脑、油条、小笼包都有，价格也实惠，早上送孩子上学前顺路就能"
         "吃上热乎饭，这个政策真心为老百姓办了实事！"),
        ("榆次小张", "2023-10-12T08:47:10+08:00", "2023年10月12日 08:47",
         "希望老城区也能跟上——我们这边的老小区，修鞋、配钥匙的摊子越来越少了，有时候找个修拉链的都得"
         "跑好远……能不能在社区里设个固定的便民维修点？"),
    ]
    recent = [("太谷区秋季农产品展销会开幕", "2023年10月10日"),
              ("晋中市举办重阳节敬老活动", "2023年10月9日"),
              ("平遥国际摄影大展闭幕", "2023年9月28日")]
    rcom = [("晋中老陈", "平遥国际摄影大展闭幕"), ("路人甲", "太谷区秋季农产品展销会开幕")]
    cloud = ["晋中", "平遥", "便民生活圈", "文旅", "乡村振兴", "养老服务", "就业"]
    related = [("晋中市新增社区养老助餐点36个", "2023-09-21"),
               ("榆次老城商业街改造完成", "2023-08-30"),
               ("晋中启动“消费提振年”系列活动", "2023-07-12")]
    html = _head(f"{title} - 山西大院资讯网", [
        ("og:type", "article"), ("og:title", title), ("og:url", url),
        ("og:site_name", "山西大院资讯网"),
        ("article:published_time", "2023-10-11T09:05:33+08:00"),
        ("article:modified_time", "2023-10-12T16:20:05+08:00")], url)
    html += _masthead("山西大院资讯网", "立足三晋 服务基层", _SXD_NAV, _today(2025, 6, 19))
    html += f"""<main id="primary" class="site-main">
<nav class="breadcrumb" aria-label="breadcrumb">
<a href="/">首页</a> » <a href="/gsyl/jinzhong/">晋中</a> » <span class="current">{title}</span>
</nav>
<article id="post-1790"
class="post-1790 post type-post status-publish format-standard hentry category-jinzhong">
<header class="entry-header">
<h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on">发布于 <a href="{url}" rel="bookmark">
<time class="entry-date published" datetime="2023-10-11T09:05:33+08:00">2023年10月11日</time>
<time class="updated" datetime="2023-10-12T16:20:05+08:00">2023年10月12日</time></a></span>
<span class="byline"> 作者：<span class="author vcard">
<a class="url fn n" href="/author/jzrm/">晋中融媒</a></span></span></div>
</header>
<div class="entry-content">
{body}
</div>
<footer class="entry-footer"><span class="cat-links">分类：<a href="/gsyl/jinzhong/"
rel="category tag">晋中</a>
</span> <span
class="tags-links">标签：{"、".join(f'<a href="/tag/{t}/" rel="tag">{t}</a>' for t in tags)}</span>
</footer>
</article>
{_postnav("太谷区秋季农产品展销会开幕", "晋中市举办重阳节敬老活动")}
{_related(related)}
{_comments(title, comments)}</main>
{_widgets(recent, rcom, cloud)}</div>
{_colophon("Copyright &copy; 2021-2023 山西大院资讯网 晋ICP备2021004312号-1")}"""
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2023-10-11T09:05:33+08:00", author="晋中融媒", category=["晋中"],
                 tags=tags)
    left += [*[c for *_, c in comments], *[t for t, _ in recent], *[t for t, _ in related],
             "立足三晋 服务基层", _today(2025, 6, 19)]
    return _fixture(1, url, html, rec, left,
                    "time.entry-date prints the date only, its datetime and article:published_time "
                    "hold the time; hidden time.updated with a later date; breadcrumb ends in the "
                    "headline; tag cloud widget besides the post's own tags; figcaption")


# --- 02: fissico: article:published_time in UTC, date-only print --------------------------

def _p02() -> Fixture:
    url = "http://fissico.com/html/ly/lyzx/87960.html"
    title = "跑马山滑雪场开板迎客 康定冰雪旅游季拉开帷幕"
    items: list[Any] = [
        "11月19日，康定跑马山滑雪场正式开板迎客，标志着康定2023—2024年冰雪旅游季拉开帷幕。开板首日，"
        "滑雪场共接待游客1600余人次。",
        "跑马山滑雪场位于康定城区西南侧，海拔约3600米，今年新增初级雪道2条、魔毯1条，雪道总长度达到"
        "3.8公里，可同时容纳2000名游客滑雪。",
        "“这里离成都只有三个多小时车程，雪质好，人也不多，周末带孩子过来学滑雪特别合适。”来自成都的"
        "游客马先生说。",
        "为提升服务水平，滑雪场新招聘滑雪教练46名，开设儿童滑雪学校，并推出“滑雪+温泉”“滑雪+住宿”等"
        "组合产品。康定市还开通了城区至滑雪场的免费接驳车。",
        "康定市文广旅局相关负责人介绍，冰雪旅游季期间，康定还将举办冰雪嘉年华、藏历新年民俗展演等"
        "活动，力争冬季接待游客人次同比增长20%以上。",
    ]
    body, paras, left = _body(items)
    recent = [("海螺沟冬季日照金山观赏季开启", "2023-11-16"),
              ("稻城亚丁景区冬季门票优惠", "2023-11-10")]
    rcom = [("蓉城滑雪迷", "跑马山滑雪场开板迎客 康定冰雪旅游季拉开帷幕")]
    cloud = ["康定", "滑雪", "冰雪旅游", "海螺沟", "稻城亚丁"]
    html = _head(f"{title} – 康巴传媒网", [
        ("og:type", "article"), ("og:title", f"{title} – 康巴传媒网"),
        ("article:published_time", "2023-11-20T01:30:00+00:00"),
        ("article:section", "旅游资讯")], url)
    html += _masthead("康巴传媒网", "发现康巴之美", ["首页", "新闻", "旅游", "旅游资讯", "专题"],
                      _today(2025, 6, 20), h1_logo=True)
    html += f"""<main id="primary" class="site-main">
<nav class="breadcrumb"><a href="/">首页</a> / <a href="/html/ly/">旅游</a> / <a
href="/html/ly/lyzx/">旅游资讯</a></nav>
<article id="post-87960"
class="post-87960 post type-post status-publish format-standard hentry category-lyzx">
<header class="entry-header">
<h2 class="entry-title">{title}</h2>
<div class="entry-meta"><span class="posted-on">
<time class="entry-date published updated" datetime="2023-11-20T01:30:00+00:00">2023-11-20</time>
</span> <span class="byline">作者：<span class="author vcard"><a href="/author/yangjin/">央金</a>
</span></span> <span class="comments-link"><a href="#respond">发表评论</a></span></div>
</header>
<div class="entry-content">
{body}
</div>
<div class="share-bar">分享到：<a class="share-weixin" href="javascript:;">微信</a> <a
class="share-weibo" href="javascript:;">微博</a> <a class="share-qq" href="javascript:;">QQ</a>
</div>
</article>
{_postnav("海螺沟冬季日照金山观赏季开启", "甘孜州发布冬季自驾安全提示")}
{_comments(title, [])}</main>
{_widgets(recent, rcom, cloud)}</div>
{_colophon("&copy; 2023 康巴传媒网 川ICP备12004567号-1")}"""
    rec = record(url=url, site="fissico", title=title, paragraphs=paras,
                 published_at="2023-11-20T09:30:00+08:00", author="央金",
                 category=["旅游", "旅游资讯"])
    left += [*[t for t, _ in recent], "甘孜州发布冬季自驾安全提示", "发现康巴之美",
             _today(2025, 6, 20)]
    return _fixture(2, url, html, rec, left,
                    "the logo is the h1 and the headline an h2.entry-title; the page prints only "
                    "the date, article:published_time and the datetime hold the time in UTC "
                    "(01:30Z = 09:30 Beijing); og:title carries the site name; share bar")


# --- 03: sxnews old URL: Gutenberg headings, list and figure; published vs updated --------

def _p03() -> Fixture:
    url = "http://www.sxrb.com/sxxww/jjpd/cjxw/qyxx/sxqy/7549026.shtml"
    title = "我省钢铁企业加快高端化转型 前三季度特钢产量增长12%"
    items: list[Any] = [
        "记者从省工信厅获悉，今年前三季度，全省钢铁行业在去产能、调结构中加快向高端化、特色化转型，"
        "特钢产量同比增长12.1%，高于全省粗钢产量增速7.4个百分点。",
        ("h", "特钢产品占比持续提升"),
        "目前，全省钢铁企业特钢和优特钢产品占比已达到38%，比2016年提高了近15个百分点。不锈钢精密带钢、"
        "高强度汽车用钢、核电用钢等一批高端产品实现批量生产，部分产品填补了国内空白。",
        "在太原一家钢铁企业的精密带钢生产车间，厚度仅0.02毫米的不锈钢箔材从轧机中缓缓送出。企业技术"
        "人员介绍，这种箔材广泛应用于航空航天、电子信息、新能源等领域，目前已出口到多个国家和地区。",
        ("img", "/wp-content/uploads/2019/11/steel-foil.jpg",
         "工人在精密带钢生产车间检查产品质量。 记者 武佳 摄"),
        ("h", "智能化改造步伐加快"),
        "各钢铁企业加大技术改造投入，前三季度全省钢铁行业技改投资增长23.5%。一批智能工厂、数字化车间"
        "相继建成，企业生产效率平均提高15%以上，吨钢综合能耗下降4.2%。",
        "主要改造方向包括：",
        ("li", ["炼铁、炼钢工序的智能控制系统；", "轧钢生产线的在线检测和质量追溯；",
                "原料、成品仓储物流的自动化改造。"]),
        ("h", "绿色发展水平不断提高"),
        "全省钢铁企业全面推进超低排放改造，目前已有9家企业完成有组织排放改造，厂区环境明显改善。部分"
        "企业利用余热余压发电，自发电比例达到60%以上。",
        "省工信厅相关负责人表示，下一步将继续推动钢铁行业兼并重组和转型升级，支持企业发展高附加值特钢"
        "产品，打造具有国际竞争力的先进钢铁材料产业集群。",
    ]
    body, paras, left = _body(items)
    related = [("前三季度全省工业经济运行情况发布", "2019-10-25"), ("太原不锈钢产业园新签约项目8个",
               "2019-10-30"), ("我省出台制造业高质量发展意见", "2019-09-17")]
    recent = [("我省前三季度外贸进出口增长", "2019-11-04"),
              ("全省煤炭先进产能占比提高", "2019-11-01")]
    cloud = ["特钢", "转型升级", "智能制造", "超低排放", "工业经济"]
    html = _head(f"{title} | 山西新闻网", [
        ("og:type", "article"), ("og:title", title),
        ("article:published_time", "2019-11-05T10:20:00+08:00"),
        ("article:modified_time", "2019-11-06T08:12:00+08:00")], url)
    html += _masthead("山西新闻网", "主流媒体 山西门户",
                      ["首页", "新闻", "政务", "经济", "地市", "文体", "旅游"], _today(2025, 6, 23))
    html += f"""<main id="primary" class="site-main">
<nav class="breadcrumb"><a href="http://www.sxrb.com/">山西新闻网</a> &gt; <a
href="/sxxww/jjpd/">经济</a> &gt; <a href="/sxxww/jjpd/cjxw/">财经新闻</a> &gt; <a
href="/sxxww/jjpd/cjxw/qyxx/">企业</a></nav>
<article id="post-7549026"
class="post-7549026 post type-post status-publish format-standard hentry">
<header class="entry-header">
<h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on">发布时间：<time class="entry-date published"
datetime="2019-11-05T10:20:00+08:00">2019-11-05 10:20</time>
<time class="updated" datetime="2019-11-06T08:12:00+08:00">2019-11-06 08:12</time>
</span>　<span class="source">来源：山西经济日报</span>　<span class="byline">作者：<span
class="author vcard">武佳</span></span></div>
</header>
<div class="entry-content">
{body}
</div>
</article>
{_postnav("我省前三季度外贸进出口增长", "全省煤炭先进产能占比提高")}
{_related(related, "推荐阅读")}
{_comments(title, [], closed=True)}</main>
{_widgets(recent, [], cloud)}</div>
{_colophon("网站声明：本网所载山西日报社各报稿件版权均属山西日报社所有 晋ICP备05003017号")}"""
    rec = record(url=url, site="sxnews", title=title, paragraphs=paras,
                 published_at="2019-11-05T10:20:00+08:00", author="武佳", source="山西经济日报",
                 category=["经济", "财经新闻", "企业"])
    left += [*[t for t, _ in related], *[t for t, _ in recent], "评论已关闭。", _today(2025, 6, 23)]
    return _fixture(3, url, html, rec, left,
                    "Gutenberg h3 headings, a list and a figure with a credit in its caption; "
                    "published and (hidden) updated times side by side; comments closed; "
                    "breadcrumb three levels below the site name")


# --- 04: shanxidayuan: classic editor, 25 paragraphs, in-content ads, share bar -----------

def _p04() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/changzhi/1602.html"
    title = "长治市2023年十项民生实事全部完成"
    items: list[Any] = [
        "岁末将至，长治市2023年确定的十项民生实事已全部完成年度任务，累计投入资金38.6亿元，惠及群众"
        "超过200万人次。",
        "今年年初，长治市通过网络征集、代表委员建议、部门调研等方式，从群众最关心的就业、教育、医疗、"
        "养老、住房、出行等领域筛选出十项民生实事，实行清单化管理、项目化推进。",
        ("h", "一、城镇新增就业3.2万人"),
        "全年实现城镇新增就业3.2万人，农村劳动力转移就业2.1万人，开展职业技能培训5.6万人次，城镇登记"
        "失业率控制在4.5%以内。",
        ("h", "二、新建改扩建中小学和幼儿园25所"),
        "新建、改扩建中小学和幼儿园25所，新增学位1.8万个，城区“大班额”问题基本消除，普惠性幼儿园"
        "覆盖率达到90%。",
        ("h", "三、提升基层医疗服务能力"),
        "完成120个村卫生室标准化建设，为12个乡镇卫生院配备DR、彩超等设备，城乡居民家庭医生签约服务"
        "覆盖率达到68%。",
        ("ad", "广告"),
        ("h", "四、新增养老服务床位1500张"),
        "新建社区养老服务综合体8个、农村互助幸福院60个，新增养老服务床位1500张，为2600户特殊困难老年人"
        "家庭实施适老化改造。",
        ("h", "五、改造城镇老旧小区126个"),
        "完成城镇老旧小区改造126个，惠及居民3.4万户，同步加装电梯58部，新建停车位4200个。",
        ("h", "六、新建改造城市道路30条"),
        "新建改造城市道路30条，打通“断头路”11条，新增公交线路6条，新能源公交车占比提高到95%。",
        ("h", "七、建设农村供水保障工程"),
        "实施农村供水保障工程86处，巩固提升12.6万农村人口供水保障水平，农村自来水普及率达到96%。",
        ("ad", "推广"),
        ("h", "八、新建城市公园和口袋公园40个"),
        "新建城市公园和口袋公园40个，新增绿地面积180万平方米，建成城市绿道56公里。",
        ("h", "九、开展文化惠民活动2000场"),
        "组织开展送戏下乡、公益电影放映、全民阅读等文化惠民活动2000余场，新建城市书房15个。",
        ("h", "十、提升食品药品安全水平"),
        "完成食品安全抽检1.2万批次，建成“互联网+明厨亮灶”餐饮单位3500家，农贸市场快检室实现全覆盖。",
        "“民生实事办得好不好，群众说了算。”长治市政府有关负责人表示，今年市里组织人大代表、政协委员"
        "和群众代表对各项实事进行了跟踪督查和满意度测评，综合满意度达到95.3%。",
        "据悉，长治市已启动2024年民生实事项目征集工作，市民可通过市政府门户网站、政务服务热线等渠道"
        "提出意见建议。",
        "（记者 秦峰）",
    ]
    body, paras, left = _body(items, mode="classic")
    tags = ["民生实事", "长治"]
    recent = [("长治市冬季供暖运行平稳", "2023-12-04"), ("上党区新建高标准农田3万亩", "2023-12-01")]
    rcom = [("潞州网友", "长治市冬季供暖运行平稳")]
    cloud = ["长治", "民生实事", "就业", "教育", "养老", "老旧小区"]
    intro = ("山西大院资讯网关注百姓身边事，报道各市县的政务动态和民生服务，欢迎通过投稿邮箱和"
             "留言板向我们提供新闻线索。")
    about = ('<section id="text-2" class="widget widget_text">'
             '<h2 class="widget-title">关于我们</h2>'
             f'<div class="textwidget"><p>{intro}</p></div></section>\n')
    html = _head(f"{title}_长治_山西大院资讯网", [("og:type", "article"), ("og:title", title)], url)
    html = html.replace("</head>", '<meta name="publishdate" content="2023-12-05 08:00:00" />\n'
                        "</head>")
    html += _masthead("山西大院资讯网", "立足三晋 服务基层", _SXD_NAV, _today(2025, 6, 24))
    html += f"""<main id="primary" class="site-main">
<nav class="breadcrumb"><span>当前位置：</span>
<a href="/">首页</a> &gt; <a href="/gsyl/changzhi/">长治</a> &gt; 正文</nav>
<article id="post-1602"
class="post-1602 post type-post status-publish format-standard hentry category-changzhi">
<header class="entry-header">
<h1 class="entry-title">{title}</h1>
<div class="entry-meta">发布时间：<time class="entry-date published updated"
datetime="2023-12-05T08:00:00+08:00">2023-12-05 08:00</time>　来源：长治日报　浏览次数：1,286</div>
</header>
<div class="font-size">字号：<a href="javascript:;" data-size="18">大</a> <a href="javascript:;"
data-size="16">中</a> <a href="javascript:;" data-size="14">小</a></div>
<div class="entry-content">
{body}
</div>
<div class="share-bar">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a> <a
href="javascript:;">QQ空间</a> <a href="javascript:window.print();">打印</a></div>
<footer class="entry-footer">
<span
class="tags-links">标签：{" ".join(f'<a href="/tag/{t}/" rel="tag">{t}</a>' for t in tags)}</span>
</footer>
</article>
{_postnav("长治市冬季供暖运行平稳", "上党区新建高标准农田3万亩")}
{_comments(title, [])}</main>
{_widgets(recent, rcom, cloud, about)}</div>
{_colophon("Copyright &copy; 2021-2023 山西大院资讯网 晋ICP备2021004312号-1")}"""
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2023-12-05T08:00:00+08:00", source="长治日报",
                 category=["长治"], tags=tags)
    left += [*[t for t, _ in recent], intro, _today(2025, 6, 24)]
    return _fixture(4, url, html, rec, left,
                    "classic editor: 25 &nbsp;-indented paragraphs with ten bold subheads and two "
                    "in-content ad boxes; 浏览次数; font-size links; share bar; publishdate meta; "
                    "text widget with the site introduction")


# --- 05: fissico, Traditional: 年月日 time print, editor line, comments closed -------------

def _p05() -> Fixture:
    url = "http://fissico.com/html/xw/jjgz/89634.html"
    title = "甘孜州2024年第一季度重点项目集中开工 总投资逾三百亿元"
    items: list[Any] = [
        "本网讯（记者 向秋）2月26日，甘孜州2024年第一季度重点项目集中开工活动在康定市举行。此次集中"
        "开工项目共42个，总投资312亿元，涵盖清洁能源、交通基础设施、文旅融合、民生保障等领域。",
        "在康定主会场，一期工程总投资18亿元的康定城市综合管廊项目正式开工。项目建成后，将有效解决城区"
        "管线老化、道路反复开挖等问题。",
        "与此同时，泸定、理塘、石渠等县设立分会场，同步开工了一批公路改造、水利设施、学校医院等项目。",
        "从项目类别看，清洁能源项目11个、总投资156亿元，交通基础设施项目9个、总投资74亿元，文旅融合"
        "项目8个、总投资39亿元，民生保障项目14个、总投资43亿元。",
        "州发改委相关负责人表示，今年全州计划实施重点项目360个，年度计划投资580亿元。各地各部门将强化"
        "要素保障，实行“一个项目、一名领导、一套班子、一抓到底”的推进机制，确保项目早建成、早见效。",
    ]
    body, paras, left = _body(items)
    editor_line = "（责任编辑：卓玛）"
    related = [("全州2023年固定资产投资增长9.2%", "2024-01-30"),
               ("康定城市综合管廊项目完成设计", "2023-12-18"),
               ("甘孜州召开优化营商环境大会", "2024-02-20")]
    recent = [("州委经济工作会议召开", "2024-02-23"), ("理塘县新建高原光伏项目签约", "2024-02-19")]
    cloud = ["重点项目", "清洁能源", "康定", "营商环境"]
    html = _head(f"{title} - 聚焦甘孜 - 康巴传媒网", [
        ("og:type", "article"), ("og:title", f"{title} - 康巴传媒网"),
        ("article:published_time", "2024-02-27T15:40:00+08:00")], url)
    html += _masthead("康巴传媒网", "甘孜日报社主办",
                      ["首页", "新闻", "党政要闻", "聚焦甘孜", "各县动态",
                                                "旅游"], _today(2025, 6, 25))
    html += f"""<main id="primary" class="site-main">
<nav class="breadcrumb">您所在的位置：<a href="/">康巴传媒网</a> &gt;&gt; <a
href="/html/xw/">新闻</a> &gt;&gt; <a href="/html/xw/jjgz/">聚焦甘孜</a> &gt;&gt; 浏览文章</nav>
<article id="post-89634"
class="post-89634 post type-post status-publish format-standard hentry category-jjgz">
<header class="entry-header">
<h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on">
<time class="entry-date published" datetime="2024-02-27T15:40:00+08:00">2024年2月27日 15:40</time>
</span>　<span class="source">来源：甘孜日报</span></div>
</header>
<div class="entry-content">
{body}
<p class="editor">{editor_line}</p>
</div>
</article>
{_postnav("州委经济工作会议召开", "理塘县新建高原光伏项目签约")}
{_related(related, "相关新闻")}
{_comments(title, [], closed=True)}</main>
{_widgets(recent, [], cloud)}</div>
{_colophon("康巴传媒网 版权所有 川ICP备12004567号-1")}"""
    t = to_traditional
    rec = record(url=url, site="fissico", title=t(title), paragraphs=[t(p) for p in paras],
                 published_at="2024-02-27T15:40:00+08:00", editor=t("卓玛"), source=t("甘孜日报"),
                 category=[t("新闻"), t("聚焦甘孜")])
    left += [editor_line, *[x for x, _ in related], *[x for x, _ in recent], "评论已关闭。",
             _today(2025, 6, 25)]
    return _fixture(5, url, html, rec, left,
                    "Traditional; fissico breadcrumb inside nav.breadcrumb; 年月日 time; editor "
                    "line closing the entry-content; og:title with the site name; comments closed",
                    trad=True)


def pages() -> Iterator[Fixture]:
    yield _p01()
    yield _p02()
    yield _p03()
    yield _p04()
    yield _p05()
