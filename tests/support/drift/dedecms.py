"""DedeCMS (织梦) pages: ``templets/default/article_article.htm`` and sites' edits of it.

The shapes: ``div.place`` breadcrumb (``当前位置: 主页 > 新闻 > …``), the headline in
``div.title h2`` while an ``<h1>`` holds the logo or the column name, ``div.info``
with the date, 来源, 作者 and a ``/plus/count.php`` counter script, the body in
``div.content`` (a ``td`` of a table, ``<p>``, ``<br>`` lines or ``<div>`` rows),
``上一篇/下一篇`` in ``div.handle`` or ``ul.pagebreak``, the default
``------分隔线------`` line, 相关文章 and 热点 lists with dates.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tests.support.drift.common import Fixture, record, to_traditional
from tests.support.drift.common import today_widget as _today

FAMILY = "dedecms"
# Strings printed on each page that must stay out of its record's text (for checks).
LEFT_OUT: dict[int, list[str]] = {}




def _body(items: list[Any], *, mode: str = "p", indent: str = "", noise: str = "",
          spacer: bool = False, img: str = "center2") -> tuple[str, list[str], list[str]]:
    """Body HTML, the paragraphs it should give, and the captions it holds."""
    out: list[str] = []
    paras: list[str] = []
    left: list[str] = []

    def wrap(text: str) -> str:
        if noise == "span":
            return f'<span style="font-size:16px;font-family:宋体;">{text}</span>'
        if noise == "font":
            return f'<font face="宋体" size="3">{text}</font>'
        return text

    for it in items:
        if isinstance(it, str):
            paras.append(it)
            if mode == "br":
                out.append(f"{indent}{wrap(it)}<br />\n<br />")
            elif mode == "div":
                out.append(f"<div>{indent}{wrap(it)}</div>")
            else:
                out.append(f"<p>{indent}{wrap(it)}</p>")
                if spacer:
                    out.append("<p>&nbsp;</p>")
        elif it[0] == "h":
            paras.append(it[1])
            if mode == "br":
                out.append(f"{indent}<strong>{it[1]}</strong><br />\n<br />")
            elif mode == "div":
                out.append(f"<div><b>{it[1]}</b></div>")
            else:
                out.append(f"<p>{indent}<strong>{it[1]}</strong></p>")
        elif it[0] == "img":
            left.append(it[2])
            if img == "divpic":
                out.append(f'<div class="pic"><img src="{it[1]}" alt="" /><span>{it[2]}</span>'
                           "</div>")
            elif img == "centerbr":
                out.append(f'<div align="center"><img border="0" src="{it[1]}" /><br />'
                           f'<font color="#333333">{it[2]}</font></div>')
            else:
                out.append(f'<p align="center"><img alt="" src="{it[1]}" width="600" /></p>\n'
                           f'<p align="center">{it[2]}</p>')
        elif it[0] == "li":
            paras += [f"• {x}" for x in it[1]]
            out.append("<ul>" + "".join(f"<li>{x}</li>" for x in it[1]) + "</ul>")
    return "\n".join(out), paras, left


def _links(items: list[tuple[str, str]], href: str, cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f'<li{c}><a href="{href}{i}.html">{t}</a><span>{d}</span></li>'
                     for i, (t, d) in enumerate(items, 1))


_SXD_NAV = ["首页", "太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾",
            "吕梁"]
_KB_NAV = ["首页", "新闻", "甘孜", "康定", "泸定", "丹巴", "九龙", "雅江", "道孚", "炉霍", "旅游",
           "专题"]


def _nav(names: list[str]) -> str:
    return "".join(f'<li><a href="/{"" if n == "首页" else "list/"}">{n}</a></li>' for n in names)


def _fixture(num: int, url: str, site: str, html: str, charset: str, rec: dict[str, Any],
             left: list[str], note: str, content_type: str = "text/html",
             trad: bool = False) -> Fixture:
    if trad:
        html = to_traditional(html)
        left = [to_traditional(s) for s in left]
    LEFT_OUT[num] = left
    return Fixture(family=FAMILY, number=num, served_url=url, html=html, charset=charset,
                   expected=rec, content_type=content_type, note=note)


# --- 01: shanxidayuan, gbk, default template kept almost as shipped ----------------------

def _p01() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/changzhi/1208.html"
    title = "潞州区37个老旧小区改造项目全部完工 惠及居民1.2万户"
    items: list[Any] = [
        "本报讯（记者 李卫东）入冬前，潞州区2022年度37个老旧小区改造项目全部完成主体施工并通过"
        "竣工验收，涉及楼栋286栋、居民1.2万户，改造内容涵盖管网更新、外墙保温、道路硬化、加装电梯"
        "等多个方面。",
        "走进英雄南路的太行小区，新铺的沥青路面平整干净，楼道里换上了声控灯，单元门口的充电车棚"
        "整齐排列。“以前一下雨院里就积水，老人出门得绕着走，现在这些烦心事都解决了。”在小区住了"
        "二十多年的张大爷说。",
        "今年以来，潞州区把老旧小区改造作为民生实事的重点，按照“一区一策”的思路，由街道、社区牵头，"
        "组织居民代表、物业企业和设计单位多次召开议事会，把群众提出的412条意见建议逐条梳理、纳入"
        "设计方案。",
        ("h", "先地下后地上 管网改造打头阵"),
        "针对部分小区供水管网老化、跑冒滴漏严重的问题，区住建局协调供水、供热、燃气等专营单位同步"
        "进场，累计更换供水管道23.6公里、供热管道18.4公里，改造燃气立管4100余户，从根本上消除了"
        "安全隐患。",
        "在施工组织上，各项目实行“一个小区一名包联干部”，每天公示施工内容和进度，遇到临时停水停气"
        "提前三天张贴通知，最大限度减少对居民生活的影响。",
        ("h", "补齐短板 完善配套服务"),
        "除基础类改造外，今年的项目还增设了养老托育、便民市场、口袋公园等配套设施。其中，新建社区"
        "日间照料中心5个、“一刻钟便民生活圈”服务点12个，加装电梯46部。",
        "潞州区住建局相关负责人介绍，明年将继续实施第二批改造计划，同步探索引入社会资本参与停车设施"
        "和充电桩建设，推动老旧小区由“一次改造”向“长效管理”转变。",
    ]
    body, paras, left = _body(items, indent="　　")
    editor_line = "（责任编辑：郭丽君）"
    related = [("长治市启动2023年城镇老旧小区改造项目申报", "2022-11-02"),
               ("潞州区开展冬季供暖入户走访活动", "2022-11-09"),
               ("长治：加装电梯让老楼居民“上下自如”", "2022-10-27"),
               ("屯留区改造农村供水管网120公里", "2022-10-21")]
    hot = [("长治高新区举办秋季人才招聘会", "2022-11-12"),
           ("沁县小米获评全国名特优新农产品", "2022-11-15"),
           ("太行山大峡谷景区冬季票价公布", "2022-11-08")]
    prev_t, next_t = "长治高新区举办秋季人才招聘会", "沁县小米获评全国名特优新农产品"
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{title}_长治_山西大院资讯网</title>
<meta name="keywords" content="潞州区,老旧小区,改造,民生实事" />
<meta name="description"
content="入冬前，潞州区2022年度37个老旧小区改造项目全部完成主体施工并通过竣工验收……" />
<link href="/templets/default/style/dedecms.css" rel="stylesheet" media="screen" type="text/css" />
<script language="javascript" type="text/javascript" src="/include/dedeajax2.js"></script>
</head>
<body class="articleview">
<div class="header_top">
  <div class="w960 center">
    <span id="time" class="time">今天是：{_today(2025, 6, 2)}</span>
    <div class="toplinks"><a href="/member/login.php">登录</a> | <a
href="/member/reg_new.php">注册</a> | <a href="/plus/heightsearch.php"
target="_blank">高级搜索</a>|<a href="/data/sitemap.html" target="_blank">网站地图</a>|<a
href="/tags.php">TAG标签</a></div>
  </div>
</div>
<div class="header">
  <div class="top w960 center">
    <div class="title"><h1><a href="/"><img src="/templets/default/images/logo.gif" height="54"
width="216" alt="山西大院资讯网" />山西大院资讯网</a></h1></div>
    <div class="banner"><script src="/plus/ad_js.php?aid=1" language="javascript"></script></div>
  </div>
  <div class="module blue mT10 wrapper w963">
    <div id="navMenu"><ul>{_nav(_SXD_NAV)}</ul></div>
    <div class="search"><form name="formsearch" action="/plus/search.php">
<input type="hidden" name="kwtype" value="0" /><input name="q" type="text" class="search-keyword"
id="search-keyword" value="在这里搜索..." />
<button type="submit" class="search-submit">搜索</button></form></div>
  </div>
</div>
<div class="w960 center clear mt1">
  <div class="pleft">
    <div class="place"><strong>当前位置:</strong> <a href="http://www.shanxidayuan.com/">主页</a>
&gt; <a href="/gsyl/">新闻</a> &gt; <a href="/gsyl/changzhi/">长治</a> &gt; </div>
    <div class="viewbox">
      <div class="title"><h2>{title}</h2></div>
      <div class="info"><small>时间:</small>2022-11-14 09:32<small>来源:</small>长治日报
<small>作者:</small>李卫东 <small>点击:</small><script src="/plus/count.php?view=yes&aid=1208&mid=1"
type="text/javascript" language="javascript"></script>次</div>
      <div class="content">
        <table width="100%">
          <tr>
            <td id="article">
{body}
<p>　　{editor_line}</p>
            </td>
          </tr>
        </table>
      </div>
      <div class="dede_pages"><ul class="pagelist"></ul></div>
      <div class="boxoff"><strong>------分隔线----------------------------</strong></div>
      <div class="handle">
        <div class="context"><ul><li>上一篇：<a href="/gsyl/changzhi/1207.html">{prev_t}</a></li>
<li>下一篇：<a href="/gsyl/changzhi/1209.html">{next_t}</a></li></ul></div>
        <div class="actbox"><ul><li id="act-fav">
<a href="/plus/stow.php?aid=1208" target="_blank">收藏</a></li><li id="act-err">
<a href="/plus/erraddsave.php?aid=1208&title={title}" target="_blank">挑错</a></li><li id="act-pus">
<a href="/plus/recommend.php?aid=1208" target="_blank">推荐</a></li><li id="act-pnt">
<a href="#" onclick="window.print();">打印</a></li></ul></div>
      </div>
    </div>
    <div class="xiangguan"><dl class="tbox"><dt><strong>相关文章</strong></dt><dd>
<ul class="c2 ico1">
{_links(related, "/gsyl/changzhi/11")}
    </ul></dd></dl></div>
    <div class="commet"><dl class="tbox"><dt><strong>发表评论</strong></dt><dd>
      <form action="/plus/feedback.php?action=send" method="post" name="feedback">
<div class="dcmp-title">
<small>请自觉遵守互联网相关的政策法规，严禁发布色情、暴力、反动的言论。</small></div>
      <div class="dcmp-stand"><strong>评价:</strong>
<input type="radio" name="feedbacktype" value="feedback" /> 中立 <input type="radio"
name="feedbacktype" value="good" /> 好评 <input type="radio" name="feedbacktype" value="bad" />
差评</div>
      <div class="dcmp-content"><textarea cols="60" name="msg" rows="5"></textarea></div>
      <div class="dcmp-post">验证码:<input type="text" name="validate" size="4" />
<img src="/include/vdimgck.php" alt="" /> <input type="checkbox" name="notuser" value="1" /> 匿名?
<button type="submit">发表评论</button></div>
      </form></dd></dl></div>
  </div>
  <div class="pright">
    <div class="hot mt1"><dl class="tbox light"><dt class="light"><strong>热点排行</strong></dt>
<dd class="light"><ul class="c1 ico2">
{_links(hot, "/gsyl/changzhi/12")}
    </ul></dd></dl></div>
    <div class="adbox"><span class="ad-label">广告</span>
<script src="/plus/ad_js.php?aid=3" language="javascript"></script></div>
  </div>
</div>
<div class="footer w960 center mt1 clear">
  <div class="footer_left"></div>
  <div class="footer_body">
    <p class="powered">Copyright &copy; 2021-2025 山西大院资讯网 版权所有 <a
href="https://beian.miit.gov.cn/">晋ICP备2021004312号-1</a></p>
    <div class="copyright">未经书面授权，不得复制或建立镜像</div>
  </div>
</div>
</body>
</html>
"""
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2022-11-14T09:32:00+08:00", author="李卫东", editor="郭丽君",
                 source="长治日报", category=["新闻", "长治"])
    left += [editor_line, prev_t, next_t, "------分隔线----------------------------",
             *[t for t, _ in related], *[t for t, _ in hot], _today(2025, 6, 2)]
    return _fixture(1, url, "shanxidayuan", html, "gbk", rec, left,
                    "default article_article.htm; logo h1, headline in div.title h2; "
                    "date widget in the top bar; info line with count.php; editor line in the td",
                    content_type="text/html; charset=gbk")


# --- 02: fissico, gb18030, column name in the h1, <br> lines in the td ------------------

def _p02() -> Fixture:
    url = "http://fissico.com/html/ly/kbmj/61537.html"
    title = "海螺沟冰川景区迎来避暑旅游高峰 日均接待游客逾八千人次"
    items: list[Any] = [
        "8月中旬以来，随着成都平原持续高温，泸定县海螺沟冰川森林公园迎来避暑旅游高峰，景区日均"
        "接待游客超过8000人次，周末单日最高突破1.2万人次，酒店和民宿入住率保持在九成以上。",
        "海螺沟景区地处贡嘎山东坡，夏季平均气温在15摄氏度左右，被游客称为“天然空调房”。清晨的"
        "一号营地云雾缭绕，午后的冰川观景台阳光明亮，不少游客带着老人孩子专程前来度假。",
        ("img", "/uploads/allimg/200821/1-200821104G0.jpg",
         "游客在海螺沟冰川观景台拍照留念（杨川 摄）"),
        "为应对客流高峰，景区实行分时段预约购票，观光车增开至86台，在二号营地、三号营地增设临时"
        "休息点和医疗服务点，并安排120余名志愿者在索道站、观景台等重点区域疏导游客。",
        "“我们一家四口从重庆自驾过来，在磨西镇住了三天，白天看冰川、泡温泉，晚上在古镇逛夜市，"
        "感觉特别舒服。”来自重庆的游客刘女士说。",
        "磨西镇的民宿经营者也迎来了好时节。镇上现有民宿和农家乐320余家，不少经营户今年新增了亲子房、"
        "观景露台，一些民宿推出采摘野生菌、制作酥油茶等体验项目，吸引游客多住几天。",
        "泸定县文化旅游和体育局有关负责人表示，下一步将加强景区交通、餐饮、住宿等环节的安全检查和"
        "价格监管，持续开展“文明旅游”宣传，确保游客玩得安心、舒心。",
        "据统计，今年7月1日至8月20日，海螺沟景区累计接待游客39.6万人次，实现门票收入4300余万元，"
        "旅游市场呈现加快复苏的良好态势。",
    ]
    body, paras, left = _body(items, mode="br", indent="&nbsp;&nbsp;&nbsp;&nbsp;", img="centerbr")
    related = [("稻城亚丁景区恢复开放首周接待游客2.3万人次", "2020-06-08"),
               ("康定木格措景区推出夏季徒步线路", "2020-07-30"),
               ("海螺沟举办第二届冰川音乐节", "2020-08-14"),
               ("新都桥摄影季吸引各地爱好者", "2020-08-25")]
    prev_t, next_t = "雅江县格西草原花海进入最佳观赏期", "四姑娘山至丹巴旅游环线道路全面贯通"
    html = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="gb18030">
<title>{title} - 康巴美景 - 康巴传媒网</title>
<meta name="keywords" content="海螺沟,避暑,泸定,冰川" />
<link rel="stylesheet" type="text/css" href="/templets/kbcm/css/article.css" />
</head>
<body>
<div id="topbar"><div class="wrap"><span class="welcome">欢迎访问康巴传媒网！</span>
<span class="date"><script type="text/javascript">var d=new
Date();document.write(d.getFullYear()+"年"+(d.getMonth()+1)+"月"+d.getDate()+"日");</script></span>
<span class="login"><a href="/member/login.php">登录</a> | <a href="/member/reg_new.php">注册</a>
</span></div></div>
<div id="header"><div class="wrap"><a class="logo" href="/">
<img src="/templets/kbcm/images/logo.png" alt="康巴传媒网" /></a>
<form class="so" action="/plus/search.php" method="get"><input type="text" name="q" value="" />
<input type="submit" value="站内搜索" /></form></div></div>
<div id="nav"><ul>{_nav(_KB_NAV)}</ul></div>
<div class="wrap main">
  <div class="colhead"><h1>康巴美景</h1><span class="more"><a href="/html/ly/kbmj/">更多&gt;&gt;</a>
</span></div>
  <div class="place">当前位置: <a href="/">康巴传媒网</a> &gt; <a href="/html/ly/">旅游</a> &gt; <a
href="/html/ly/kbmj/">康巴美景</a> &gt;</div>
  <div class="left">
    <div class="title"><h2>{title}</h2></div>
    <div class="info">2020年08月21日
10:46&nbsp;&nbsp;来源：甘孜日报&nbsp;&nbsp;作者：杨川&nbsp;&nbsp;点击：<script
src="/plus/count.php?view=yes&aid=61537&mid=1" type="text/javascript">
</script>次&nbsp;&nbsp;<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a>
<a href="javascript:doZoom(12)">小</a></div>
    <div class="content"><table width="100%" border="0"><tr><td id="article">
{body}
    </td></tr></table></div>
    <div class="share">分享到：<a class="bds_tsina">新浪微博</a><a class="bds_weixin">微信</a>
<a class="bds_qzone">QQ空间</a></div>
    <ul class="pagebreak"><li>上一篇：<a href="/html/ly/kbmj/61502.html">{prev_t}</a></li>
<li>下一篇：<a href="/html/ly/kbmj/61590.html">{next_t}</a></li></ul>
    <div class="xiangguan"><h3>相关文章</h3><ul>
{_links(related, "/html/ly/kbmj/614")}
    </ul></div>
  </div>
  <div class="right">
    <div class="box"><h3>扫码关注</h3><img src="/templets/kbcm/images/qrcode.jpg" alt="" />
<p>扫一扫，关注康巴传媒微信公众号</p></div>
  </div>
</div>
<div id="footer">主办：甘孜日报社 &nbsp; 版权所有：康巴传媒网 &nbsp; <a
href="https://beian.miit.gov.cn/">川ICP备12004567号-1</a>
<br
/>本网所刊登的各种新闻、信息和各种专题专栏资料，均为康巴传媒网版权所有，未经协议授权，禁止下载使用。</div>
</body>
</html>
"""
    rec = record(url=url, site="fissico", title=title, paragraphs=paras,
                 published_at="2020-08-21T10:46:00+08:00", author="杨川", source="甘孜日报",
                 category=["旅游", "康巴美景"])
    left += [prev_t, next_t, *[t for t, _ in related], "扫一扫，关注康巴传媒微信公众号"]
    return _fixture(2, url, "fissico", html, "gb18030", rec, left,
                    "h1 holds the column name; <br>-separated body in td#article; caption in a "
                    "<font> under the image; script-written date; ul.pagebreak prev/next")


# --- 03: sxnews old URL, gbk, site left as 我的网站, <div> rows, editor in the info line ----

def _p03() -> Fixture:
    url = "http://www.sxrb.com/sxxww/xwpd/sxxw/7481523.shtml"
    title = "前5个月我省新增市场主体28.6万户 同比增长14.2%"
    items: list[Any] = [
        "记者从省市场监管局获悉，今年1至5月，全省新增各类市场主体28.6万户，同比增长14.2%，其中"
        "新增企业6.9万户、个体工商户21.2万户、农民专业合作社0.5万户。截至5月底，全省实有市场主体"
        "总量达到247.3万户。",
        "从产业分布看，第三产业新增市场主体占比达86.7%，批发零售、住宿餐饮、居民服务等行业增长较快；"
        "第二产业中，制造业新增企业4100余户，同比增长9.8%，新材料、装备制造领域表现活跃。",
        "从区域分布看，太原、晋中、运城三市新增市场主体数量位居前三，合计占全省新增总量的43.5%。"
        "山西转型综改示范区新增企业2300余户，同比增长31.6%，集聚效应持续显现。",
        "今年以来，我省深入推进“放管服”改革，全面推行企业开办“一网通办”，将企业开办时间压缩至"
        "1个工作日以内，并在全省推开“证照分离”改革，对106项涉企经营许可事项实行分类管理。",
        "省市场监管局相关负责人表示，下一步将继续深化商事制度改革，推进企业简易注销和歇业备案，"
        "完善以信用为基础的新型监管机制，为各类市场主体营造更加公平便利的发展环境。",
        "（记者 任晓宇）",
    ]
    body, paras, left = _body(items, mode="div", indent="&nbsp;&nbsp;&nbsp;&nbsp;")
    related = [("我省出台支持民营企业发展二十条措施", "2019-06-12"),
               ("一季度全省规上工业增加值增长6.1%", "2019-04-19"),
               ("太原市企业开办实现“零成本”", "2019-06-03")]
    prev_t, next_t = "全省夏粮收获进度过半", "省城新增两条公交夜班线路"
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{title}_我的网站</title>
<meta name="keywords" content="市场主体,商事制度改革,放管服" />
<meta name="description" content="" />
<link href="/templets/default/style/dedecms.css" rel="stylesheet" media="screen" type="text/css" />
</head>
<body class="articleview">
<div class="header_top"><div class="w960 center">
<span id="time" class="time">织梦CMS - 轻松建站从此开始！</span>
<span class="today" id="today">{_today(2025, 6, 3)}</span>
<script type="text/javascript">var t=new
Date();document.getElementById("today").innerHTML=t.getFullYear()+"年"+(t.getMonth()+1)+"月"+t.getDate()+"日";</script>
<div class="toplinks"><a href="/plus/heightsearch.php" target="_blank">高级搜索</a>|<a
href="/data/sitemap.html" target="_blank">网站地图</a>|<a href="/data/rssmap.html"
class="rss">RSS订阅</a>
<span>[<a href=""
onclick="this.setHomePage('http://www.sxrb.com');">设为首页</a>]
[<a href="javascript:window.external.AddFavorite('http://www.sxrb.com','山西新闻网')">加入收藏</a>]
</span></div></div></div>
<div class="header"><div class="top w960 center"><div class="title"><h1>
<a href="http://www.sxrb.com/"><img src="/templets/default/images/logo.gif" alt="山西新闻网" /></a>
</h1></div></div>
<div class="nav w960 center"><ul><li><a href="/">首页</a></li><li><a href="/sxxww/xwpd/">新闻</a>
</li><li><a href="/sxxww/zwpd/">政务</a></li><li><a href="/sxxww/jjpd/">经济</a></li><li>
<a href="/sxxww/dspd/">地市</a></li><li><a href="/sxxww/wtpd/">文体</a></li><li>
<a href="/sxxww/lypd/">旅游</a></li></ul></div></div>
<div class="w960 center clear mt1">
<div class="pleft">
<div class="place"><strong>当前位置:</strong> <a href="http://www.sxrb.com/">主页</a> &gt; <a
href="/sxxww/xwpd/">山西新闻</a> &gt; <a href="/sxxww/xwpd/sxxw/">经济</a> &gt; </div>
<div class="viewbox">
<div class="title"><h2>{title}</h2></div>
<div class="info"><small>发布时间：</small>2019-06-18 07:45:12 <small>来源：</small>
<a href="http://www.sxjjrb.cn/">山西经济日报</a> <small>编辑：</small>赵晓峰 <small>点击：</small>
<script src="/plus/count.php?view=yes&aid=7481523&mid=1" type="text/javascript"
language="javascript"></script>次</div>
<div class="content">
{body}
</div>
<div class="share">分享到：<a href="#" class="bds_more"></a>
<a class="bds_qzone" title="分享到QQ空间"></a><a class="bds_tsina" title="分享到新浪微博"></a>
<a class="bds_weixin" title="分享到微信"></a></div>
<div class="boxoff"><strong>------分隔线----------------------------</strong></div>
<ul class="pagebreak"><li class="prev">上一篇：<a href="/sxxww/xwpd/sxxw/7481519.shtml">{prev_t}</a>
</li><li class="next">下一篇：<a href="/sxxww/xwpd/sxxw/7481530.shtml">{next_t}</a></li></ul>
</div>
<div class="xiangguan"><dl class="tbox"><dt><strong>相关文章</strong></dt><dd><ul class="c2 ico1">
{_links(related, "/sxxww/xwpd/sxxw/74800")}
</ul></dd></dl></div>
</div>
<div class="pright"><div class="commend mt1"><dl class="tbox light"><dt class="light">
<strong>推荐内容</strong></dt><dd class="light"><ul class="d4"><li>
<a href="/sxxww/lypd/">暑期游山西 精品线路推荐</a>
<p>从壶口瀑布到平遥古城，十条线路带你读懂表里山河。</p></li></ul></dd></dl></div></div>
</div>
<div class="footer w960 center mt1 clear"><div class="footer_body">
<p class="powered">Powered by <a href="http://www.dedecms.com" title="织梦内容管理系统">DedeCMS</a>
&copy; 2004-2019 DesDev Inc.</p><div class="copyright">Copyright &copy; 2002-2019 DEDECMS. 织梦科技
版权所有</div></div></div>
</body>
</html>
"""
    rec = record(url=url, site="sxnews", title=title, paragraphs=paras,
                 published_at="2019-06-18T07:45:12+08:00", editor="赵晓峰", source="山西经济日报",
                 category=["山西新闻", "经济"])
    left += [prev_t, next_t, *[t for t, _ in related], "暑期游山西 精品线路推荐",
             "织梦CMS - 轻松建站从此开始！", _today(2025, 6, 3)]
    return _fixture(3, url, "sxnews", html, "gbk", rec, left,
                    "<title> left as headline_我的网站; shipped top-bar slogan; script-set "
                    "date over a static fallback; <div> rows; editor in the info line; credit "
                    "at the end",
                    content_type="text/html; charset=gbk")


# --- 04: shanxidayuan, utf-8, site-name <title>, long body with noise and spacers --------

def _p04() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/xinzhou/3745.html"
    title = "忻州杂粮产业链年产值突破百亿元 “小杂粮”做成“大产业”"
    items: list[Any] = [
        "初冬时节，走进岢岚县红芸豆加工园区，自动化分拣线上一颗颗饱满的红芸豆经过色选、抛光、包装后，"
        "被装进印有“岢岚红芸豆”字样的纸箱，发往天津港，再远销欧洲和中东市场。",
        "忻州地处黄土高原东北部，昼夜温差大、光照充足，是全国知名的杂粮主产区，谷子、莜麦、荞麦、"
        "红芸豆、黍子等杂粮作物种植面积常年稳定在300万亩以上。近年来，全市围绕“特”“优”做文章，"
        "推动杂粮产业从种植向加工、品牌、流通全链条延伸。",
        "据市农业农村局统计，今年全市杂粮全产业链产值达到102.6亿元，首次突破百亿元大关，较2019年"
        "增长近四成，杂粮产业成为带动农民增收的重要支柱。",
        ("h", "良种良法 夯实种植基础"),
        "在五寨县谷子轮作示范基地，县农技中心推广员正在测算今年的谷子单产。“今年推广的新品种，"
        "配合机械化精量播种和水肥一体化技术，亩产比往年提高了60多斤。”",
        "全市建成杂粮标准化种植基地86个，面积达到58万亩，良种覆盖率提高到95%以上。各县还与省农科院、"
        "山西农业大学合作，建立杂粮育种和栽培试验站，每年筛选推广适宜本地种植的新品种10个左右。",
        "在静乐县，藜麦种植从最初的几百亩发展到现在的3.2万亩，县里引进的加工企业建起了藜麦米、"
        "藜麦粉、藜麦茶生产线，带动周边1600多户农户实现订单种植。",
        ("h", "精深加工 延长产业链条"),
        "“过去卖原粮，一斤小米只能卖三四块钱；现在做成礼盒装的有机小米、小米锅巴、小米黄酒，"
        "附加值翻了好几倍。”忻府区一家杂粮加工企业负责人说。",
        "目前，全市有杂粮加工企业312家，其中省级以上农业产业化龙头企业28家，开发出杂粮米面、"
        "方便食品、休闲食品、保健饮品等8大类300多个品种，杂粮加工转化率达到62%。",
        ("img", "/uploads/allimg/221120/1-221120100A0.jpg",
         "岢岚县一家红芸豆加工企业的工人在生产线上分拣红芸豆。 本报记者 郝文斌 摄"),
        "在忻州经济开发区，总投资5.6亿元的杂粮食品产业园已经投入运营，园区内的燕麦片、荞麦挂面、"
        "苦荞茶等生产线满负荷运转，年加工杂粮能力达到15万吨。",
        ("h", "品牌引领 拓宽销售渠道"),
        "忻州先后打造了“忻州杂粮”区域公用品牌，以及“岢岚红芸豆”“代县黄小米”“静乐藜麦”等县域品牌，"
        "全市杂粮产品获得地理标志认证的达到17个，绿色、有机认证产品有214个。",
        "销售渠道也越走越宽。全市在北京、天津、上海等地开设杂粮直营店和体验店43家，与30多家大型商超"
        "建立长期供货关系。电商平台上，忻州杂粮店铺超过1200家，今年“双十一”期间线上销售额达到"
        "1.3亿元。",
        "今年9月举办的杂粮产业发展大会上，现场签约项目22个、总金额86亿元，进一步提升了"
        "“忻州杂粮”的知名度和影响力。",
        "市农业农村局负责人表示，下一步将持续在良种繁育、精深加工、品牌营销上下功夫，力争到2025年"
        "全市杂粮产业链产值达到150亿元，让“小杂粮”真正成为农民增收致富的“金豆豆”。",
        "（本报记者 郝文斌 通讯员 樊丽）",
    ]
    body, paras, left = _body(items, indent="&nbsp;&nbsp;&nbsp;&nbsp;", noise="span", spacer=True)
    related = [("岢岚红芸豆出口量连续三年增长", "2022-11-11"),
               ("五寨县甜糯玉米喜获丰收", "2022-10-06"),
               ("静乐藜麦入选全国农业品牌目录", "2022-09-29"),
               ("代县举办首届小米文化节", "2022-10-18")]
    hot = [("忻州古城冬季灯会筹备工作启动", "2022-11-19"),
           ("雁门关景区获评国家级夜间文旅消费集聚区", "2022-11-17"),
           ("原平市新建高标准农田5万亩", "2022-11-16"),
           ("五台山景区实行冬季门票优惠", "2022-11-18")]
    intro = ("山西大院资讯网是面向全省网民的综合资讯平台，立足山西、服务基层，及时发布太原、大同、"
             "长治、忻州、晋中等各市的政务动态、民生服务、经济发展和文化旅游资讯，欢迎广大网友投稿"
             "和提供新闻线索。")
    html = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>山西大院资讯网</title>
<meta name="keywords" content="山西大院,大院网,山西资讯,忻州" />
<link rel="stylesheet" href="/templets/dayuan/css/style.css" />
</head>
<body>
<div class="topbar"><div class="w1200"><span class="fl">{_today(2025, 6, 4)}</span><span class="fr">
<a href="/member/login.php">登录</a> | <a href="/member/reg_new.php">注册</a> | <a
href="/m/">手机版</a></span></div></div>
<div class="head w1200"><h1 class="logo"><a href="/">山西大院资讯网</a></h1>
<div class="sobox"><form action="/plus/search.php">
<input type="text" name="q" placeholder="请输入关键词" /><input type="submit" value="搜索" /></form>
</div></div>
<div class="navbar"><ul class="w1200">{_nav(_SXD_NAV)}</ul></div>
<div class="w1200 main">
<div class="place">当前位置：<a href="/">山西大院资讯网</a> &gt; <a href="/gsyl/">各市要闻</a> &gt;
<a href="/gsyl/xinzhou/">忻州</a> &gt; </div>
<div class="mleft">
<div class="viewbox">
<div class="title"><h2>{title}</h2></div>
<div class="info">日期：2022年11月20日 10:05　来源：忻州日报　作者：郝文斌　浏览次数：<script
src="/plus/count.php?view=yes&aid=3745&mid=1" type="text/javascript"></script></div>
<div class="content" id="content">
{body}
</div>
<div class="handle"><div class="context"><ul>
<li>上一篇：<a href="/gsyl/xinzhou/3744.html">忻州市召开冬季安全生产工作会议</a></li>
<li>下一篇：没有了</li></ul></div>
<div class="actbox"><a href="javascript:window.print();">打印本页</a> <a
href="javascript:window.close();">关闭窗口</a></div></div>
</div>
<div class="xiangguan"><h3>相关文章</h3><ul>
{_links(related, "/gsyl/xinzhou/36")}
</ul></div>
</div>
<div class="mright">
<div class="box"><h3>热点排行</h3><ol>
{_links(hot, "/gsyl/xinzhou/37")}
</ol></div>
<div class="box about"><h3>关于本站</h3><p>{intro}</p></div>
<div class="box ad"><span>广告</span><a href="/plus/ad.php?id=5">
<img src="/uploads/ad/banner300.jpg" alt="广告" /></a></div>
</div>
</div>
<div class="foot"><p>Copyright &copy; 山西大院资讯网 All Rights Reserved. <a
href="https://beian.miit.gov.cn/">晋ICP备2021004312号-1</a></p>
<p>违法和不良信息举报电话：0351-0000000</p></div>
</body>
</html>
"""
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2022-11-20T10:05:00+08:00", author="郝文斌", source="忻州日报",
                 category=["各市要闻", "忻州"])
    left += ["忻州市召开冬季安全生产工作会议", *[t for t, _ in related], *[t for t, _ in hot],
             intro, _today(2025, 6, 4)]
    return _fixture(4, url, "shanxidayuan", html, "utf-8", rec, left,
                    "<title> is the site name only; logo h1; span-styled <p> with &nbsp; indents "
                    "and empty spacers; three bold subheads; caption with credit under the image; "
                    "sidebar with site introduction; 18 paragraphs")


# --- 05: fissico, Traditional, fissico-style date line, byline and three short paragraphs -

def _p05() -> Fixture:
    url = "http://fissico.com/html/xw/gxdt/67941.html"
    title = "丹巴县中路乡：古碉旁的民宿带火乡村游"
    items: list[Any] = [
        "■ 本网记者 泽仁拉姆 文/图",
        ("img", "/uploads/allimg/210714/1-210714091A1.jpg", "中路乡依山而建的嘉绒藏寨民宿"),
        "七月的中路乡，青稞田一片翠绿，散落在山坡上的古碉楼与藏寨相映成趣。近年来，当地村民依托"
        "古碉群和嘉绒藏寨发展民宿，全乡已有特色民宿47家。",
        "村民格绒家的民宿有12间客房，暑期基本天天客满。“一年下来收入有十几万元，比以前光靠种地"
        "强多了。”格绒说。",
        "中路乡相关负责人介绍，今年上半年全乡接待游客3.6万人次，旅游综合收入达到1900余万元。",
    ]
    body, paras, left = _body(items, img="divpic")
    tags = ["丹巴", "民宿", "乡村旅游"]
    prev_t, next_t = "炉霍县开展草原防火专项检查", "九龙县新建村级光伏电站8座"
    html = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{title}_各县动态_康巴传媒网</title>
<meta name="keywords" content="丹巴,中路乡,古碉,嘉绒藏寨" />
<link href="/templets/kbcm/css/show.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div class="top"><div class="w1000"><span>{_today(2025, 6, 5)}</span> <a
href="/member/login.php">登录</a> | <a href="/member/reg_new.php">注册</a></div></div>
<div class="logo w1000"><h1><a href="/"><img src="/templets/kbcm/images/logo.png" alt="康巴传媒网"
/>康巴传媒网</a></h1></div>
<div class="menu"><ul class="w1000">{_nav(_KB_NAV)}</ul></div>
<div class="w1000 clearfix">
<div class="place">您所在的位置：<a href="/">康巴传媒网</a> &gt;&gt; <a href="/html/xw/">新闻</a>
&gt;&gt; <a href="/html/xw/gxdt/">各县动态</a> &gt;&gt; 浏览文章</div>
<div class="article">
<div class="title"><h2>{title}</h2></div>
<div class="info">甘孜日报&nbsp;&nbsp;&nbsp;&nbsp;2021年07月14日<script
src="/plus/count.php?view=yes&aid=67941&mid=1" type="text/javascript"></script></div>
<div class="content">
{body}
</div>
<div class="tags">标签：{"".join(f'<a href="/tags.php?/{t}/">{t}</a> ' for t in tags)}</div>
<div class="context">上一篇：<a href="/html/xw/gxdt/67902.html">{prev_t}</a>
<br />下一篇：<a href="/html/xw/gxdt/67966.html">{next_t}</a></div>
</div>
</div>
<div class="footer">康巴传媒网 版权所有 未经授权禁止复制或建立镜像 <a
href="https://beian.miit.gov.cn/">川ICP备12004567号-1</a></div>
</body>
</html>
"""
    t = to_traditional
    rec = record(url=url, site="fissico", title=t(title), paragraphs=[t(p) for p in paras],
                 published_at="2021-07-14", source=t("甘孜日报"),
                 category=[t("新闻"), t("各县动态")], tags=[t(x) for x in tags])
    left += [prev_t, next_t, _today(2025, 6, 5)]
    return _fixture(5, url, "fissico", html, "utf-8", rec, left,
                    "Traditional; fissico date line <publication>    YYYY年MM月DD日 in div.info; "
                    "byline ■ … 文/图 kept; image block with span caption; byline then three short "
                    "paragraphs; tags line", content_type="text/html; charset=utf-8", trad=True)


def pages() -> Iterator[Fixture]:
    yield _p01()
    yield _p02()
    yield _p03()
    yield _p04()
    yield _p05()
