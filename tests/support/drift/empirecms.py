"""EmpireCMS (帝国) pages: the table-based default 新闻内容模板 and div-based themes.

The shapes: ``table.position`` / ``div.position`` breadcrumbs with ``&nbsp;>&nbsp;``;
``table.title_info`` or ``div.title_info`` holding an ``<h1>`` and the info line with
the ``/e/public/ViewClick/?classid=…&id=…&addclick=1`` counter script; the body in
``td#text`` or ``div.newstext``; the ``【发表评论】【加入收藏】【打印此文】【关闭窗口】`` line;
``/e/pl/`` comment scripts, lists and forms; 引题/副题 (``ftitle``) around the headline;
and the shanxidayuan theme (counter widgets, a meta line ``author region datetime
comments tags``, 版权声明 with 本文地址, 留言与评论, 关于山西大院新闻网, English footer).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tests.support.drift.common import Fixture, record, to_traditional
from tests.support.drift.common import today_widget as _today

FAMILY = "empirecms"
# Strings printed on each page that must stay out of its record's text (for checks).
LEFT_OUT: dict[int, list[str]] = {}




def _body(items: list[Any], *, mode: str = "p", indent: str = "", font: bool = False,
          img: str = "center") -> tuple[str, list[str], list[str]]:
    """Body HTML as EmpireCMS's editor leaves it, the paragraphs and the captions."""
    out: list[str] = []
    paras: list[str] = []
    left: list[str] = []
    for it in items:
        if isinstance(it, str):
            paras.append(it)
            text = f'<font face="宋体" size="3">{it}</font>' if font else it
            if mode == "br":
                out.append(f"{indent}{text}<br />")
            else:
                out.append(f"<p>{indent}{text}</p>")
        elif it[0] == "h":
            paras.append(it[1])
            out.append(f"<strong>{it[1]}</strong><br />" if mode == "br"
                       else f"<p>{indent}<strong>{it[1]}</strong></p>")
        elif it[0] == "img":
            left.append(it[2])
            if img == "figure":
                out.append(f'<figure class="image"><img src="{it[1]}" alt="" />'
                           f"<figcaption>{it[2]}</figcaption></figure>")
            else:
                out.append(f'<p align="center"><img border="0" src="{it[1]}" /></p>\n'
                           f'<p align="center"><font color="#0000ff">{it[2]}</font></p>')
    return "\n".join(out), paras, left


def _fixture(num: int, url: str, html: str, charset: str, rec: dict[str, Any], left: list[str],
             note: str, content_type: str = "text/html", trad: bool = False) -> Fixture:
    if trad:
        html = to_traditional(html)
        left = [to_traditional(s) for s in left]
    LEFT_OUT[num] = left
    return Fixture(family=FAMILY, number=num, served_url=url, html=html, charset=charset,
                   expected=rec, content_type=content_type, note=note)


def _li(items: list[tuple[str, str]], base: str) -> str:
    return "\n".join(f'<li><span>{d}</span><a href="{base}{i}.html" target="_blank">{t}</a></li>'
                     for i, (t, d) in enumerate(items, 1))


_SXD_NAV = ["首页", "太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾",
            "吕梁"]

_SXD_ABOUT = ("山西大院是公共的资讯平台，公开、绿色、守法，服务于广大本地网民，汇集本地政务、民生、"
              "文旅等资讯，并提供本地公共服务导航，方便网友一站式办理业务。")
_SXD_EN = ("copyright protection: All articles, text, video, pictures and music on this site are "
           "reproduced for learning and communication only and do not mean that the site agrees "
           "with their views; if there is any problem, please contact the webmaster.")


# --- 01: shanxidayuan theme, gbk, meta line with region and tags -------------------------

def _p01() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/lzyl/10412.html"
    title = "太原启动2022—2023冰雪季 全市推出50余项冬季文旅活动"
    items: list[Any] = [
        "12月1日，太原市2022—2023冰雪季正式启动。本次冰雪季以“冰雪龙城 暖冬太原”为主题，将持续"
        "至明年2月底，全市各县（市、区）和重点景区将陆续推出冰雪运动、民俗展演、美食购物等50余项"
        "冬季文旅活动。",
        "据介绍，今年冰雪季重点打造汾河冰雪嘉年华、晋阳湖冰雪乐园、古县城新春灯会三大主题活动。"
        "其中，汾河冰雪嘉年华设在汾河公园南段，规划面积约12万平方米，设有冰滑梯、雪地摩托、冰上"
        "自行车等20多个娱乐项目。",
        "在西山一带，多家滑雪场已完成造雪和设备检修，计划于12月中旬陆续开放。太原市文旅局联合各"
        "滑雪场推出“冰雪进校园”活动，组织中小学生免费体验滑雪基础课程，预计参与学生超过2万人次。",
        "为激活冬季消费，太原市还将分批次发放文旅消费券，市民和游客可在线上平台领取，在全市A级景区、"
        "滑雪场、星级饭店等场所使用。同时，多家景区推出冬季门票优惠，部分景区对60岁以上老人、现役"
        "军人等群体实行免票。",
        "太原古县城将在春节期间举办新春灯会和非遗年货大集，邀请剪纸、面塑、太原锣鼓等非遗项目传承人"
        "现场展示，让游客在古城里感受浓浓的“年味”。",
        "“冬季是太原旅游的淡季，我们希望通过冰雪季系列活动，把冬天的‘冷资源’变成‘热经济’。”"
        "太原市文旅局相关负责人表示，冰雪季期间，各景区将严格落实安全管理措施，做好游客限量、预约"
        "和错峰工作。",
        "据了解，去年冬季太原市共接待游客1120万人次，冰雪旅游成为冬季文旅消费新的增长点。",
    ]
    body, paras, left = _body(items, indent="&nbsp;&nbsp;")
    tags = ["冰雪", "文旅", "消费"]
    tag_links = " ".join(f'<a href="/e/tags/?tagname={t}" rel="tag">{t}</a>' for t in tags)
    copyright_lines = ["本文仅代表作者观点，不代表本站立场。",
                       "本文系作者授权发表，未经许可，不得转载。", f"本文地址：{url}"]
    html = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{title}-大院网-山西大院资讯网</title>
<meta name="keywords" content="{",".join(tags)}" />
<meta name="description" content="12月1日，太原市2022—2023冰雪季正式启动。" />
<link href="/skin/dayuan/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/skin/dayuan/js/jquery.min.js"></script>
</head>
<body>
<header class="header">
  <div class="container"><div class="logo">
<a href="/" title="山西大院资讯网">大院网-山西大院资讯网</a></div>
  <nav class="nav"><ul>{"".join(f'<li><a href="/gsyl/">{n}</a></li>' for n in _SXD_NAV)}</ul></nav>
  <div class="search"><form action="/e/search/index.php" method="post">
<input type="hidden" name="show" value="title" />
<input name="keyboard" type="text" placeholder="搜索" /><button type="submit">搜索</button></form>
</div></div>
</header>
<div class="container">
  <div class="content-wrap">
    <div class="counter"><span class="num" id="diggnum">0</span></div>
    <article class="article-content">
      <h1 class="article-title">{title}</h1>
      <div class="article-meta">
        <span class="item author">网络编辑</span>
        <span class="item area">太原</span>
        <span class="item time">2022-12-02 15:26:40</span>
        <span class="item pl"><a href="/e/pl/?classid=2&amp;id=10412">0</a></span>
        <span
class="item tags">{tag_links}</span>
        <script src="/e/public/ViewClick/?classid=2&id=10412&addclick=1"></script>
      </div>
      <div class="article-body">
{body}
      </div>
      <div class="counter"><span class="num">0</span></div>
      <div class="qrcode"><img src="/e/extend/qrcode/?url={url}" alt="" />
<p>扫一扫在手机打开当前页面</p></div>
      <div class="article-copyright"><h3>版权声明</h3><p>{"<br />".join(copyright_lines)}</p></div>
    </article>
    <div class="pl-box" id="plpost">
      <h3>留言与评论（共有 0 条评论）</h3>
      <form action="/e/pl/doaction.php" method="post" name="saypl" id="saypl">
<textarea name="saytext" id="saytext" rows="6"></textarea>
      <p><input name="username" type="text" placeholder="昵称" /> 验证码：<input name="key"
type="text" size="6" /><img src="/e/ShowKey/?v=pl" alt="" /> <input type="submit" value="提交评论"
/></p>
      <input name="id" type="hidden" value="10412" />
<input name="classid" type="hidden" value="2" /><input name="enews" type="hidden" value="AddPl" />
</form>
      <script src="/e/pl/more/?classid=2&id=10412&num=10"></script>
    </div>
  </div>
  <aside class="sidebar"><div class="widget about"><h3>关于山西大院新闻网</h3><p>{_SXD_ABOUT}</p>
</div></aside>
</div>
<footer class="footer">
  <p>山西大院新闻网</p>
  <p>Copyright &copy;山西大院新闻网</p>
  <p>{_SXD_EN}</p>
  <p>版权声明：本站文章、图片多来源于网络转载，仅限于学习交流，如有问题请联系站长处理！</p>
  <p>E-mail: <a href="/cdn-cgi/l/email-protection" class="__cf_email__"
data-cfemail="3f4c4b5e59597f4c574b5e4650">[email&#160;protected]</a></p>
</footer>
<script data-cfasync="false" src="/cdn-cgi/scripts/5c5dd728/cloudflare-static/email-decode.min.js">
</script>
</body>
</html>
"""
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2022-12-02T15:26:40+08:00", author="网络编辑", region="太原",
                 tags=tags)
    left += [*copyright_lines, "扫一扫在手机打开当前页面", _SXD_ABOUT, _SXD_EN,
             "留言与评论（共有 0 条评论）"]
    return _fixture(1, url, html, "gbk", rec, left,
                    "the shanxidayuan theme: counter widgets, meta line author region datetime "
                    "comments tags, 版权声明 with 本文地址, comment form, about block, English "
                    "footer, Cloudflare e-mail; no breadcrumb",
                    content_type="text/html; charset=gbk")


# --- 02: shanxidayuan, gb18030, the table-based default template -------------------------

def _p02() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/datong/2391.html"
    title = "大同市博物馆推出元代书画精品展 赵孟𫖯等名家作品亮相"
    items: list[Any] = [
        "4月11日，“翰墨流芳——元代书画精品展”在大同市博物馆开幕。展览汇集了国内多家文博单位收藏的"
        "元代书画作品及相关文物68件（套），其中一级文物12件，展期将持续至7月底。",
        "展览分为“承古开新”“文人雅集”“书风流变”三个单元，以赵孟𫖯、鲜于枢、倪瓒、王冕等元代书画"
        "名家的作品为主线，系统展示元代书画艺术的发展脉络和时代风貌。",
        ("img", "/d/file/gsyl/datong/2023-04-12/8f3a1c.jpg", "观众在展厅内欣赏元代书法作品。"),
        "赵孟𫖯是元代最具影响力的书画家之一，其书法被后世称为“赵体”。此次展出的行书手卷笔法圆润、"
        "结构匀称，是展览的重点展品之一，开展首日便吸引了大批书法爱好者前来观摩。",
        "“平时只能在字帖上看到赵孟𫖯的字，这次能近距离看到原作，感觉特别震撼。”从事书法教学二十多年"
        "的大同市民刘志刚说，他专门带着学生来看展。",
        "为配合展览，大同市博物馆还将在展期内举办书法讲座、临摹体验、少儿书画课堂等社会教育活动"
        "20余场，并推出线上数字展厅，让更多观众足不出户就能欣赏展品。",
        "大同市博物馆相关负责人介绍，展览实行免费预约参观，观众可通过博物馆微信公众号提前预约，"
        "周一闭馆（法定节假日除外）。",
    ]
    body, paras, left = _body(items, indent="　　", font=True)
    related = [("云冈石窟数字展在京开幕", "2023-04-06"),
               ("大同古城墙南段修缮工程启动", "2023-03-28"),
               ("华严寺举办春季文化讲座", "2023-04-02")]
    prev_t, next_t = "大同火山群地质公园春季开园", "广灵县剪纸艺术节开幕"
    html = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb18030">
<title>{title}</title>
<meta name="keywords" content="元代书画,大同市博物馆,展览">
<meta name="description" content="4月11日，“翰墨流芳——元代书画精品展”在大同市博物馆开幕。">
<link href="/skin/default/css/style.css" rel="stylesheet" type="text/css">
<script type="text/javascript" src="/e/data/js/ajax.js"></script>
</head>
<body class="listpage">
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="top">
<tr><td><div class="today">{_today(2025, 6, 9)}</div></td>
<td align="right"><a href="/e/member/login/">登录</a> | <a href="/e/member/register/">注册</a> | <a
onclick="window.external.addFavorite(location.href,document.title)" href="#ecms">加入收藏</a> | <a
href="/sitemap.html">网站地图</a></td></tr>
</table>
<table width="920" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td width="240" align="center"><a href="/">
<img src="/skin/default/images/logo.gif" alt="山西大院资讯网" width="200" height="65" border="0">
</a></td>
<td align="center"><a href="/e/public/ClickAd?adid=2" target="_blank">
<img src="/d/file/p/ad/banner_datong.gif" width="680" height="60" border="0" alt="广告"></a></td>
</tr>
</table>
<table width="100%" border="0" cellpadding="0" cellspacing="0" class="nav">
<tr><td class="nav_global">
<ul>{"".join(f'<li><a href="/gsyl/">{n}</a></li>' for n in _SXD_NAV)}</ul></td></tr>
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="position">
<tr><td>现在的位置：<a href="/">首页</a>&nbsp;>&nbsp;<a href="/gsyl/datong/">大同</a>&nbsp;>&nbsp;<a
href="/gsyl/datong/wh/">文化</a></td></tr>
</table>
<table width="100%" border="0" cellspacing="10" cellpadding="0">
<tr valign="top">
<td class="list_content"><table width="100%" border="0" cellpadding="0" cellspacing="0" class="box">
<tr><td><table width="100%" border="0" cellpadding="0" cellspacing="0" class="title_info">
<tr><td><h1>{title}</h1></td></tr>
<tr><td class="info_text">时间:2023-04-12
09:31:20&nbsp;&nbsp;来源:大同日报&nbsp;&nbsp;作者:张瑞&nbsp;&nbsp;点击:<script
src=/e/public/ViewClick/?classid=12&id=2391&addclick=1></script>次</td></tr>
</table>
<table width="100%" border="0" cellpadding="0" cellspacing="0" id="text">
<tr><td>
{body}
</td></tr>
</table>
<div class="page"></div>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="line">
<tr><td align="center">【<a href="/e/pl/?classid=12&amp;id=2391" target="_blank">发表评论</a>】【<a
href="/e/public/addfava/?classid=12&amp;id=2391" target="_blank">加入收藏</a>】【<a
href="/e/public/report/?classid=12&amp;id=2391" target="_blank">告诉好友</a>】【<a
href="/e/DoPrint/?classid=12&amp;id=2391" target="_blank">打印此文</a>】【<a
href="javascript:window.close();">关闭窗口</a>】</td></tr>
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="digg"><tr><td>
<script type="text/javascript" src="/e/public/digg/?classid=12&id=2391">
</script>顶一下<br />(0)</td><td>踩一下<br />(0)</td></tr></table>
</td></tr>
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="box">
<tr><td>上一篇：<a href="/gsyl/datong/2390.html">{prev_t}</a>
<br />下一篇：<a href="/gsyl/datong/2392.html">{next_t}</a></td></tr>
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="box">
<tr><td class="title"><strong>相关新闻</strong></td></tr>
<tr><td><ul class="list_news">
{_li(related, "/gsyl/datong/23")}
</ul></td></tr>
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="box">
<tr><td class="title"><strong>网友评论</strong></td><td align="right">
<a href="/e/pl/?classid=12&amp;id=2391">查看所有评论</a></td></tr>
<tr><td colspan="2"><script src="/e/pl/more/?classid=12&id=2391&num=10"></script>
<form action="/e/pl/doaction.php" method="post" name="saypl" id="saypl">用户名:<input
name="username" type="text" size="12" /> 密码:<input name="password" type="password" size="12" />
验证码:<input name="key" type="text" size="6" /> <input name="nomember" type="checkbox" value="1"
checked="checked" />匿名发表<br /><textarea name="saytext" cols="58" rows="6"></textarea><br />
<input name="imageField" type="submit" value="提 交" /></form></td></tr>
</table></td>
<td class="sider"><table width="100%" border="0" cellspacing="0" cellpadding="0" class="box"><tr>
<td class="title">广告</td></tr><tr><td><script src="/d/js/acmsd/thea3.js"></script></td></tr>
</table></td>
</tr>
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="copyright">
<tr><td align="center">Powered by <strong>
<a href="http://www.phome.net" target="_blank">EmpireCMS</a>
</strong> &copy; 2002-2023 <a href="http://www.digod.com" target="_blank">EmpireSoft Inc.</a> <a
href="https://beian.miit.gov.cn/">晋ICP备2021004312号-1</a></td></tr>
</table>
</body>
</html>
"""
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2023-04-12T09:31:20+08:00", author="张瑞", source="大同日报",
                 category=["大同", "文化"])
    left += [prev_t, next_t, *[t for t, _ in related], _today(2025, 6, 9)]
    return _fixture(2, url, html, "gb18030", rec, left,
                    "table-based default template: table.position, table.title_info h1, td inside "
                    "table#text with <font> paragraphs; 【…】 action line; a name character "
                    "outside GBK (𫖯); <title> is the headline alone",
                    content_type="text/html; charset=gb18030")


# --- 03: fissico, Traditional, div-based theme, byline opening the body, comments --------

def _p03() -> Fixture:
    url = "http://fissico.com/html/xw/jjgz/74365.html"
    title = "甘孜州虫草采集季开启 各地多措并举保障有序采集"
    items: list[Any] = [
        "本网讯（记者 罗凌）进入5月，甘孜州海拔4000米以上的高山草甸迎来一年一度的虫草采集季。据初步"
        "统计，今年全州上山采集虫草的农牧民超过5万人，涉及18个县（市）的200余个乡镇。",
        "虫草是甘孜州农牧民重要的收入来源之一。在理塘、雅江、德格等虫草主产县，采集虫草的收入占部分"
        "农牧民家庭年收入的一半以上。",
        ("h", "划定区域 实行“一证一卡”管理"),
        "为保障采集秩序，各县提前划定采集区域，实行采集证和采集卡“一证一卡”管理，对外来采集人员进行"
        "登记备案，严防因争抢采集区域引发矛盾纠纷。",
        "雅江县在主要采集区设立临时服务站32个，配备医务人员和常用药品，为采集群众提供测量血压、处理"
        "外伤等服务。县公安局抽调警力组成巡逻队，在采集区开展常态化巡查。",
        ("img", "/d/file/html/xw/jjgz/2022-05-17/a1b2c3.jpg", "雅江县采集区的临时服务站"),
        ("h", "保护生态 守护高原草场"),
        "“采挖虫草后一定要把草皮回填好，不然草场就破坏了。”在理塘县禾尼乡，村干部正给上山的村民逐一"
        "讲解回填要求。各地在采集前组织开展生态保护宣传，发放宣传资料3万余份，倡导“挖一个坑、填一个"
        "坑”。",
        "州林草局相关负责人介绍，全州还将在采集季结束后组织开展草场恢复情况检查，对破坏草场、乱扔"
        "垃圾等行为依法依规处理。",
        "与此同时，州市场监管部门将加强对虫草交易市场的监管，严厉打击缺斤短两、以次充好等违法行为，"
        "维护公平有序的市场秩序。",
    ]
    body, paras, left = _body(items, img="figure")
    comments = [
        ("雅江网友", "2022-05-17 12:40",
         "每年这个时候家里都要上山，辛苦是辛苦，但收入确实重要。希望服务站能多备一些治高反的药，"
         "去年我舅舅就在山上头疼了好几天……"),
        ("高原的云", "2022-05-18 09:15",
         "“挖一个坑、填一个坑”，这个必须点赞！草场是大家共同的家园，子孙后代还要靠它呢。"),
    ]
    clist = "\n".join(f'<div class="pl-item"><p class="pl-user">{u} <span>{d}</span></p>'
                      f'<p class="pl-text">{c}</p></div>' for u, d, c in comments)
    related = [("理塘县虫草交易市场规范管理", "2022-05-10"),
               ("德格县开展草原生态保护宣传月", "2022-04-26"),
               ("甘孜州草原禁牧和草畜平衡工作推进会召开", "2022-04-19")]
    html = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{title}_聚焦甘孜_康巴传媒网</title>
<meta name="keywords" content="虫草,采集,甘孜,草场保护">
<link rel="stylesheet" href="/skin/kbcm/css/news.css">
</head>
<body>
<div class="topbar"><div class="wrap"><span id="nowdate">{_today(2025, 6, 10)}</span>
<span class="r"><a href="/e/member/login/">登录</a> | <a href="/e/member/register/">注册</a></span>
</div></div>
<div class="header wrap"><div class="logo"><a href="/">
<img src="/skin/kbcm/images/logo.png" alt="康巴传媒网"></a></div><div class="ad">
<span class="ad-tag">广告</span><script src="/d/js/acmsd/thea1.js"></script></div></div>
<div class="nav"><ul class="wrap"><li><a href="/">首页</a></li><li><a href="/html/xw/">新闻</a></li>
<li><a href="/html/xw/dzyw/">党政要闻</a></li><li><a href="/html/xw/jjgz/">聚焦甘孜</a></li><li>
<a href="/html/xw/gxdt/">各县动态</a></li><li><a href="/html/ly/">旅游</a></li></ul></div>
<div class="wrap">
<div class="position">您所在的位置：<a href="/">康巴传媒网</a> &gt;&gt; <a href="/html/xw/">新闻</a>
&gt;&gt; <a href="/html/xw/jjgz/">聚焦甘孜</a></div>
<div class="main-left">
<div class="title_info">
<h1>{title}</h1>
<div class="info_text">发布时间：2022-05-17 10:12:33　来源：甘孜日报　作者：罗凌　点击：<script
src="/e/public/ViewClick/?classid=3&id=74365&addclick=1">
</script>　<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a
href="javascript:doZoom(14)">小</a></div>
</div>
<div class="newstext" id="text">
{body}
</div>
<div class="share">分享到：<a class="s-weibo" href="javascript:;">微博</a> <a class="s-wx"
href="javascript:;">微信</a></div>
<div class="xgxw"><h3>相关新闻</h3><ul>
{_li(related, "/html/xw/jjgz/742")}
</ul></div>
<div class="pl"><h3>网友评论</h3>
{clist}
<form action="/e/pl/doaction.php" method="post" name="saypl"><textarea name="saytext"></textarea>
<br>验证码：<input name="key" size="6"> <input type="submit" value="发表评论">
<input name="enews" type="hidden" value="AddPl"></form>
</div>
</div>
<div class="main-right"><div class="box"><h3>关注我们</h3><p>扫描二维码关注康巴传媒微信公众号</p>
</div></div>
</div>
<div class="footer">甘孜日报社主办 康巴传媒网版权所有 <a
href="https://beian.miit.gov.cn/">川ICP备12004567号-1</a></div>
</body>
</html>
"""
    t = to_traditional
    rec = record(url=url, site="fissico", title=t(title), paragraphs=[t(p) for p in paras],
                 published_at="2022-05-17T10:12:33+08:00", author=t("罗凌"), source=t("甘孜日报"),
                 category=[t("新闻"), t("聚焦甘孜")])
    left += [*[c for _, _, c in comments], *[x for x, _ in related],
             "扫描二维码关注康巴传媒微信公众号", _today(2025, 6, 10)]
    return _fixture(3, url, html, "utf-8", rec, left,
                    "Traditional; div-based theme: div.title_info h1 + info_text with ViewClick; "
                    "div.newstext with subheads and a figure caption; /e/pl/ comment list and form",
                    trad=True)


# --- 04: sxnews old URL, utf-8, 引题 and 副题 around the headline, editor line ----------

def _p04() -> Fixture:
    url = "http://www.sxrb.com/sxxww/xwpd/sxxw/shxw/7215840.shtml"
    kicker = "庆祝首个“中国农民丰收节”"
    title = "我省各地农民欢庆丰收"
    deck = "全省举办各类庆祝活动230余场 参与群众超过百万人次"
    items: list[Any] = [
        "本报讯（记者 王晓燕）9月23日是首个“中国农民丰收节”。当天，我省各地以多种形式举办庆祝活动，"
        "展示农业农村发展成就，分享丰收喜悦。据省农业厅统计，丰收节期间全省共举办各类庆祝活动230余场，"
        "参与群众超过100万人次。",
        "在运城市万荣县，一场别开生面的“苹果丰收会”在果园里举行。果农们把刚摘下的苹果摆上展台，现场"
        "评选“果王”，不少外地客商当场签订收购合同。",
        "在晋中市太谷县，农民趣味运动会吸引了周边十多个村的村民参加，推独轮车、背玉米、剥花生等比赛"
        "项目引得围观群众阵阵喝彩。",
        "在忻州市定襄县，当地举办了农产品展销会，200多家农业企业和合作社带来杂粮、蘑菇、牛肉干等特色"
        "产品，现场销售额达到80余万元。",
        "在长治市长子县，农民文艺演出队自编自演了快板、秧歌、上党梆子等节目，讲述乡村变化，唱出丰收"
        "喜悦。",
        "今年以来，我省粮食生产总体稳定，秋粮作物长势良好，丰收在望。全省有机旱作农业、特色农产品优势"
        "区建设扎实推进，农民收入持续较快增长，上半年全省农村居民人均可支配收入同比增长8.6%。",
        "省农业厅相关负责人表示，设立“中国农民丰收节”，是对农民主体地位的尊重和肯定，将进一步调动"
        "广大农民的积极性、主动性和创造性，为实施乡村振兴战略营造良好氛围。",
    ]
    body, paras, left = _body(items, indent="　　")
    editor_line = "（责任编辑：冯蕾）"
    recommend = [("运城苹果进入集中采收期", "2018-09-20"), ("我省秋粮收获进度达三成", "2018-09-26"),
                 ("晋中农高区签约项目12个", "2018-09-18")]
    html = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{title}_山西新闻网</title>
<meta name="keywords" content="农民丰收节,庆丰收,乡村振兴">
<meta name="pubdate" content="2018-09-24 06:58">
<link rel="stylesheet" href="/skin/sxrb/css/content.css">
</head>
<body>
<div class="top"><div class="w1000"><span class="slogan">主流媒体 山西门户</span>
<span class="today">{_today(2025, 6, 11)}</span>
<a href="/e/member/login/">登录</a> | <a href="/e/member/register/">注册</a></div></div>
<div class="head w1000"><a class="logo" href="http://www.sxrb.com/">
<img src="/skin/sxrb/images/logo.png" alt="山西新闻网"></a></div>
<div class="nav w1000"><a href="/">首页</a> <a href="/sxxww/xwpd/">新闻</a> <a
href="/sxxww/zwpd/">政务</a> <a href="/sxxww/dspd/">地市</a> <a href="/sxxww/jjpd/">经济</a> <a
href="/sxxww/wtpd/">文体</a></div>
<div class="w1000 main">
<div class="position"><a href="http://www.sxrb.com/">山西新闻网</a>&gt;&gt;<a
href="/sxxww/xwpd/">新闻频道</a>&gt;&gt;<a href="/sxxww/xwpd/sxxw/">山西新闻</a>&gt;&gt;<a
href="/sxxww/xwpd/sxxw/shxw/">社会新闻</a></div>
<div class="title_info">
<p class="yinti">{kicker}</p>
<h1>{title}</h1>
<p class="futi">{deck}</p>
<div class="info_text">
<span>2018年09月24日 06:58</span>　<span>来源：山西日报</span>　<span>点击：<script
src="/e/public/ViewClick/?classid=31&id=7215840&addclick=1"></script></span></div>
</div>
<div class="share">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a> 评论：<a
href="/e/pl/?classid=31&amp;id=7215840">0</a></div>
<div class="newstext">
{body}
<p style="text-align:right">{editor_line}</p>
</div>
<div class="tuijian"><h3>推荐阅读</h3><ul>
{_li(recommend, "/sxxww/xwpd/sxxw/shxw/72157")}
</ul></div>
<div class="statement">
<p>网站声明：山西新闻网所登载的山西日报、山西晚报、山西经济日报、山西农民报稿件，版权均属山西日报社所有，未经授权，不得转载。</p></div>
</div>
<div class="footer">山西日报社主办 <a href="https://beian.miit.gov.cn/">晋ICP备05003017号</a></div>
</body>
</html>
"""
    rec = record(url=url, site="sxnews", title=title, subtitle=[kicker, deck], paragraphs=paras,
                 published_at="2018-09-24T06:58:00+08:00", editor="冯蕾", source="山西日报",
                 category=["新闻频道", "山西新闻", "社会新闻"])
    left += [editor_line, *[t for t, _ in recommend], "主流媒体 山西门户", _today(2025, 6, 11),
             "网站声明：山西新闻网所登载的山西日报、山西晚报、山西经济日报、山西农民报稿件"]
    return _fixture(4, url, html, "utf-8", rec, left,
                    "引题 above and 副题 below the h1 (subtitle in that order); short <title>; "
                    "pubdate meta; >> breadcrumb three levels deep; right-aligned editor line; "
                    "网站声明")


# --- 05: shanxidayuan, gbk, three short paragraphs, hidden block, long comments ----------

def _p05() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/jinzhong/1682.html"
    title = "太谷区首届壶瓶枣采摘节开幕"
    items: list[Any] = [
        "9月29日，太谷区首届壶瓶枣采摘节在北洸乡开幕，20余家枣园向游客开放，市民可以现场采摘、品尝"
        "新鲜壶瓶枣。",
        "太谷壶瓶枣个大皮薄、肉厚味甜，是国家地理标志保护产品。目前全区壶瓶枣种植面积约4.5万亩，"
        "今年预计产量1.2万吨。",
        "采摘节将持续至10月中旬，期间还将举办枣产品展销、农民丰收市集等活动。",
    ]
    body, paras, left = _body(items, mode="br", indent="　　")
    tags = ["太谷", "壶瓶枣", "采摘"]
    hidden = "太谷壶瓶枣 太谷采摘 晋中旅游 山西大院 大院网 壶瓶枣价格 壶瓶枣批发"
    comments = [
        ("枣乡人", "去年国庆带孩子去北洸摘过一次枣，枣又大又甜！！今年还去，不过希望停车能方便点——"
                  "上次车停在路边，来回走了快二十分钟，孩子都累哭了……另外能不能多搞点亲子活动？"),
        ("老太谷", "壶瓶枣是我们太谷的宝贝，小时候家家院里都有枣树。现在做成采摘节，还能带动乡亲们"
                  "增收，真是好事；但也要注意品质，别让一些以次充好的坏了名声。"),
        ("路过的游客", "请问采摘是按斤收费还是门票制？有没有具体的枣园地址和联系电话？谢谢！"),
    ]
    clist = "\n".join(f'<li><p class="u">{u}：</p><p class="c">{c}</p></li>' for u, c in comments)
    html = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{title}_晋中_山西大院资讯网</title>
<meta name="pubdate" content="2023-09-30">
<link rel="stylesheet" href="/skin/dayuan2/css/main.css">
</head>
<body>
<div class="top"><span id="date"></span><noscript>{_today(2025, 6, 12)}</noscript>
<script>var d=new
Date();document.getElementById("date").innerHTML=d.getFullYear()+"年"+(d.getMonth()+1)+"月"
+d.getDate()+"日";</script>
<a href="/e/member/login/">登录</a> | <a href="/e/member/register/">注册</a></div>
<div class="header"><h1 class="logo"><a href="/">山西大院资讯网</a></h1></div>
<div class="nav">{"".join(f'<a href="/gsyl/">{n}</a> ' for n in _SXD_NAV)}</div>
<div class="main">
<div class="position">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a
href="/gsyl/jinzhong/">晋中</a>&nbsp;&gt;&nbsp;正文</div>
<div style="display:none">{hidden}</div>
<div class="title_info"><h2>{title}</h2>
<div class="info_text">日期：2023-09-30　浏览次数：<script
src="/e/public/ViewClick/?classid=8&id=1682&addclick=1"></script></div></div>
<div class="newstext">
{body}
</div>
<div class="tags">标签：{"".join(f'<a href="/e/tags/?tagname={t}">{t}</a> ' for t in tags)}</div>
<div class="prevnext"><p>上一篇：<a href="/gsyl/jinzhong/1681.html">榆社县化石博物馆新馆开放</a></p>
<p>下一篇：<a href="/gsyl/jinzhong/1683.html">灵石县举办秋季招聘会</a></p></div>
<div class="pl"><h3>网友评论（{len(comments)}）</h3><ul>
{clist}
</ul><script src="/e/pl/more/?classid=8&id=1682&num=20"></script></div>
</div>
<div class="foot">Copyright &copy; 山西大院资讯网 <a
href="https://beian.miit.gov.cn/">晋ICP备2021004312号-1</a></div>
</body>
</html>
"""
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2023-09-30", category=["晋中"], tags=tags)
    left += [hidden, *[c for _, c in comments], "榆社县化石博物馆新馆开放", "灵石县举办秋季招聘会",
             _today(2025, 6, 12)]
    return _fixture(5, url, html, "gbk", rec, left,
                    "three short <br>-separated paragraphs under long reader comments; logo h1, "
                    "headline in h2; hidden keyword block; date-only info line; noscript date "
                    "fallback; tags", content_type="text/html; charset=gbk")


def pages() -> Iterator[Fixture]:
    yield _p01()
    yield _p02()
    yield _p03()
    yield _p04()
    yield _p05()
