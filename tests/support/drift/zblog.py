"""Z-BlogPHP pages: the ``default`` theme and news themes built on it.

The shapes: the logo ``h1#BlogTitle`` with an ``h3#BlogSubTitle`` slogan; the post as
``div.post.single`` (``h4.post-date``, ``h2.post-title``, ``div.post-body``,
``h6.post-footer`` with ``作者: | 分类: | 浏览: | 评论:``) or as ``article.post`` with an
``h1`` and a ``div.post-meta`` line ``作者：… | 分类：… | 发布于 …``; ``div.post-tags``;
``ul.msg`` comment lists (long reader comments, full of punctuation, sometimes longer
than the post) and the ``commentpost`` form; sidebar ``dl.function`` widgets (calendar,
最近发表, 最新留言, 文章归档) that print other dates and titles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from tests.support.drift.common import Fixture, record, to_traditional
from tests.support.drift.common import today_widget as _today

FAMILY = "zblog"
# Strings printed on each page that must stay out of its record's text (for checks).
LEFT_OUT: dict[int, list[str]] = {}




def _body(items: list[Any], *, mode: str = "p") -> tuple[str, list[str], list[str]]:
    """Post HTML as Z-Blog's UEditor leaves it, the paragraphs and the captions."""
    out: list[str] = []
    paras: list[str] = []
    left: list[str] = []
    for it in items:
        if isinstance(it, str):
            paras.append(it)
            out.append(f"　　{it}<br/>" if mode == "br" else f"<p>{it}</p>")
        elif it[0] == "h":
            paras.append(it[1])
            out.append(f"<p><strong>{it[1]}</strong></p>")
        elif it[0] == "img":
            left.append(it[2])
            out.append(f'<p style="text-align: center;"><img src="{it[1]}" title="" alt="" '
                       f'/></p><p style="text-align: center;"><span style="color: #7f7f7f;">'
                       f"{it[2]}</span></p>")
    return "\n".join(out), paras, left


def _calendar(y: int, m: int) -> str:
    first = dt.date(y, m, 1)
    days = ((first.replace(month=m % 12 + 1, year=y + m // 12)) - first).days
    cells = ["<td></td>"] * first.weekday()
    cells += [f"<td>{d}</td>" for d in range(1, days + 1)]
    rows = ["<tr>" + "".join(cells[i:i + 7]) + "</tr>" for i in range(0, len(cells), 7)]
    return (f'<table id="tbCalendar"><caption><a href="#">«</a>&nbsp;&nbsp;&nbsp;{y}年{m}月'
            '&nbsp;&nbsp;&nbsp;<a href="#">»</a></caption><thead><tr><th>一</th><th>二</th>'
            "<th>三</th><th>四</th><th>五</th><th>六</th><th>日</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _msgs(comments: list[tuple[str, str, str]]) -> str:
    return "\n".join(
        f'<ul class="msg" id="cmt{i}"><li class="msgname"><img class="avatar" '
        f'src="/zb_users/avatar/0.png" alt="" width="32"/>&nbsp;<span class="commentname">'
        f'<a href="javascript:;" rel="nofollow">{u}</a></span><br/><small>&nbsp;发布于&nbsp;{d}'
        f'&nbsp;&nbsp;<span class="revertcomment"><a href="#comment" onclick="zbp.comment.reply'
        f"('{i}')\">回复该评论</a></span></small></li><li class=\"msgarticle\">{c}"
        f'<label id="AjaxComment{i}"></label></li></ul>'
        for i, (u, d, c) in enumerate(comments, 1))


_FORM = """<div class="commentpost" id="comment"><h4>发表评论：</h4>
<form id="frmSumbit" target="_self" method="post"
action="/zb_system/cmd.php?act=cmt&postid=0&key=0">
<input type="hidden" name="inpId" id="inpId" value="0" />
<input type="hidden" name="inpRevID" id="inpRevID" value="0" />
<p><input type="text" name="inpName" id="inpName" class="text" value="访客" size="28" tabindex="1"
/> <label for="inpName">名称(*)</label></p>
<p><input type="text" name="inpEmail" id="inpEmail" class="text" value="" size="28" tabindex="2" />
<label for="inpEmail">邮箱</label></p>
<p><input type="text" name="inpHomePage" id="inpHomePage" class="text" value="" size="28"
tabindex="3" /> <label for="inpHomePage">网址</label></p>
<p><label for="txaArticle">正文(*)</label>(<a href="#comment"
onclick="zbp.comment.reply(0)">取消回复</a>)</p>
<p><textarea name="txaArticle" id="txaArticle" class="text" cols="50" rows="4" tabindex="5">
</textarea></p>
<p><input name="sumbit" type="submit" tabindex="6" value="提交" onclick="return zbp.comment.post()"
class="button" /></p>
</form>
<p class="postbottom">◎欢迎参与讨论，请在这里发表您的看法、交流您的观点。</p>
</div>"""


def _head(title: str, extra: str = "") -> str:
    return f"""<!DOCTYPE html>
<html xml:lang="zh-Hans" lang="zh-Hans">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
	<meta http-equiv="X-UA-Compatible" content="IE=edge" />
	<meta name="generator" content="Z-BlogPHP 1.7.3" />
	<meta name="renderer" content="webkit">
	<title>{title}</title>
{extra}	<link rel="stylesheet" href="/zb_users/theme/default/style/default.css" type="text/css"
media="all"/>
	<script src="/zb_system/script/jquery-2.2.4.min.js" type="text/javascript"></script>
	<script src="/zb_system/script/zblogphp.js" type="text/javascript"></script>
	<script src="/zb_system/script/c_html_js_add.php" type="text/javascript"></script>
</head>
"""


def _fixture(num: int, url: str, html: str, rec: dict[str, Any], left: list[str], note: str,
             content_type: str = "text/html", trad: bool = False) -> Fixture:
    if trad:
        html = to_traditional(html)
        left = [to_traditional(s) for s in left]
    LEFT_OUT[num] = left
    return Fixture(family=FAMILY, number=num, served_url=url, html=html, charset="utf-8",
                   expected=rec, content_type=content_type, note=note)


def _nav(names: list[str]) -> str:
    return "".join(f'<li><a href="/{"" if n == "首页" else "category-" + str(i) + ".html"}">{n}'
                   "</a></li>" for i, n in enumerate(names))


_SXD_NAV = ["首页", "太原", "大同", "阳泉", "长治", "晋城", "晋中", "忻州", "运城", "临汾",
            "留言本"]


# --- 01: shanxidayuan, news theme: article.post, h1, post-meta, tags, long comments -------

def _p01() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/lzyl/10988.html"
    title = "“五一”假期晋祠博物馆接待游客8.6万人次 创历史同期新高"
    items: list[Any] = [
        "记者5月5日从晋祠博物馆获悉，“五一”假期5天，晋祠博物馆累计接待游客8.6万人次，其中单日最高"
        "接待2.3万人次，创历史同期新高。",
        "假期期间，晋祠博物馆推出“晋祠古建之美”专题讲解、汉服巡游、非遗展演等活动，圣母殿、鱼沼飞梁、"
        "难老泉等景点前游人如织。不少游客身着汉服，在千年古柏下拍照打卡。",
        "“在课本里读过《晋祠》，这次专门带孩子来看看鱼沼飞梁，讲解员讲得很细，孩子听得津津有味。”"
        "来自北京的游客赵先生说。",
        "为应对客流高峰，晋祠博物馆实行分时段预约入园，增加讲解员和安保人员，在主要通道设置单向游览"
        "路线，并开通晋祠至太原南站的旅游专线，方便外地游客往返。",
        "据太原市文旅局统计，“五一”假期全市重点景区共接待游客156万人次，旅游收入同比增长超过两倍，"
        "文旅市场呈现强劲复苏态势。",
    ]
    body, paras, left = _body(items)
    tags = ["晋祠", "五一", "文旅"]
    comments = [
        ("龙城小李", "2023-05-06 16:08",
         "晋祠真的值得一去！！鱼沼飞梁、圣母殿的宋代彩塑都太震撼了……不过人是真多，建议大家早上八点"
         "前进园，错开高峰；另外，讲解一定要请，不然很多细节看不懂。"),
        ("并州过客", "2023-05-06 19:41",
         "“五一”去了，秩序挺好，工作人员也很热情。唯一的建议：园区里的指示牌能不能再多一些？我们在"
         "里面绕了好几圈才找到难老泉。"),
        ("一个历史爱好者", "2023-05-07 10:22",
         "晋祠是我国现存最早的皇家祭祀园林之一，希望在发展旅游的同时，更加注重文物保护——比如限制"
         "圣母殿内的人流量、禁止闪光灯拍照，这些都很必要。"),
    ]
    tag_links = " ".join(f'<a href="/tags-{t}.html" rel="tag">{t}</a>' for t in tags)
    recent = ["太原地铁2号线“五一”客流创新高", "汾河公园樱花季落幕", "太原古县城推出夜游项目"]
    html = _head(f"{title}-太原-山西大院资讯网",
                 f'\t<meta name="keywords" content="{",".join(tags)}" />\n')
    html += f"""<body class="single article">
<div class="topbar"><div class="wrap"><span class="date">{_today(2025, 6, 16)}</span>
<span class="user"><a href="/zb_system/login.php">登录</a> | <a
href="/zb_users/plugin/RegPage/">注册</a></span></div></div>
<header class="header"><div class="wrap">
  <div class="logo"><a href="/">山西大院资讯网</a><p class="desc">立足三晋 服务基层</p></div>
  <form class="search" method="post" action="/zb_system/cmd.php?act=search">
<input type="text" name="q" placeholder="搜索文章"/><button type="submit">搜索</button></form>
</div></header>
<nav class="nav"><div class="wrap"><ul>{_nav(_SXD_NAV)}</ul></div></nav>
<div class="wrap main">
  <div class="content">
    <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/gsyl/lzyl/">太原</a> &gt;
正文</div>
    <article class="post" id="post-10988">
      <h1 class="post-title">{title}</h1>
      <div class="post-meta">作者：大院小编 | 分类：<a href="/gsyl/lzyl/">太原</a> | 发布于
2023-05-06 14:22 | 浏览 326 次</div>
      <div class="post-body">
{body}
      </div>
      <div
class="post-tags">标签：{tag_links}</div>
      <div class="post-nav">
<span class="prev">上一篇：<a href="/gsyl/lzyl/10987.html">太原地铁2号线“五一”客流创新高</a></span>
<span class="next">下一篇：<a href="/gsyl/lzyl/10989.html">汾河公园樱花季落幕</a></span></div>
    </article>
    <ul class="msg msghead"><li class="tbname">评论列表：</li></ul>
{_msgs(comments)}
{_FORM}
  </div>
  <aside class="sidebar">
    <dl class="function" id="divPrevious"><dt class="function_t">最近发表</dt>
<dd class="function_c"><ul>{"".join(f'<li><a href="#">{r}</a></li>' for r in recent)}</ul></dd></dl>
    <dl class="function" id="divCalendar"><dt class="function_t">日历</dt><dd class="function_c">
<div>{_calendar(2023, 5)}</div></dd></dl>
  </aside>
</div>
<footer class="footer"><p>Copyright &copy; 2021-2023 山西大院资讯网 <a
href="https://beian.miit.gov.cn/">晋ICP备2021004312号-1</a></p>
<p>Powered By <a href="https://www.zblogcn.com/" title="RainbowSoft Z-BlogPHP"
target="_blank">Z-BlogPHP</a></p></footer>
</body>
</html>
"""
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2023-05-06T14:22:00+08:00", author="大院小编", category=["太原"],
                 tags=tags)
    left += [*[c for _, _, c in comments], *recent,
             "◎欢迎参与讨论，请在这里发表您的看法、交流您的观点。",
             "立足三晋 服务基层", _today(2025, 6, 16)]
    return _fixture(1, url, html, rec, left,
                    "news theme: article.post with h1, post-meta 作者 | 分类 | 发布于, post-tags, "
                    "comments with punctuation, calendar widget; breadcrumb ends in 正文")


# --- 02: fissico, Traditional, the default theme as shipped plus an old breadcrumb --------

def _p02() -> Fixture:
    url = "http://fissico.com/html/ly/kbmj/81174.html"
    title = "早春时节新都桥雪景如画 摄影爱好者纷至沓来"
    items: list[Any] = [
        "三月的新都桥，一场春雪过后，草原、藏寨和远处的雪山连成一片银白，成片的白杨树挂满雾凇，宛如"
        "一幅水墨画卷。",
        ("img", "/zb_users/upload/2023/03/202303211043219.jpg", "雪后的新都桥镇藏寨"),
        "连日来，来自成都、重庆等地的摄影爱好者纷纷赶到新都桥，在318国道沿线架起“长枪短炮”，捕捉"
        "日出时分雪山被染成金色的瞬间。",
        "“新都桥一年四季都美，但雪后的清晨最让人着迷。”来自成都的摄影爱好者周先生已经是第六次来这里"
        "拍摄。他说，今年当地新修了几处观景平台，拍摄更方便、更安全了。",
        "康定市新都桥镇相关负责人介绍，今年以来镇上接待游客已超过4万人次，民宿、餐馆生意红火。为做好"
        "服务，镇里在主要观景点设置了临时停车场和公共卫生间，并安排志愿者引导游客文明拍摄、安全驾驶。",
    ]
    body, paras, left = _body(items)
    comments = [("川西追光者", "2023-03-21 18:30",
                 "上周刚去过，雪后的清晨确实绝美！路上有冰，大家开车一定慢点。"),
                ("蓉城小周", "2023-03-22 08:12",
                 "观景平台很赞，终于不用站在公路边拍了，安全多了。")]
    recent = ["塔公草原迎来春季转场", "木格措景区恢复开放", "跑马山春季登山节开幕"]
    archives = ["2023年3月 (38)", "2023年2月 (41)", "2023年1月 (35)"]
    html = _head(f"{title}-康巴传媒网")
    html += f"""<body class="single">
<div id="divAll">
	<div id="divPage">
	<div id="divMiddle">
		<div id="divTop">
			<h1 id="BlogTitle"><a href="/">康巴传媒网</a></h1>
			<h3 id="BlogSubTitle">发现康巴之美</h3>
		</div>
		<div id="divNavBar">
<hr/>
<ul>{_nav(["首页", "新闻", "党政要闻", "各县动态", "康巴美景", "旅游资讯"])}</ul>
<hr/>
		</div>
		<div class="breadcrumb">您所在的位置：<a href="/">康巴传媒网</a> &gt;&gt; <a
href="/html/ly/">旅游</a> &gt;&gt; <a href="/html/ly/kbmj/">康巴美景</a> &gt;&gt; 浏览文章</div>
		<div id="divMain">
<div class="post single">
	<h4 class="post-date">2023年03月21日</h4>
	<h2 class="post-title">{title}</h2>
	<div class="post-body">{body}</div>
	<h6 class="post-footer">
		作者:格桑 | 分类:康巴美景 | 浏览:1024 | 评论:2
	</h6>
</div>
<ul class="msg msghead"><li class="tbname">评论列表：</li></ul>
{_msgs(comments)}
{_FORM}
		</div>
		<div id="divSidebar">
<dl class="function" id="divCalendar"><dt class="function_t">日历</dt><dd class="function_c">
<div>{_calendar(2023, 3)}</div></dd></dl>
<dl class="function" id="divPrevious"><dt class="function_t">最近发表</dt><dd class="function_c">
<ul>{"".join(f'<li><a href="#">{r}</a></li>' for r in recent)}</ul></dd></dl>
<dl class="function" id="divArchives"><dt class="function_t">文章归档</dt><dd class="function_c">
<ul>{"".join(f'<li><a href="#">{a}</a></li>' for a in archives)}</ul></dd></dl>
		</div>
		<div id="divBottom">
			<h3 id="BlogCopyRight">Copyright Your WebSite.Some Rights Reserved.</h3>
			<h4 id="BlogPowerBy">Powered By <a href="https://www.zblogcn.com/"
title="RainbowSoft Z-BlogPHP"
target="_blank">Z-BlogPHP</a></h4>
		</div>
	</div>
	</div>
</div>
</body>
</html>
"""
    t = to_traditional
    rec = record(url=url, site="fissico", title=t(title), paragraphs=[t(p) for p in paras],
                 published_at="2023-03-21", author=t("格桑"), category=[t("旅游"), t("康巴美景")])
    left += [*[c for _, _, c in comments], *recent, *archives, "发现康巴之美"]
    return _fixture(2, url, html, rec, left,
                    "Traditional; default theme: logo h1#BlogTitle, h3 slogan, h4.post-date above "
                    "h2.post-title, h6.post-footer with 作者; calendar and archive widgets; grey "
                    "caption paragraph; shipped 'Copyright Your WebSite' footer", trad=True)


# --- 03: sxnews old URL, h1 theme, 来源 in the meta, editor line, busy sidebar ----------

def _p03() -> Fixture:
    url = "http://www.sxrb.com/sxxww/zwpd/gcdt/7642105.shtml"
    title = "我省出台二十条措施支持中小企业纾困发展"
    items: list[Any] = [
        "本报讯（记者 高瑞）日前，省政府办公厅印发《关于支持中小企业纾困发展的若干措施》，从减"
        "轻企业"
        "负担、加大金融支持、稳定职工队伍、优化政务服务等方面推出二十条具体措施，帮助中小企业渡过难关。",
        "在减轻企业负担方面，措施明确，对承租国有资产类经营用房的中小企业，免收3个月房租，减半收取"
        "6个月房租；阶段性减免企业养老、失业、工伤保险单位缴费；中小企业用电、用气实行“欠费不停供”。",
        "在加大金融支持方面，全省各银行业金融机构对受疫情影响较大的中小企业，不得盲目抽贷、断贷、压贷，"
        "对到期还款困难的可予以展期或续贷；政府性融资担保机构对中小企业的担保费率降至1%以下。",
        "在稳定职工队伍方面，对不裁员或少裁员的中小企业，返还上年度实际缴纳失业保险费的50%；对组织"
        "职工参加线上职业技能培训的企业，按规定给予培训补贴。",
        "在优化政务服务方面，全面推行涉企事项“网上办、掌上办、不见面办”，开辟企业复工复产审批绿色"
        "通道，对企业反映的问题实行“即接即办”。",
        "省工信厅相关负责人表示，截至4月8日，全省规模以上中小工业企业复工率已达到97.3%，下一步将加强"
        "政策宣传解读，推动各项措施尽快落地见效，切实增强企业获得感。",
    ]
    body, paras, left = _body(items)
    editor_line = "（责任编辑：孟婕）"
    hot = [("太原至大同高铁全线铺轨完成", "2020-04-02"), ("我省春耕备耕有序推进", "2020-04-06"),
           ("省城公园景区陆续恢复开放", "2020-03-28"),
           ("全省一季度外贸进出口情况发布", "2020-04-08")]
    latest_cmt = [("网友晋阳", "房租减免的政策很实在，希望尽快落地……"),
                  ("小店老板", "担保费率降到1%以下，对我们小微企业太重要了！")]
    html = _head(f"{title} - 山西新闻网",
                 '\t<meta property="og:type" content="article" />\n'
                 f'\t<meta property="og:title" content="{title}" />\n')
    html += f"""<body class="single">
<div class="site-top"><span class="slogan">主流媒体 山西门户</span> <span
class="date">{_today(2025, 6, 17)}</span></div>
<header class="site-header"><h1 class="site-title"><a href="http://www.sxrb.com/">山西新闻网</a>
</h1>
<nav class="site-nav"><ul>{_nav(["首页", "新闻", "政务", "高层动态", "地市", "经济", "文体"])}</ul>
</nav></header>
<div class="container">
  <main class="main">
    <div class="breadcrumb"><a href="http://www.sxrb.com/">山西新闻网</a> » <a
href="/sxxww/zwpd/">政务</a> » <a href="/sxxww/zwpd/gcdt/">高层动态</a></div>
    <article class="post">
      <h1>{title}</h1>
      <div class="post-meta">发布于 2020-04-09 08:30:00 | 来源：山西日报 | 阅读：2381</div>
      <div class="post-body">
{body}
<p>{editor_line}</p>
      </div>
      <div class="share">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a> <a
href="javascript:window.print();">打印</a></div>
    </article>
    <ul class="msg msghead"><li class="tbname">评论列表：</li></ul>
{_FORM}
  </main>
  <aside class="sidebar">
    <dl class="function" id="divHot"><dt class="function_t">热门文章</dt><dd class="function_c">
<ul>{"".join(f'<li><a href="#">{t}</a><span class="date">{d}</span></li>' for t, d in hot)}</ul>
</dd></dl>
    <dl class="function" id="divComments"><dt class="function_t">最新评论</dt>
<dd class="function_c">
<ul>{"".join(f'<li><span>{u}：</span><a href="#">{c}</a></li>' for u, c in latest_cmt)}</ul></dd>
</dl>
    <dl class="function" id="divCalendar"><dt class="function_t">日历</dt><dd class="function_c">
<div>{_calendar(2020, 4)}</div></dd></dl>
    <dl class="function" id="divArchives"><dt class="function_t">文章归档</dt>
<dd class="function_c"><ul><li><a href="#">2020年4月</a></li><li><a href="#">2020年3月</a></li></ul>
</dd></dl>
  </aside>
</div>
<footer class="site-footer">
<p>网站声明：本网站所刊登的山西日报、山西晚报等各种新闻稿件，版权均属山西日报社所有。</p><p>
<a href="https://beian.miit.gov.cn/">晋ICP备05003017号</a> Powered By Z-BlogPHP</p></footer>
</body>
</html>
"""
    rec = record(url=url, site="sxnews", title=title, paragraphs=paras,
                 published_at="2020-04-09T08:30:00+08:00", editor="孟婕", source="山西日报",
                 category=["政务", "高层动态"])
    left += [editor_line, *[t for t, _ in hot], *[c for _, c in latest_cmt],
             "主流媒体 山西门户", _today(2025, 6, 17)]
    return _fixture(3, url, html, rec, left,
                    "h1 site title and h1 headline; post-meta with 发布于 and 来源; editor line in "
                    "the body; og:title; sidebar of dated hot list, latest comments, calendar, "
                    "archives; » breadcrumb")


# --- 04: shanxidayuan, three short paragraphs drowned by long comments ---------------------

def _p04() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/datong/2514.html"
    title = "大同古城墙夜景亮化提升工程完工"
    items: list[Any] = [
        "近日，大同古城墙夜景亮化提升工程完工，全长7.2公里的城墙在夜间呈现出古朴大气的灯光效果。",
        "此次提升更换节能灯具3200余套，并对和阳门、永泰门等城门楼进行了重点照明设计。",
        "亮化工程完工后，城墙夜游将于6月中旬开放，市民游客可登城墙观赏古城夜景。",
    ]
    body, paras, left = _body(items)
    comments = [
        ("云中游子", "2023-06-02 10:46",
         "在外地工作十几年了，看到家乡的城墙越来越漂亮，真的很骄傲！小时候城墙还是一段一段残破的土墙，"
         "现在修复得这么完整，晚上亮起灯来，和阳门那一段简直像画一样。希望夜游开放以后，能把城墙的历史"
         "讲解也做起来——比如在每个城门设个二维码，扫一扫就能听到这段城墙的故事，这样游客不光是看个"
         "热闹，也能了解大同作为北魏都城、辽金西京的历史。另外，票价希望亲民一点，让本地市民也能常去"
         "走走。"),
        ("平城老街坊", "2023-06-02 13:05",
         "灯光确实好看，但提个小意见：东城墙那边有几处灯太亮了，正对着居民楼，晚上拉上窗帘还是晃眼……"
         "能不能调一调角度或者亮度？古城是大家的，既要美，也要让住在附近的老百姓睡个好觉啊！！"),
        ("小王同学", "2023-06-03 21:37",
         "已经期待好久了！！请问夜游是从哪个门上城墙？需要提前预约吗？学生证有没有优惠？"),
    ]
    html = _head(f"{title}_大同_山西大院资讯网")
    html += f"""<body class="single">
<div class="top"><a href="/zb_system/login.php">登录</a> | <a
href="/zb_users/plugin/RegPage/">注册</a></div>
<div class="header"><h1 class="logo"><a href="/">山西大院资讯网</a></h1></div>
<div class="nav"><ul>{_nav(_SXD_NAV)}</ul></div>
<div class="main">
  <div class="crumb"><a href="/">首页</a> » <a href="/gsyl/datong/">大同</a> » 正文</div>
  <article class="post">
    <h2 class="post-title">{title}</h2>
    <div class="post-meta">作者：admin | 分类：大同 | 发布于 2023年06月02日 09:18</div>
    <div class="post-body">
{body}
    </div>
  </article>
  <div class="comments"><h3>网友评论（{len(comments)}条）</h3>
{_msgs(comments)}
  </div>
{_FORM}
</div>
<div class="footer">Copyright &copy; 山西大院资讯网 Powered By Z-BlogPHP <a
href="https://beian.miit.gov.cn/">晋ICP备2021004312号-1</a></div>
</body>
</html>
"""
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2023-06-02T09:18:00+08:00", author="admin", category=["大同"])
    left += [c for _, _, c in comments]
    return _fixture(4, url, html, rec, left,
                    "three short paragraphs; the reader comments are longer than the post; logo h"
                    "1, "
                    "headline h2.post-title; 年月日 time in the post-meta; author admin")


# --- 05: fissico, <br> lines in the post body, reporter credit at the end -----------------

def _p05() -> Fixture:
    url = "http://fissico.com/html/xw/gxdt/69822.html"
    title = "九龙县花椒喜获丰收 椒农人均增收三千元"
    items: list[Any] = [
        "本网讯 金秋时节，九龙县乃渠镇、烟袋镇等地的花椒进入采收尾声，漫山遍野的花椒树上挂满了"
        "红彤彤"
        "的果实，椒农们忙着采摘、晾晒、分拣，处处洋溢着丰收的喜悦。",
        "九龙县地处雅砻江下游，气候温暖、光照充足，所产花椒色泽红艳、麻味浓郁，深受市场欢迎。近年来，"
        "县里大力发展花椒产业，全县花椒种植面积达到8.6万亩，今年干花椒产量预计达到1500吨。",
        "“今年花椒价格好，一斤干花椒能卖到七十多块钱，我家收了三百多斤，收入两万多元。”乃渠镇村民"
        "杨大姐一边晾晒花椒一边说。",
        "为提高花椒品质和附加值，九龙县引进花椒加工企业，建成花椒烘干、分拣、包装生产线，并通过"
        "“公司+合作社+农户”模式，与2000多户椒农签订收购协议，让椒农不愁销路。",
        "据九龙县农牧农村和科技局测算，今年全县椒农人均增收3000元以上，花椒已成为当地群众增收致富的"
        "“红色产业”。",
        "（记者 刘洋 通讯员 王建）",
    ]
    body, paras, left = _body(items, mode="br")
    related = [("九龙县举办首届花椒采摘节", "2021-09-16"),
               ("稻城县藏香猪养殖带动农户增收", "2021-09-28"),
               ("理塘县牦牛肉加工厂投产", "2021-10-05")]
    html = _head(f"{title} - 各县动态 - 康巴传媒网",
                 '\t<meta name="description" content="金秋时节，九龙县的花椒进入采收尾声。" />\n')
    html += f"""<body class="single">
<div class="top"><div class="w">
<span>欢迎来到康巴传媒网</span> <span class="today">{_today(2025, 6, 18)}</span></div></div>
<div class="header w"><div class="logo"><a href="/">
<img src="/zb_users/theme/kbcm/images/logo.png" alt="康巴传媒网"/></a></div></div>
<div class="nav">
<ul class="w">{_nav(["首页", "新闻", "党政要闻", "聚焦甘孜", "各县动态", "旅游"])}</ul></div>
<div class="w main">
  <div class="place">您所在的位置：<a href="/">首页</a> &gt;&gt; <a href="/html/xw/">新闻</a>
&gt;&gt; <a href="/html/xw/gxdt/">各县动态</a> &gt;&gt; 浏览文章</div>
  <article class="post">
    <h2 class="post-title">{title}</h2>
    <div class="post-meta">作者：康巴传媒 | 分类：各县动态 | 发布于 2021-10-09 | 阅读(386)</div>
    <div class="post-body">
{body}
    </div>
    <div class="post-related"><h3>相关阅读</h3>
<ul>{"".join(f'<li><a href="#">{t}</a> <em>{d}</em></li>' for t, d in related)}</ul></div>
  </article>
{_FORM}
</div>
<div class="footer">康巴传媒网 版权所有 <a href="https://beian.miit.gov.cn/">川ICP备12004567号-1</a>
</div>
</body>
</html>
"""
    rec = record(url=url, site="fissico", title=title, paragraphs=paras,
                 published_at="2021-10-09", author="康巴传媒", category=["新闻", "各县动态"])
    left += [*[t for t, _ in related], "欢迎来到康巴传媒网", _today(2025, 6, 18)]
    return _fixture(5, url, html, rec, left,
                    "<br>-separated lines with ideographic indents in div.post-body; reporter "
                    "credit as the last line; fissico breadcrumb ending 浏览文章; related list "
                    "with dates", content_type="text/html; charset=utf-8")


def pages() -> Iterator[Fixture]:
    yield _p01()
    yield _p02()
    yield _p03()
    yield _p04()
    yield _p05()
