"""PHPCMS v9 pages: the default ``content/show.html`` and sites' edits of it.

The shapes: ``div.crumbs`` (``首页 > 栏目 > 正文``); ``div#Article`` whose ``<h1>``
holds the headline *and*, after a ``<br />``, a ``<span>`` with the date, 来源 and
评论 count (so the h1's text is not the title); ``div.content`` from the editor
(``<p>`` with centred images and caption paragraphs, or ``<br>`` lines); 相关热词搜索
keyword links; 上一篇/下一篇 in ``p.f14``; 延伸阅读 with ``(MM-DD)`` dates; a comment
iframe; 频道排行 boxes; the announcement marquee and the poster script ads.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tests.support.drift.common import Fixture, record, to_traditional
from tests.support.drift.common import today_widget as _today

FAMILY = "phpcms"
# Strings printed on each page that must stay out of its record's text (for checks).
LEFT_OUT: dict[int, list[str]] = {}




def _body(items: list[Any], *, mode: str = "p", indent: str = "　　",
          img: str = "center") -> tuple[str, list[str], list[str]]:
    """Editor HTML as PHPCMS's CKEditor leaves it, the paragraphs and the captions."""
    out: list[str] = []
    paras: list[str] = []
    left: list[str] = []
    for it in items:
        if isinstance(it, str):
            paras.append(it)
            out.append(f"{indent}{it}<br />" if mode == "br" else f"<p>\n\t{indent}{it}</p>")
        elif it[0] == "h":
            paras.append(it[1])
            out.append(f"<strong>{it[1]}</strong><br />" if mode == "br"
                       else f"<p>\n\t<strong>{it[1]}</strong></p>")
        elif it[0] == "img":
            left.append(it[2])
            if img == "table":
                out.append('<table align="center" border="0" cellpadding="0" cellspacing="0">'
                           f'<tbody><tr><td><img alt="" src="{it[1]}" /></td></tr>'
                           f'<tr><td style="text-align: center;">{it[2]}</td></tr></tbody></table>')
            else:
                out.append(f'<p style="text-align: center;">\n\t<img alt="" src="{it[1]}" '
                           'style="width: 600px; height: 400px;" /></p>\n'
                           f'<p style="text-align: center;">\n\t{it[2]}</p>')
        elif it[0] == "li":
            paras += [f"• {x}" for x in it[1]]
            out.append("<ul>\n" + "\n".join(f"\t<li>\n\t\t{x}</li>" for x in it[1]) + "\n</ul>")
        elif it[0] == "gap":
            out.append("<p>\n\t&nbsp;</p>")
    return "\n".join(out), paras, left


def _nav(names: list[str], home: str = "/") -> str:
    parts = [f'<li><a href="{home}"><span>{names[0]}</span></a></li>']
    parts += [f'<li class="line">|</li><li><a href="/list-{i}.html"><span>{n}</span></a></li>'
              for i, n in enumerate(names[1:], 9)]
    return "".join(parts)


def _related(items: list[tuple[str, str]], base: str) -> str:
    return "\n".join(f'<li>·<a href="{base}{i}.html" target="_blank">{t}</a><span>({d})</span></li>'
                     for i, (t, d) in enumerate(items, 1))


def _taglinks(tags: list[str], attr: str, sep: str) -> str:
    return "".join(f'<a href="/index.php?m=content&c=tag&a=lists&tag={t}"{attr}>{t}</a>{sep}'
                   for t in tags)


def _rank(items: list[str], base: str) -> str:
    return "\n".join(f'<li><span class="num">{i}</span><a href="{base}{i}.html">{t}</a></li>'
                     for i, t in enumerate(items, 1))


_SXD_NAV = ["首页", "太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾",
            "吕梁", "文旅", "民生"]
_KB_NAV = ["首页", "新闻", "党政要闻", "聚焦甘孜", "各县动态", "旅游", "康巴美景", "旅游资讯",
           "图片", "视频"]
_SX_NAV = ["首页", "新闻", "政务", "地市", "经济", "文化", "旅游", "教育", "健康", "图片"]


def _fixture(num: int, url: str, html: str, charset: str, rec: dict[str, Any], left: list[str],
             note: str, content_type: str = "text/html", trad: bool = False) -> Fixture:
    if trad:
        html = to_traditional(html)
        left = [to_traditional(s) for s in left]
    LEFT_OUT[num] = left
    return Fixture(family=FAMILY, number=num, served_url=url, html=html, charset=charset,
                   expected=rec, content_type=content_type, note=note)


def _head(charset_meta: str, title: str, extra: str = "") -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{charset_meta}
<meta http-equiv="X-UA-Compatible" content="IE=7" />
<title>{title}</title>
{extra}<link href="/statics/css/reset.css" rel="stylesheet" type="text/css" />
<link href="/statics/css/default_blue.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/statics/js/jquery.min.js"></script>
<script type="text/javascript" src="/statics/js/jquery.sgallery.js"></script>
</head>
"""


def _header(logo_alt: str, nav: list[str], announce: str, today: str = "") -> str:
    date = f'<span class="rt today">{today}</span>' if today else ""
    return f"""<body>
<div class="body-top">
  <div class="content">
    <div id="announ"><ul><li><a href="/index.php?m=announce&c=index&a=show&aid=3">{announce}</a>
</li></ul></div>
    <div class="login lh24 blue">{date}<a
href="/index.php?m=member&c=index&a=register&siteid=1">注册</a><span> | </span>
<a href="/index.php?m=member&c=index&a=login">登录</a></div>
  </div>
</div>
<div class="header">
  <div class="logo"><a href="/"><img src="/statics/images/v9/logo.jpg" alt="{logo_alt}" /></a></div>
  <div class="search">
    <div class="tab" id="search"><a href="javascript:;" class="on">新闻</a><span> | </span>
<a href="javascript:;">图片</a><span> | </span><a href="javascript:;">视频</a></div>
    <div class="bd"><form action="/index.php" method="get" target="_blank">
<input type="hidden" name="m" value="search" /><input type="hidden" name="c" value="index" />
<input type="hidden" name="a" value="init" /><input type="text" name="q" id="q" />
<input type="submit" value="搜 索" class="button" /></form></div>
  </div>
  <div class="banner"><script language="javascript"
src="/index.php?m=poster&c=index&a=show_poster&id=1"></script></div>
  <div class="bk3"></div>
  <div class="nav-bar"><map><ul class="nav-site">{_nav(nav)}</ul></map></div>
</div>
"""


def _footer(site: str, icp: str, year: str) -> str:
    return f"""<div class="footer">
  <p class="info"><a href="/about/">关于我们</a> | <a href="/contact/">联系方式</a> | <a
href="/copyright/">版权声明</a> | <a href="/ad/">广告服务</a> | <a
href="/index.php?m=link">友情链接</a><br />
  Copyright &copy; {year} {site} 版权所有 <a href="https://beian.miit.gov.cn/">{icp}</a><br />
  Powered by <strong><a href="http://www.phpcms.cn" target="_blank">PHPCMS</a>
</strong> <em>V9</em> &copy; 2010</p>
</div>
</body>
</html>
"""


# --- 01: shanxidayuan, gbk, the default show.html as shipped --------------------------------

def _p01() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/datong/2286.html"
    title = "大同新开通5条城乡公交线路 沿线12万群众出行更便捷"
    items: list[Any] = [
        "3月3日起，大同市新开通的5条城乡公交线路正式投入运营，线路连接云州区、云冈区、平城区和"
        "新荣区的46个行政村，沿线约12万群众从此可以在家门口坐上公交车进城。",
        "此次开通的线路分别为云州区至西坪镇、云冈区至高山镇、平城区至马军营乡、新荣区至堡子湾乡"
        "以及御东新区至聚乐堡方向，线路总长度达到186公里，共设停靠站点132个。",
        "运营初期共投放新能源公交车42辆，首末班时间根据沿线村民出行习惯确定，早上6点半发车，晚上"
        "7点收车，高峰时段发车间隔不超过20分钟。票价实行分段计价，最高不超过5元，老年人、残疾人等"
        "群体享受免费或优惠乘车政策。",
        "“以前进城看病、买东西，要么等村里的顺路车，要么花几十块钱打车，现在两块钱就能到市里，"
        "方便多了。”家住云州区西坪镇的村民王秀兰说。",
        "大同市交通运输局相关负责人介绍，近两年全市持续推进城乡交通运输一体化，已累计开通城乡公交"
        "线路37条，全市具备条件的建制村通客车率保持100%。",
        "下一步，大同将结合乡村振兴和农村物流体系建设，探索“公交+快递”“公交+电商”等融合发展模式，"
        "让城乡公交既能载客，也能带货，进一步打通农村出行和物流的“最后一公里”。",
    ]
    body, paras, left = _body(items)
    tags = ["城乡公交", "乡村振兴", "大同"]
    related = [("大同市新增200辆新能源公交车", "03-01"),
               ("云冈区农村公路提质改造工程开工", "02-27"),
               ("大同站春运累计发送旅客86万人次", "02-24")]
    rank = ["大同古城墙南段修缮工程启动", "大同火山群地质公园春季开园",
            "大同黄花菜种植面积今年将达26万亩", "御河生态廊道新增健身步道"]
    prev_t, next_t = "大同市召开2023年优化营商环境推进会", "浑源县恒山景区开展春季森林防火演练"
    announce = "关于开展2023年度优秀通讯员评选活动的通知"
    html = _head('<meta http-equiv="Content-Type" content="text/html; charset=gbk" />',
                 f"{title} - 大同 - 山西大院资讯网",
                 '<meta name="keywords" content="城乡公交 乡村振兴 大同">\n'
                 '<meta name="description" content="3月3日起，大同市新开通的5条城乡公交线路'
                 '正式投入运营。">\n')
    html += _header("山西大院资讯网", _SXD_NAV, announce)
    html += f"""<div class="main">
  <div class="col-left">
    <div class="crumbs"><a href="http://www.shanxidayuan.com/">首页</a><span> &gt; </span>
<a href="/gsyl/">各市要闻</a> &gt;  <a href="/gsyl/datong/">大同</a> &gt;  正文</div>
    <div id="Article">
      <h1>{title}<br />
<span>2023-03-04 10:21:08&nbsp;&nbsp;&nbsp;来源：大同日报&nbsp;&nbsp;&nbsp;评论：<a
href="#comment_iframe" id="comment">0</a></span></h1>
      <div class="content">
{body}
      </div>
      <div id="pages" class="text-c"></div>
      <p style="margin-bottom:10px">
<strong>相关热词搜索：</strong>{_taglinks(tags, ' class="blue"', " ")}</p>
      <p class="f14"><strong>上一篇：</strong><a href="/gsyl/datong/2285.html">{prev_t}</a><br />
      <strong>下一篇：</strong><a href="/gsyl/datong/2287.html">{next_t}</a></p>
      <div class="bk15"></div>
      <div class="related"><h5 class="blue">延伸阅读：</h5><ul class="list blue lh24 f14">
{_related(related, "/gsyl/datong/22")}
      </ul></div>
      <div class="bk15"></div>
      <iframe src="/index.php?m=comment&c=index&a=init&commentid=content_12-2286-1&iframe=1"
width="100%" height="100%" id="comment_iframe" frameborder="0" scrolling="no"></iframe>
    </div>
  </div>
  <div class="col-auto">
    <div class="box"><h5 class="title-2">频道总排行</h5><ul class="content digg">
{_rank(rank, "/gsyl/datong/21")}
    </ul></div>
    <div class="box"><h5 class="title-2">频道本月排行</h5><ul class="content rank">
{_rank(rank[::-1], "/gsyl/datong/20")}
    </ul></div>
  </div>
</div>
"""
    html += _footer("山西大院资讯网", "晋ICP备2021004312号-1", "2021-2023")
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2023-03-04T10:21:08+08:00", source="大同日报",
                 category=["各市要闻", "大同"], tags=tags)
    left += [prev_t, next_t, announce, *[t for t, _ in related], *rank]
    return _fixture(1, url, html, "gbk", rec, left,
                    "default v9 show.html: date, 来源 and 评论 inside the h1; 相关热词搜索 keyword "
                    "links are the tags; 延伸阅读 with (MM-DD) dates; announcement marquee",
                    content_type="text/html; charset=gbk")


# --- 02: fissico, gbk, 原标题 line, author in the h1 span, keyword block as 标签 ------------

def _p02() -> Fixture:
    url = "http://fissico.com/html/xw/dzyw/63208.html"
    title = "州委理论学习中心组专题学习党的十九届五中全会精神"
    orig = "原标题：州委理论学习中心组举行2020年第十次集体学习"
    items: list[Any] = [
        "本网讯（记者 四朗降措）11月25日，州委理论学习中心组举行2020年第十次集体学习，专题学习党的"
        "十九届五中全会精神和省委十一届八次全会精神，研究谋划全州“十四五”发展思路。",
        "会议邀请省委宣讲团成员作专题辅导报告，围绕全会的重大意义、“十四五”时期经济社会发展指导"
        "思想和主要目标、二〇三五年远景目标等内容进行了深入解读。",
        "会议指出，党的十九届五中全会是在我国即将全面建成小康社会、开启全面建设社会主义现代化国家"
        "新征程的关键时刻召开的一次十分重要的会议。全州各级党组织和广大党员干部要把学习宣传贯彻全会"
        "精神作为当前和今后一个时期的首要政治任务。",
        "会议强调，要紧密结合甘孜实际，科学编制全州“十四五”规划和二〇三五年远景目标纲要，在巩固"
        "拓展脱贫攻坚成果、推进乡村振兴、加快全域旅游发展、加强生态保护等方面谋划一批重大项目、"
        "重大工程和重大政策。",
        "要坚持以人民为中心的发展思想，办好教育、医疗、就业、社保等民生实事，持续改善农牧民群众"
        "生产生活条件，让各族群众共享改革发展成果。",
        "要统筹发展和安全，毫不松懈抓好常态化疫情防控，扎实做好冬春季森林草原防灭火、安全生产等"
        "工作，确保全州社会大局和谐稳定。",
        "州委理论学习中心组成员参加学习，州级有关部门主要负责同志列席。",
    ]
    body, paras, left = _body(items, indent="")
    body = f"<p>\n\t<span style=\"color:#808080;\">{orig}</span></p>\n" + body
    tags = ["理论学习", "十四五规划"]
    related = [("全州领导干部学习贯彻五中全会精神专题培训班开班", "11-20"),
               ("州委常委会传达学习省委全会精神", "11-17"),
               ("甘孜州“十四五”规划编制工作推进会召开", "11-10")]
    prev_t, next_t = "全州冬春季森林草原防灭火工作会议召开", "州政府常务会议研究部署重点工作"
    announce = "康巴传媒网招聘新媒体编辑启事"
    html = _head('<meta http-equiv="Content-Type" content="text/html; charset=gbk" />',
                 f"{title} - 党政要闻 - 康巴传媒网")
    html += _header("康巴传媒网", _KB_NAV, announce, today=_today(2025, 5, 28))
    html += f"""<div class="main">
  <div class="col-left">
    <div class="crumbs"><a href="/">首页</a><span> &gt; </span>
<a href="/html/xw/">新闻</a> &gt;  <a href="/html/xw/dzyw/">党政要闻</a> &gt;  正文</div>
    <div id="Article">
      <h1>{title}<br />
<span>2020年11月26日 09:03&nbsp;&nbsp;来源：<a href="http://www.gzrb.cn/"
target="_blank">甘孜日报</a>&nbsp;&nbsp;作者：四朗降措&nbsp;&nbsp;评论：<a href="#comment_iframe"
id="comment">0</a></span></h1>
      <div class="content">
{body}
      </div>
      <div id="pages" class="text-c"></div>
      <div class="tags">
<strong>标签：</strong>{_taglinks(tags, "", "&nbsp;")}</div>
      <div class="share">分享到：<a href="javascript:;" class="bshare-sinaminiblog">新浪微博</a> <a
href="javascript:;" class="bshare-weixin">微信</a> <a href="javascript:;"
class="bshare-qzone">QQ空间</a></div>
      <p class="f14"><strong>上一篇：</strong><a href="/html/xw/dzyw/63190.html">{prev_t}</a><br />
      <strong>下一篇：</strong><a href="/html/xw/dzyw/63241.html">{next_t}</a></p>
      <div class="related"><h5 class="blue">相关阅读：</h5><ul class="list blue lh24 f14">
{_related(related, "/html/xw/dzyw/631")}
      </ul></div>
      <div class="print"><a href="javascript:window.print();">[打印]</a> <a
href="javascript:window.close();">[关闭]</a></div>
    </div>
  </div>
  <div class="col-auto">
    <div class="box"><h5 class="title-2">扫一扫</h5><div class="content">
<img src="/statics/images/qrcode.png" alt="" /><p>扫描二维码，在手机上阅读本文</p></div></div>
  </div>
</div>
"""
    html += _footer("康巴传媒网", "川ICP备12004567号-1", "2012-2020")
    rec = record(url=url, site="fissico", title=title, paragraphs=paras,
                 published_at="2020-11-26T09:03:00+08:00", author="四朗降措", source="甘孜日报",
                 category=["新闻", "党政要闻"], tags=tags)
    left += [orig, prev_t, next_t, announce, *[t for t, _ in related],
             "扫描二维码，在手机上阅读本文", _today(2025, 5, 28)]
    return _fixture(2, url, html, "gbk", rec, left,
                    "h1 span with 年月日 date, 来源 link and 作者; grey 原标题 paragraph opens "
                    "div.content; 标签 block; date widget in the login bar",
                    content_type="text/html; charset=gbk")


# --- 03: sxnews old URL, gb18030, <br> lines, 责编 in the h1 span --------------------------

def _p03() -> Fixture:
    url = "http://www.sxrb.com/sxxww/dspd/jzpd/jzxw/7563318.shtml"
    title = "晋中冬季清洁取暖改造覆盖12.8万户 农村群众温暖过冬"
    items: list[Any] = [
        "本报讯 入冬以来，晋中市2019年度冬季清洁取暖改造任务全面完成，全年完成“煤改电”“煤改气”"
        "改造12.8万户，完成率103%，全市平川县区基本实现清洁取暖全覆盖。",
        "在榆次区东阳镇，村民李建国家的客厅里温暖如春。“去年装了空气源热泵，屋里常年保持在20度"
        "左右，不用再天天掏炉灰、搬煤块，家里干净多了。”老李说，算上政府补贴，一个采暖季的电费和"
        "过去烧煤差不多。",
        "今年，晋中市坚持“宜电则电、宜气则气”，因地制宜选择改造方式，其中“煤改电”8.1万户、"
        "“煤改气”4.7万户。同时对改造户实行设备购置补贴和运行补贴，每户设备补贴最高达到1.8万元，"
        "运行电价补贴每度0.2元。",
        "为保障改造质量，市里组织技术人员逐村开展入户验收，对设备安装、线路敷设、燃气管道等进行全面"
        "检查，累计排查整改问题1600余处，并建立县乡村三级售后服务网络，确保群众“用得起、用得好”。",
        "清洁取暖改造带来的环境效益逐步显现。据市生态环境局监测，今年11月晋中市区PM2.5平均浓度"
        "同比下降14.6%，重污染天数同比减少3天。",
    ]
    body, paras, left = _body(items, mode="br", indent="&nbsp;&nbsp;&nbsp;&nbsp;")
    related = [("太原市完成清洁取暖改造任务", "11-28"),
               ("我省启动冬季大气污染防治攻坚行动", "11-20"),
               ("寿阳县开通农村燃气主管网", "11-15")]
    rank = ["晋中国家农高区新签约项目23个", "介休绵山冰雪季12月开幕", "太谷饼入选省级非遗名录"]
    announce = "山西新闻网2019年度网络评论员招募公告"
    html = _head('<meta http-equiv="Content-Type" content="text/html; charset=gb18030" />',
                 f"{title} - 晋中 - 山西新闻网",
                 '<meta name="keywords" content="清洁取暖,煤改电,煤改气,晋中">\n')
    html += _header("山西新闻网", _SX_NAV, announce)
    html += f"""<div class="main">
  <div class="col-left">
    <div class="crumbs"><a href="http://www.sxrb.com/">首页</a><span> &gt; </span>
<a href="/sxxww/dspd/">地市频道</a> &gt;  <a href="/sxxww/dspd/jzpd/">晋中</a> &gt;  正文</div>
    <div id="Article">
      <h1>{title}<br />
<span>2019年12月03日
08:16&nbsp;&nbsp;&nbsp;来源：晋中日报&nbsp;&nbsp;&nbsp;责编：韩晓东&nbsp;&nbsp;&nbsp;评论：<a
href="#comment_iframe" id="comment">0</a></span></h1>
      <div class="adbox"><span class="adtag">广告</span>
<script language="javascript" src="/index.php?m=poster&c=index&a=show_poster&id=7"></script></div>
      <div class="content">
{body}
      </div>
      <div id="pages" class="text-c"></div>
      <p class="f14"><strong>上一篇：</strong>没有了<br />
      <strong>下一篇：</strong>
<a href="/sxxww/dspd/jzpd/jzxw/7563402.shtml">晋中国家农高区新签约项目23个</a></p>
      <div class="related"><h5 class="blue">相关阅读：</h5><ul class="list blue lh24 f14">
{_related(related, "/sxxww/dspd/jzpd/jzxw/75630")}
      </ul></div>
      <iframe src="/index.php?m=comment&c=index&a=init&commentid=content_21-7563318-1&iframe=1"
width="100%" height="100%" id="comment_iframe" frameborder="0" scrolling="no"></iframe>
    </div>
  </div>
  <div class="col-auto">
    <div class="box"><h5 class="title-2">晋中热点</h5><ul class="content digg">
{_rank(rank, "/sxxww/dspd/jzpd/jzxw/75620")}
    </ul></div>
    <div class="box"><span class="adtag">广告</span>
<script language="javascript" src="/index.php?m=poster&c=index&a=show_poster&id=8"></script></div>
  </div>
</div>
"""
    html += _footer("山西新闻网", "晋ICP备05003017号", "2019")
    rec = record(url=url, site="sxnews", title=title, paragraphs=paras,
                 published_at="2019-12-03T08:16:00+08:00", editor="韩晓东", source="晋中日报",
                 category=["地市频道", "晋中"])
    left += [announce, *[t for t, _ in related], *rank]
    return _fixture(3, url, html, "gb18030", rec, left,
                    "h1 span with 年月日 date and 责编; <br>-separated body; poster ad between the "
                    "h1 and the content", content_type="text/html; charset=gb18030")


# --- 04: shanxidayuan, utf-8, og:title + publishdate meta, 地区 in the h1, comment list -----

def _p04() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/jinzhong/1573.html"
    title = "平遥古城暑期夜游人气旺 “夜经济”点亮古城烟火气"
    items: list[Any] = [
        "夜幕降临，平遥古城南大街华灯初上，明清街两侧的商铺挂起红灯笼，游客摩肩接踵。在日升昌票号"
        "旧址前，一场沉浸式情景演出正在上演，吸引不少游客驻足观看。",
        "入暑以来，平遥古城景区迎来夜游高峰，每晚进入古城的游客超过3万人次。景区延长了城墙、县衙、"
        "日升昌等景点的开放时间至晚上10点，并推出“古城夜巡”“镖局夜话”等6个夜间体验项目。",
        ("img", "/uploadfile/2023/0719/20230719163512884.jpg",
         "游客在平遥古城南大街夜游。 记者 程鹏 摄"),
        "“白天太热，晚上出来逛正合适。吃一碗碗托，看一场演出，再到城墙上吹吹风，特别有感觉。”"
        "来自河南郑州的游客陈女士说。",
        "夜游带火了古城的餐饮住宿。古城内现有客栈、民宿400余家，暑期周末入住率在95%以上。南大街上"
        "的平遥牛肉、推光漆器等老字号店铺，晚上的营业额占到全天的六成左右。",
        ("gap",),
        "为做好夜间服务保障，平遥县组织公安、市场监管、文旅等部门组成联合执法队，在古城内开展夜间"
        "巡查，加强食品安全、消防安全和价格监管；同时在城门口设置游客服务中心和临时停车场，开通夜间"
        "摆渡车，方便游客往返。",
        ("img", "/uploadfile/2023/0719/20230719163520117.jpg",
         "日升昌票号旧址前的情景演出吸引游客驻足。"),
        "平遥县文旅局负责人介绍，今年上半年平遥接待游客589万人次，同比增长1.3倍，旅游总收入52亿元。"
        "下一步，平遥将继续丰富夜间文旅产品，打造集观光、演艺、美食、购物于一体的夜间消费集聚区。",
        "（记者 程鹏）",
    ]
    body, paras, left = _body(items, indent="")
    comments = [
        ("晋中老陈", "2023-07-19 20:15",
         "平遥我去过三次了，每次晚上逛都有新感觉！不过建议景区在南大街多设几个休息座椅，老人孩子"
         "走累了没地方坐……另外，停车场的指示牌再明显一点就更好了。"),
        ("汾河边的风", "2023-07-20 08:02",
         "支持！希望古城在发展夜经济的同时，也要注意保护好古建筑——灯光别太刺眼，噪音也要控制，"
         "毕竟这里是世界文化遗产啊。"),
        ("小杨", "2023-07-20 11:47",
         "碗托、牛肉、长山药，一晚上吃了个遍，哈哈；价格还算公道，没遇到宰客的，点赞！！"),
    ]
    clist = "\n".join(
        f'<dl class="comment-item"><dt><span class="user">网友“{u}”</span><span class="time">{d}'
        f'</span></dt><dd>{c}</dd><dd class="act"><a href="javascript:;">支持(3)</a> '
        f'<a href="javascript:;">反对(0)</a></dd></dl>' for u, d, c in comments)
    related = [("平遥国际摄影大展9月开幕", "07-12"), ("平遥古城景区推出研学旅游线路", "07-05"),
               ("晋中文旅夏季消费季启动", "06-28")]
    prev_t, next_t = "榆次老城举办非遗市集", "祁县昭馀古城修缮工程通过验收"
    head_meta = (f'<meta property="og:title" content="{title}" />\n'
                 '<meta property="og:type" content="article" />\n'
                 '<meta name="publishdate" content="2023-07-19 16:40:00" />\n')
    html = _head('<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
                 f"{title}_晋中_山西大院资讯网", head_meta)
    html += _header("山西大院资讯网", _SXD_NAV, "大院网文旅频道征稿启事", today=_today(2025, 6, 6))
    html += f"""<div class="main">
  <div class="col-left">
    <div class="crumbs"><a href="/">首页</a><span> &gt; </span>
<a href="/gsyl/jinzhong/">晋中</a> &gt;  <a href="/gsyl/jinzhong/wl/">文旅</a> &gt;  正文</div>
    <div id="Article">
      <h1>{title}<br />
<span>2023-07-19
16:40:00&nbsp;&nbsp;&nbsp;来源：晋中日报&nbsp;&nbsp;&nbsp;地区：平遥&nbsp;&nbsp;&nbsp;评论：<a
href="#comment" id="comment">3</a></span></h1>
      <div class="content">
{body}
      </div>
      <p class="f14"><strong>上一篇：</strong><a href="/gsyl/jinzhong/1572.html">{prev_t}</a><br />
      <strong>下一篇：</strong><a href="/gsyl/jinzhong/1574.html">{next_t}</a></p>
      <div class="related"><h5 class="blue">推荐阅读：</h5><ul class="list blue lh24 f14">
{_related(related, "/gsyl/jinzhong/15")}
      </ul></div>
      <div class="comment" id="comment_list"><h5>网友评论（3）</h5>
{clist}
      <form action="/index.php?m=comment&c=index&a=post" method="post">
<textarea name="content" rows="4" cols="60">请文明发言，理性评论</textarea>
<br />验证码：<input type="text" name="code" size="6" /> <input type="submit" value="发表评论" />
</form>
      </div>
    </div>
  </div>
  <div class="col-auto">
    <div class="box"><h5 class="title-2">扫码阅读</h5><div class="content">
<p>扫一扫在手机打开当前页面</p></div></div>
  </div>
</div>
"""
    html += _footer("山西大院资讯网", "晋ICP备2021004312号-1", "2021-2023")
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2023-07-19T16:40:00+08:00", source="晋中日报", region="平遥",
                 category=["晋中", "文旅"])
    left += [prev_t, next_t, *[t for t, _ in related], *[c for _, _, c in comments],
             "扫一扫在手机打开当前页面", _today(2025, 6, 6)]
    return _fixture(4, url, html, "utf-8", rec, left,
                    "og:title and publishdate meta; 地区 label inside the h1 span; two centred "
                    "images with caption paragraphs; comment list with long punctuated comments")


# --- 05: fissico, Traditional, long body with a list of measures ---------------------------

def _p05() -> Fixture:
    url = "http://fissico.com/html/ly/lyzx/78903.html"
    title = "甘孜州推出冬春季文旅惠民十条措施 多个景区门票减免"
    items: list[Any] = [
        "本网讯 日前，甘孜州文化广播电视和旅游局印发《2022—2023年冬春季文旅惠民措施》，从门票减免、"
        "交通补贴、住宿优惠、冰雪体验等方面推出十条措施，活动时间为2022年12月10日至2023年3月31日。",
        "据介绍，今年冬春季是疫情防控措施优化调整后的第一个旅游季，全州文旅部门希望通过一系列惠民"
        "措施，进一步激发冬春季旅游消费潜力，推动文旅市场加快恢复。",
        ("h", "十条惠民措施主要包括："),
        ("li", [
            "全州国有A级旅游景区首道门票实行半价优惠，其中海螺沟、木格措、跑马山景区对全国游客免收"
            "首道门票；",
            "对组织旅游团队来甘孜游览并住宿两晚以上的旅行社，按人数给予奖励；",
            "州内机场与主要景区之间开通旅游直通车，乘车凭登机牌享受五折优惠；",
            "全州星级饭店和精品民宿在活动期间推出不低于七折的住宿优惠；",
            "海螺沟、木格措等景区温泉项目推出“夜泡”特价套餐；",
            "在康定、理塘等地举办冰雪运动体验活动，免费提供滑雪、滑冰基础培训；",
            "推出“冬游甘孜”摄影大赛，对获奖作品给予奖励；",
            "教师、医护人员、消防救援人员凭证件游览景区免门票；",
            "联合金融机构发放文旅消费券，总额度500万元；",
            "开展“欢乐藏历年”民俗活动，邀请游客体验藏族传统节日文化。",
        ]),
        ("h", "冬季的甘孜别有一番风味"),
        "冬季的甘孜，雪山更加清晰，天空格外湛蓝。贡嘎雪山、雅拉雪山、格聂神山等在晴朗的天气里清晰"
        "可见，新都桥、塔公草原的雪景吸引着众多摄影爱好者。",
        ("img", "/uploadfile/2022/1206/20221206153311902.jpg", "冬日的塔公草原与雅拉雪山"),
        "海螺沟景区冬季可观赏冰川、日照金山，还能在二号营地泡温泉；康定木格措景区的湖面冬季结冰，"
        "形成壮观的冰湖景观；稻城亚丁的雪山、森林在冬季呈现出与夏秋截然不同的美景。",
        "州文旅局相关负责人提醒，冬季高原部分路段可能出现积雪结冰，游客出行前要及时了解天气和路况"
        "信息，自驾车辆须配备防滑链，并注意做好防寒保暖和高原反应的预防。",
        "据悉，全州还将陆续发布冬春季精品旅游线路和特色活动清单，游客可通过“游甘孜”微信公众号"
        "查询景区开放时间和预约方式。",
    ]
    body, paras, left = _body(items, img="table")
    related = [("稻城亚丁景区冬季开放时间调整", "11-30"), ("康定跑马山滑雪场即将开门迎客", "11-24"),
               ("甘孜州发布十条冬季自驾游线路", "11-18"), ("理塘县举办冬季旅游推介会", "11-09")]
    rank = ["海螺沟冰川日照金山观赏季来临", "色达五明佛学院周边道路改造完成",
            "新都桥镇获评省级旅游名镇"]
    prev_t, next_t = "乡城县白藏房民宿入选全省乡村民宿示范点", "甘孜州旅游集散中心建成投用"
    html = _head('<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
                 f"{title} - 旅游资讯 - 康巴传媒网")
    html += _header("康巴传媒网", _KB_NAV, "康巴传媒网关于规范转载稿件的声明")
    html += f"""<div class="main">
  <div class="col-left">
    <div class="crumbs"><a href="/">首页</a><span> &gt; </span>
<a href="/html/ly/">旅游</a> &gt;  <a href="/html/ly/lyzx/">旅游资讯</a> &gt;  正文</div>
    <div id="Article">
      <h1>{title}<br />
<span>2022-12-06 15:37:42&nbsp;&nbsp;&nbsp;来源：康巴传媒网&nbsp;&nbsp;&nbsp;评论：<a
href="#comment_iframe" id="comment">0</a></span></h1>
      <div class="content">
{body}
      </div>
      <div id="pages" class="text-c"></div>
      <p class="f14"><strong>上一篇：</strong><a href="/html/ly/lyzx/78861.html">{prev_t}</a><br />
      <strong>下一篇：</strong><a href="/html/ly/lyzx/78937.html">{next_t}</a></p>
      <div class="bk15"></div>
      <div class="related"><h5 class="blue">延伸阅读：</h5><ul class="list blue lh24 f14">
{_related(related, "/html/ly/lyzx/788")}
      </ul></div>
      <iframe src="/index.php?m=comment&c=index&a=init&commentid=content_19-78903-1&iframe=1"
width="100%" height="100%" id="comment_iframe" frameborder="0" scrolling="no"></iframe>
    </div>
  </div>
  <div class="col-auto">
    <div class="box"><h5 class="title-2">旅游排行</h5><ul class="content digg">
{_rank(rank, "/html/ly/lyzx/787")}
    </ul></div>
  </div>
</div>
"""
    html += _footer("康巴传媒网", "川ICP备12004567号-1", "2012-2022")
    t = to_traditional
    rec = record(url=url, site="fissico", title=t(title), paragraphs=[t(p) for p in paras],
                 published_at="2022-12-06T15:37:42+08:00", source=t("康巴传媒网"),
                 category=[t("旅游"), t("旅游资讯")])
    left += [prev_t, next_t, *[x for x, _ in related], *rank]
    return _fixture(5, url, html, "utf-8", rec, left,
                    "Traditional; default v9 h1 span; a <ul> of ten measures inside the content; "
                    "two bold subheads; image in a two-row table with the caption", trad=True)


def pages() -> Iterator[Fixture]:
    yield _p01()
    yield _p02()
    yield _p03()
    yield _p04()
    yield _p05()
