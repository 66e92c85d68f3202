"""Xinhua's CMS article template, as sites that take Xinhua's feed or copy its
template serve it.

``div.head-line h1 span.title``; ``div.header-time`` with the date in separate
``span.year`` / ``span.day`` / ``span.time`` pieces (``<em>`` inside); ``来源：`` in
``span.source``; the body in ``div#detail``; ``【纠错】`` and ``【责任编辑:…】`` in
``div#articleEdit``; ``<meta name="publishdate">``; a second (mobile) header printed
before the PC one on some pages. Article texts are composed for the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import Any

from tests.support.drift.common import Fixture, body_paragraphs, parse_body, record

FAMILY = "xinhua"

_HOSTS = {
    "sxnews": ("山西新闻网", "晋ICP备05003612号", "首页|时政|经济|社会|文化|图片|视频"),
    "fissico": ("康巴传媒网", "川ICP备08106215号", "首页|新闻|旅游|文化|视频|专题"),
    "shanxidayuan": ("山西大院资讯网", "晋ICP备19007316号-1", "首页|资讯|太原|长治|忻州|吕梁"),
}




PAGES: list[dict[str, Any]] = [
    {
        "n": 1, "site": "sxnews", "url": "http://news.sxrb.com/GB/314064/10236581.html",
        "charset": "utf-8", "content_type": "text/html; charset=utf-8",
        "titletag": "{t}-山西新闻网", "mobile": False, "crumb": True,
        "title": "山西大同：冰雪旅游带热“冬日经济”",
        "date": "2025-02-11 15:48:36", "source": "新华网", "editor": "王茜",
        "cats": ["国内新闻"],
        "note": "Xinhua template at a Shanxi News URL: date split over span.year/day/time"
                " before the headline; Xinhua photo with caption and 新华社记者 摄 credit in"
                " one centred <p>; 当前位置 breadcrumb ending in 正文; 【纠错】 box hidden",
        "body": """
新华社太原2月11日电（记者 刘亚男）
~立春过后，山西大同的冰雪旅游热度不减。在大同古城墙下的冰雪乐园里，滑冰车、冰滑梯前排起了长队，不少游客专程从北京、河北等地赶来。
@img 17392612046781n.jpg | 2月9日，游客在大同古城墙下的冰雪乐园游玩。 | 新华社记者 刘亚男 摄
今冬以来，大同市推出冰雪运动、古城灯会、民俗体验等系列活动，串联云冈石窟、古城墙、火山群等景点，打造冬季旅游线路。
“白天去看石窟，晚上逛古城看灯，再吃上一碗刀削面，感觉很充实。”来自天津的游客周先生说。
冰雪旅游带动了餐饮、住宿、零售等消费。大同市文化和旅游局数据显示，春节假期全市接待游客人次和旅游收入均较上年同期实现两位数增长。
在古城内的一家民宿，经营者说，今年春节期间房间提前半个月就被订满了。
当地有关部门表示，将继续完善冰雪场地和配套设施，推动冰雪旅游从“季节性热”向“全年旺”转变。
""",
        "related": [("山西：“冰雪+文旅”激活冬季消费", "2025-02-08"),
                    ("太原古县城元宵灯会开幕", "2025-02-07"),
                    ("平遥古城春节假期游客量创新高", "2025-02-05")],
    },
    {
        "n": 2, "site": "fissico", "url": "http://fissico.com/html/xw/jjgz/89012.html",
        "charset": "utf-8", "content_type": "text/html", "titletag": "{t}_康巴传媒网",
        "mobile": True, "crumb": False,
        "title": "甘孜高原上的“光伏+牧业”",
        "date": "2023-11-08 09:21:47", "source": "新华网", "editor": "赵文", "cats": [],
        "note": "a mobile header (headline, date, source) printed before the PC header; no"
                " breadcrumb; 推荐 list of dated headlines in the right column",
        "body": """
新华社成都11月7日电（记者 胡旭）
~初冬时节，在四川省甘孜藏族自治州的高原牧场上，成片的光伏板在阳光下熠熠生辉，板下的牧草依然青翠，牦牛和绵羊在其间悠闲觅食。
这是当地推行的“光伏+牧业”模式：光伏板上发电，板下种草养畜，光伏板还能减少地表水分蒸发，改善牧草生长环境。
当地一家光伏电站负责人介绍，电站每年向周边牧民支付草场租金，并优先雇用当地牧民参与电站运维和清洗工作，目前已有200多名牧民在电站就业。
“以前靠放牧一年收入几万元，现在在电站上班，每个月都有稳定工资，家里的牛羊也照常放养。”一名牧民说。
近年来，甘孜州依托丰富的太阳能资源，有序推进光伏项目建设，在发展清洁能源的同时探索生态保护与牧民增收协同推进的新路子。
""",
        "related": [("四川甘孜：高原特色农牧业提质增效", "2023-11-06"),
                    ("康定机场新增两条航线", "2023-11-03"),
                    ("雅江松茸产业带动群众增收", "2023-10-30")],
    },
    {
        "n": 3, "site": "shanxidayuan", "url": "http://www.shanxidayuan.com/gsyl/lzyl/11873.html",
        "charset": "gbk", "content_type": "text/html; charset=gbk",
        "titletag": "{t}--山西大院资讯网", "mobile": False, "crumb": True,
        "title": "吕梁红枣精深加工产业链持续延伸",
        "date": "2023-09-27 10:15:02", "source": "山西日报", "editor": "韩冬",
        "cats": ["要闻"],
        "note": "GBK page in the Xinhua layout reprinting a 山西日报 story: 来源 is the paper;"
                " bold subheads inside div#detail; 首页 > 要闻 > 正文 breadcrumb",
        "body": """
本报讯（记者 冯利华）
~金秋时节，吕梁山区的枣林进入采收期。在临县一家红枣加工企业的生产车间里，经过清洗、烘干、去核等工序的红枣，被制成枣片、枣粉、枣酒等产品，销往全国各地。
## 从“卖原枣”到“卖产品”
过去，当地枣农大多以出售原枣为主，受天气和市场行情影响大。近年来，吕梁市引进和培育红枣加工企业，开发出休闲食品、饮品、保健品等多个系列产品。
目前，全市规模以上红枣加工企业达到40余家，红枣加工转化率明显提升。
## 联农带农促增收
加工企业通过订单收购、建设基地等方式，与枣农建立稳定的利益联结机制。临县一名枣农说，企业按保护价收购，每斤红枣比以前多卖了几毛钱。
吕梁市有关负责人表示，将继续支持企业开展技术改造和品牌建设，推动红枣产业向精深加工和文旅融合方向发展。
""",
        "related": [("柳林县黑木耳种植基地喜获丰收", "2023-09-25"),
                    ("交城县骏枣采摘节开幕", "2023-09-22")],
    },
    {
        "n": 4, "site": "fissico", "url": "http://fissico.com/html/ly/lyzx/95488.html",
        "charset": "utf-8", "content_type": "text/html; charset=utf-8",
        "titletag": "{t}_康巴传媒网", "mobile": True, "crumb": False, "twice": True,
        "title": "川藏公路甘孜段10座旅游驿站投用",
        "date": "2024-06-18 16:02:10", "source": "新华网", "editor": "周密", "cats": [],
        "note": "headline repeated in bold as the first line of div#detail; a list of"
                " stations as <ul><li> inside the text; mobile header first",
        "body": """
新华社成都6月18日电（记者 王曦）
~记者从四川省甘孜藏族自治州文化广播电视和旅游局获悉，川藏公路甘孜段沿线10座旅游驿站近日投入使用，为自驾游客提供休憩、补给、应急救援等服务。
据介绍，这些驿站分布在康定、雅江、理塘、巴塘等县市，每座驿站均设有休息区、卫生间、充电桩和旅游咨询台，部分驿站还配备了供氧设施。
首批投用的部分驿站包括：
* 康定折多塘驿站
* 雅江剪子弯山驿站
* 理塘海子山驿站
* 巴塘竹巴龙驿站
当地旅游部门提示，川藏公路沿线海拔高、气候多变，游客出行前应提前了解路况和天气信息，合理安排行程。
""",
        "related": [("甘孜州暑期文旅活动清单发布", "2024-06-14"),
                    ("海螺沟景区夏季避暑游升温", "2024-06-11")],
    },
    {
        "n": 5, "site": "sxnews", "url": "http://news.sxrb.com/GB/314061/10104427.html",
        "charset": "utf-8", "content_type": "text/html", "titletag": "山西新闻网",
        "mobile": False, "crumb": False,
        "title": "晋祠推出沉浸式夜游演出",
        "date": "2024-04-15 20:36:19", "source": "新华网", "editor": "刘阳", "cats": [],
        "note": "short three-paragraph item; <title> is the site name; no breadcrumb; the"
                " right column holds more text than the article",
        "body": """
新华社太原4月15日电（记者 孙亮全）
~夜幕降临，太原晋祠博物馆内灯火璀璨。13日晚，沉浸式夜游演出《晋水流长》在这里首演，演员们在古建筑群间穿行表演，带领观众“穿越”千年。
演出以晋祠的历史文化为主线，融合灯光、音乐、舞蹈和实景表演，观众跟随演员移步换景，在圣母殿、鱼沼飞梁、难老泉等处欣赏不同篇章。
据了解，演出将在每周五至周日晚间上演，持续到10月底。
""",
        "related": [("山西博物院推出春季特展", "2024-04-12"),
                    ("太原植物园郁金香进入盛花期", "2024-04-10"),
                    ("云冈石窟研究院发布数字化保护成果", "2024-04-08"),
                    ("忻州古城夜市开市", "2024-04-06")],
        "sidebar": ["晋祠位于太原市西南悬瓮山麓，是集古代祭祀建筑、园林、雕塑、壁画、碑刻"
                    "艺术为一体的历史文化遗产，晋水源头难老泉即在祠内。",
                    "开放时间：夏季8:00—18:00，冬季8:30—17:30。夜游演出期间延时开放。"],
    },
]


def _detail(p: dict[str, Any], body: list[list[str]]) -> str:
    out = ['<div id="detail">', '<span id="detailContent">']
    if p.get("twice"):
        out.append(f'<p style="text-align: center;"><strong>{escape(p["title"])}</strong></p>')
    items: list[str] = []
    for b in body:
        if b[0] != "li" and items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if b[0] == "img":
            out.append(f'<p style="text-align: center;"><img id="{b[1].split(".")[0]}"'
                       f' src="{b[1]}" title="" alt="" /></p>')
            cap = escape(b[2]) + (f"{escape(b[3])}" if b[3] else "")
            out.append(f'<p style="text-align: center;">\u3000\u3000{cap}</p>')
        elif b[0] == "h":
            out.append(f"<p>\u3000\u3000<strong>{escape(b[1])}</strong></p>")
        elif b[0] == "li":
            items.append(f"<li>{escape(b[1])}</li>")
        else:
            out.append(f"<p>\u3000\u3000{escape(b[1])}</p>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    out += ["</span>", "</div>"]
    return "\n".join(out)


def _page(p: dict[str, Any]) -> str:
    site_name, icp, nav = _HOSTS[p["site"]]
    body = parse_body(p["body"])
    title = escape(p["title"])
    day, hms = p["date"].split()
    y, m, d = day.split("-")
    cs = {"utf-8": "utf-8", "gbk": "gbk"}[p["charset"]]
    out = [
        "<!DOCTYPE html>", "<html>", "<head>",
        f'<meta http-equiv="Content-Type" content="text/html; charset={cs}" />',
        '<meta name="renderer" content="webkit" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1.0,'
        ' maximum-scale=1.0, user-scalable=no" />',
        f"<title>{p['titletag'].format(t=title)}</title>",
        f'<meta name="keywords" content="{escape(site_name)}" />',
        f'<meta name="description" content="{title}" />',
        f'<meta name="source" content="{escape(p["source"])}" />',
        f'<meta name="publishdate" content="{day}" />',
        f'<meta name="contentid" content="{p["url"].rsplit("/", 1)[1].split(".")[0]}" />',
        f'<meta property="og:title" content="{title}" />',
        '<link rel="stylesheet" href="/static/xh/css/detail.css" />',
        '<script src="/static/xh/js/jquery.min.js"></script>', "</head>", "<body>",
        '<div class="fix-ewm domPC"><img src="/static/xh/img/ewm.png" alt="" />'
        f"<p>扫码下载{escape(site_name)}客户端</p></div>",
        '<div class="topbar domPC"><div class="topbar-wrap clearfix">'
        f'<div class="logo left"><a href="/"><img src="/static/xh/img/logo.png"'
        f' alt="{escape(site_name)}" /></a></div><div class="nav left">'
        + "".join(f'<a href="/">{x}</a>' for x in nav.split("|"))
        + '</div><div class="login right"><a href="/login">登录</a>'
          '<a href="/register">注册</a></div></div></div>',
    ]
    if p["mobile"]:
        out.append(f'<div class="mheader domMobile"><h1>{title}</h1><div class="info">'
                   f'<span>{day} {hms}</span> <span>来源：{escape(p["source"])}</span>'
                   "</div></div>")
    if p["crumb"]:
        home = "山西新闻网" if p["site"] == "sxnews" else "首页"
        out.append(f'<div class="pos domPC">当前位置：<a href="/">{home}</a> &gt; '
                   + " &gt; ".join(f'<a href="/">{escape(c)}</a>' for c in p["cats"])
                   + " &gt; 正文</div>")
    out += [
        '<div class="header domPC">', '<div class="header-top clearfix">',
        '<div class="header-time left">',
        f'<span class="year"><em> {y}</em></span>',
        f'<span class="day"><em> {m}</em>/<em>{d}</em></span>',
        f'<span class="time"> {hms}</span>', "</div>",
        f'<div class="source"><span class="source">来源：{escape(p["source"])}</span></div>',
        '<div class="header-share right"><a class="wx" href="#"></a>'
        '<a class="wb" href="#"></a></div>', "</div>",
        '<div class="head-line clearfix">',
        f'<h1><span class="title">{title}</span><span class="btn-audio"></span></h1>',
        '<div class="pageShare"><div class="setFont">字体：<span class="bigger">放大</span>'
        '<span class="smaller">缩小</span></div></div>', "</div>", "</div>",
        '<div class="main clearfix">', '<div class="main-left left">',
        _detail(p, body),
        '<div id="articleEdit"><span class="tiyi1 domPC">'
        '<a href="javascript:void(0);" class="advise">【纠错】</a>'
        '<div class="tiyi01" id="advisebox01" style="display:none"><div>'
        '<textarea name="advice">请输入纠错内容</textarea></div>'
        '<div class="tiyi03"><input type="button" value="提交" /></div></div></span>'
        f'<span class="editor">【责任编辑:{escape(p["editor"])}】</span></div>',
        "</div>", '<div class="main-right right">',
        '<div class="columBox"><div class="col-tit">推荐</div><ul>'
        + "".join(f'<li><a href="/">{escape(t)}</a><span class="time">{dd}</span></li>'
                  for t, dd in p["related"]) + "</ul></div>",
    ]
    for s in p.get("sidebar", []):
        out.append(f'<div class="sideText"><p>{escape(s)}</p></div>')
    out += [
        '<div class="adv"><a href="/"><img src="/static/xh/img/ad300.jpg" alt="" /></a></div>',
        "</div>", "</div>",
        f'<div class="foot"><p>{escape(site_name)} 版权所有 {icp}</p>'
        "<p>未经书面授权，不得转载、摘编或以其他方式使用本网内容</p></div>",
        '<script>var pageid="detail";</script>', "</body>", "</html>",
    ]
    return "\n".join(out) + "\n"


def pages() -> Iterator[Fixture]:
    for p in PAGES:
        html = _page(p)
        expected = record(
            url=p["url"], site=p["site"], title=p["title"],
            paragraphs=body_paragraphs(parse_body(p["body"])),
            published_at=p["date"].replace(" ", "T") + "+08:00",
            editor=p["editor"], source=p["source"], category=p["cats"])
        yield Fixture(family=FAMILY, number=p["n"], served_url=p["url"], html=html,
                      charset=p["charset"], expected=expected,
                      content_type=p["content_type"], note=p["note"])
