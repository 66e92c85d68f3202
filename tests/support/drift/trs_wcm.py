"""TRS WCM article pages as party papers and government sites run them.

``div.TRS_Editor`` bodies (``<p>`` with ``<font>`` / ``<span style>`` noise, a ``<style>``
block inside, empty ``<p>&nbsp;</p>``), ``<!--<$[信息内容]>begin-->`` markers, table
layouts, the ``发布时间：… 信息来源：… 浏览次数：`` line and ``【字体：大 中 小】【打印】【关闭】``.
Served at fissico and shanxidayuan URLs: a site that moves to TRS keeps its URLs.
Article texts are composed for the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import Any

from tests.support.drift.common import Fixture, body_paragraphs, parse_body, record

FAMILY = "trs_wcm"

_KB = {
    "site": "康巴传媒网", "nav": "首页|新闻|旅游|文化|视频|图片|专题|甘孜日报",
    "here": "当前位置：", "home": "首页", "zw": "正文", "time": "发布时间：",
    "src": "信息来源：", "views": "浏览次数：", "author": "作者：", "font": "字体：",
    "big": "大", "mid": "中", "small": "小", "print": "打印", "close": "关闭",
    "editor": "责任编辑：", "prev": "上一篇：", "next": "下一篇：", "related": "相关信息",
    "foot": ["主办：甘孜日报社 承办：康巴传媒网 川ICP备08106215号",
             "版权所有 未经授权禁止复制或建立镜像"],
    "qr": "扫一扫在手机打开当前页", "xxnr": "信息内容", "face": "仿宋_GB2312", "css": "宋体",
}
_KB_T = {
    "site": "康巴傳媒網", "nav": "首頁|新聞|旅遊|文化|視頻|圖片|專題|甘孜日報",
    "here": "當前位置：", "home": "首頁", "zw": "正文", "time": "發佈時間：",
    "src": "信息來源：", "views": "瀏覽次數：", "author": "作者：", "font": "字體：",
    "big": "大", "mid": "中", "small": "小", "print": "打印", "close": "關閉",
    "editor": "責任編輯：", "prev": "上一篇：", "next": "下一篇：", "related": "相關信息",
    "foot": ["主辦：甘孜日報社 承辦：康巴傳媒網 川ICP備08106215號",
             "版權所有 未經授權禁止複製或建立鏡像"],
    "qr": "掃一掃在手機打開當前頁", "xxnr": "信息內容", "face": "標楷體", "css": "新細明體",
}
_DY = {
    "site": "山西大院资讯网", "nav": "首页|资讯|太原|大同|长治|忻州|吕梁|晋中|临汾|运城|专题",
    "here": "您现在的位置：", "home": "首页", "zw": "正文", "time": "发布时间：",
    "src": "信息来源：", "views": "浏览次数：", "author": "作者：", "font": "字体：",
    "big": "大", "mid": "中", "small": "小", "print": "打印", "close": "关闭",
    "editor": "编辑：", "prev": "上一篇：", "next": "下一篇：", "related": "相关信息",
    "foot": ["山西大院资讯网 版权所有 晋ICP备19007316号-1",
             "本站部分信息来源于网络，如有侵权请联系删除"],
    "qr": "扫一扫在手机打开当前页", "xxnr": "信息内容", "face": "仿宋_GB2312", "css": "宋体",
}




PAGES: list[dict[str, Any]] = [
    {
        "n": 1, "site": "fissico", "path": "xw/dzyw", "aid": 88631, "charset": "utf-8",
        "content_type": "text/html; charset=utf-8", "chrome": "kb", "layout": "div",
        "titletag": "{t}_康巴传媒网", "style": "font",
        "title": "州委常委会召开会议研究部署秋冬季森林草原防灭火工作", "subs": [],
        "date": "2023-09-14 09:30", "source": "甘孜日报", "author": None,
        "editor": "泽仁拉姆", "cats": ["新闻", "党政要闻"],
        "note": "TRS div layout; <style> inside div.TRS_Editor, <font face size> on every"
                " paragraph, empty <p>&nbsp;</p>; 信息内容 comments; prev/next links",
        "body": """
本网讯（记者 张涛）
~9月13日，州委常委会召开会议，传达学习省森林草原防灭火工作电视电话会议精神，分析研判当前防火形势，研究部署秋冬季森林草原防灭火工作。
会议指出，我州林草资源丰富，秋冬季节气候干燥、风大物燥，野外火源管控难度大，森林草原防灭火形势严峻复杂。各级各部门要时刻绷紧防灭火这根弦，坚决克服麻痹思想和侥幸心理。
会议强调，要压紧压实各级党委政府属地责任、行业部门监管责任和林草经营主体责任，把防火责任落实到山头地块、落实到具体人员。
要聚焦重点时段、重点区域和重点人群，加强野外用火管控，严查违规用火行为，深入开展火灾隐患排查整治，做到隐患不消除不放过。
要强化应急准备，加强专业扑火队伍建设和物资储备，完善预警监测和信息报送机制，一旦发生火情，确保打早、打小、打了。
会议还研究了其他事项。
""",
        "prevnext": ("甘孜州召开2023年秋季学期开学工作会", "州政府与省属高校签署人才合作协议"),
        "related": [],
    },
    {
        "n": 2, "site": "shanxidayuan", "path": "changzhi", "aid": 1452, "charset": "gbk",
        "content_type": "text/html; charset=gbk", "chrome": "dy", "layout": "table",
        "titletag": "山西大院资讯网", "style": "span",
        "title": "长治市启动城乡供水一体化三年行动",
        "subs": ["到2025年底农村集中供水率达到95%以上"],
        "date": "2023-04-05 09:30", "source": "长治日报", "author": "申彦",
        "editor": "王丽", "cats": ["各地资讯", "长治"],
        "note": "TRS table layout with a 副标题 row; 作者 in the info line; <span style> noise"
                " and bold subheads; <title> is the site name; 编辑 line after the body",
        "body": """
4月3日，长治市召开城乡供水一体化工作推进会，正式启动为期三年的城乡供水一体化行动。
根据行动方案，长治市将按照“城乡统筹、以城带乡、集约发展”的思路，推进城市供水管网向周边乡镇和农村延伸，逐步实现城乡供水“同源、同网、同质、同价”。
## 分区推进管网延伸
方案将全市划分为城区辐射、县城辐射和山区独立供水三类区域。城区和县城周边村庄优先接入城市管网，偏远山区则通过建设规模化水厂和标准化小型供水站解决。
## 水质检测全覆盖
长治市将新建和改造水质检测中心13个，对农村供水工程水源水、出厂水和末梢水开展定期检测，检测结果按季度向社会公开。
## 建管并重确保长效
在建设的同时，长治市将组建县级供水公司，推行农村供水工程专业化管护，建立合理水价形成机制和维修养护经费保障机制。
市水利局负责人表示，到2025年底，全市农村集中供水率将达到95%以上，自来水普及率达到92%以上。
""",
        "prevnext": None,
        "related": [("长治市开展春季河湖“清四乱”专项行动", "2023-04-03"),
                    ("潞州区老旧供水管网改造工程开工", "2023-03-29"),
                    ("沁源县建成首座智慧水厂", "2023-03-24")],
    },
    {
        "n": 3, "site": "fissico", "path": "ly/kbmj", "aid": 86214, "charset": "big5",
        "content_type": "text/html; charset=big5", "chrome": "kb_t", "layout": "table",
        "titletag": "{t}--康巴傳媒網", "style": "font",
        "title": "稻城亞丁景區迎來杜鵑花觀賞期", "subs": [],
        "date": "2023-05-26 16:05", "source": "甘孜日報", "author": None,
        "editor": "格絨卓瑪", "cats": ["旅遊", "康巴美景"], "zw": True,
        "note": "Traditional Big5 TRS table page; breadcrumb ends in 正文; TRS image with"
                " OLDSRC and a centred caption paragraph under it",
        "body": """
本網訊（記者 劉洪）
~時下，稻城亞丁景區海拔3900米至4500米的山坡上，高山杜鵑競相綻放，粉的、白的、紫的花朵點綴在雪山草甸之間，吸引了大批遊客前來觀賞。
@img W020230526384610527193.jpg | 遊客在亞丁景區洛絨牛場觀賞杜鵑花。
據景區管理局介紹，亞丁景區分佈有杜鵑花品種30餘種，花期從5月中旬持續到7月上旬，其中景區入口至珍珠海沿線、洛絨牛場周邊是最佳觀賞區域。
為做好花期遊客服務，景區增派了觀光車和講解員，在主要觀景點設置了臨時休息區和醫療服務點，並提醒遊客注意防範高原反應，不要採摘花枝、踐踏草甸。
今年以來，稻城縣持續推進景區提質升級，完善遊客中心、步道、廁所等配套設施。截至5月中旬，亞丁景區累計接待遊客28.6萬人次。
""",
        "prevnext": None,
        "related": [("海螺溝景區冰川觀景臺改造完成", "2023-05-24"),
                    ("丹巴縣梭坡古碉群保護性修繕啟動", "2023-05-22"),
                    ("新都橋攝影小鎮迎來寫生旺季", "2023-05-19")],
    },
    {
        "n": 4, "site": "shanxidayuan", "path": "xinzhou", "aid": 4528, "charset": "utf-8",
        "content_type": "text/html", "chrome": "dy", "layout": "div",
        "titletag": "{t}-山西大院资讯网", "style": "plain", "twice": True,
        "title": "忻州市出台支持杂粮产业高质量发展十条措施", "subs": [],
        "date": "2023-10-12", "source": "忻州市农业农村局", "author": None,
        "editor": None, "cats": ["忻州"], "zw": True,
        "note": "government-notice TRS page: date only, headline repeated in bold at the top"
                " of TRS_Editor, twelve numbered paragraphs, no editor line, QR prompt",
        "body": """
近日，忻州市出台《关于支持杂粮产业高质量发展的若干措施》，从种植、加工、品牌、销售等环节提出十条具体措施，推动杂粮产业提质增效。
一、扩大优质杂粮种植面积，对连片种植谷子、红芸豆、燕麦、荞麦等杂粮作物500亩以上的经营主体给予补贴。
二、推广良种良法，每年遴选一批杂粮优良品种，在各县建设示范基地，开展全程技术指导。
三、支持杂粮加工企业技术改造，对新上精深加工生产线的企业按设备投资额给予一定比例奖补。
四、培育杂粮龙头企业，对新认定的国家级、省级农业产业化龙头企业给予一次性奖励。
五、打造区域公用品牌，统一使用“忻州杂粮”标识，支持企业参加各类农产品展销会。
六、发展杂粮电商，支持建设县级电商公共服务中心和村级服务站点，开展直播带货培训。
七、完善仓储物流设施，支持建设产地烘干、仓储保鲜和冷链物流设施。
八、加强金融支持，鼓励金融机构开发杂粮产业专属信贷产品，扩大政策性农业保险覆盖面。
九、强化科技支撑，支持企业与科研院所合作开展杂粮功能成分研究和新产品开发。
十、建立联农带农机制，鼓励企业通过订单收购、保底分红等方式带动农户增收。
措施自发布之日起施行，有效期三年。
""",
        "prevnext": ("忻州市召开秋粮收购工作部署会", "静乐县藜麦种植基地迎来丰收"),
        "related": [],
    },
    {
        "n": 5, "site": "fissico", "path": "xw/gxdt", "aid": 79315, "charset": "gb18030",
        "content_type": "text/html", "chrome": "kb", "layout": "table",
        "titletag": "康巴传媒网", "style": "br",
        "title": "理塘县勒通古镇开展夏季民俗文化展演", "subs": [],
        "date": "2022-07-28 17:42:16", "source": "理塘县融媒体中心", "author": None,
        "editor": "杨敏", "cats": ["新闻", "各县动态"],
        "note": "TRS table page whose paragraphs are <br>-separated lines inside one <p>;"
                " image with caption and 供图 credit; <title> is the site name",
        "body": """
7月27日，理塘县勒通古镇夏季民俗文化展演活动拉开帷幕，来自全县各乡镇的12支文艺队伍轮番登场，为游客和群众献上一场民俗文化盛宴。
@img W020220728593017284566.jpg | 演员在勒通古镇广场表演锅庄。 | 理塘县融媒体中心供图
展演活动持续5天，内容包括锅庄、弦子、藏戏片段以及传统服饰展示等。古镇街巷内同步设置了非遗手工艺品展销摊位，唐卡、藏香、牦牛绒制品等受到游客青睐。
“第一次看到这么多传统舞蹈，特别有感染力。”来自成都的游客李女士说。
近年来，理塘县依托勒通古镇、千户藏寨等文旅资源，持续举办节庆活动，今年上半年全县接待游客人次同比增长超过四成。
""",
        "prevnext": ("巴塘县弦子文化节7月底举行", "乡城县开展夏季森林防火巡查"),
        "related": [],
    },
]

_STYLE = ('<style type="text/css">\n.TRS_Editor P{{margin-top:0px;margin-bottom:12px;'
          "line-height:1.8;font-family:{css};font-size:12pt;}}"
          ".TRS_Editor DIV{{margin-top:0px;margin-bottom:12px;line-height:1.8;"
          "font-family:{css};font-size:12pt;}}.TRS_Editor TD{{font-size:12pt;}}\n</style>")


def _para(p: dict[str, Any], c: dict[str, Any], kind: str, text: str) -> str:
    t = escape(text)
    if kind == "h":
        t = f"<strong>{t}</strong>"
    if p["style"] == "font":
        return (f'<p style="text-indent: 2em;"><font face="{c["face"]}" size="4">{t}'
                "</font></p>")
    if p["style"] == "span":
        return (f'<p align="justify" style="text-indent: 2em; line-height: 28px;">'
                f'<span style="font-family: {c["css"]}; font-size: 16px;">{t}</span></p>')
    return f"<p>\u3000\u3000{t}</p>"


def _editor_html(p: dict[str, Any], c: dict[str, Any], body: list[list[str]]) -> str:
    out = [f"<!--<$[{c['xxnr']}]>begin-->", '<div class="TRS_Editor">',
           _STYLE.format(css=c["css"])]
    if p["style"] == "span":
        out.append('<div class="Custom_UnionStyle">')
    if p.get("twice"):
        out.append(f'<p align="center"><strong>{escape(p["title"])}</strong></p>')
    chunk: list[str] = []
    for i, b in enumerate(body):
        if b[0] == "img":
            if chunk:
                out.append("<p>" + "<br />".join(chunk) + "</p>")
                chunk = []
            out.append(f'<p align="center"><img src="./{b[1]}" OLDSRC="{b[1]}"'
                       ' border="0" /></p>')
            cap = escape(b[2])
            if b[3]:
                cap += f"<br />（{escape(b[3])}）"
            out.append(f'<p align="center" style="text-align: center;">{cap}</p>')
        elif p["style"] == "br":
            chunk.append("\u3000\u3000" + escape(b[1]))
        else:
            out.append(_para(p, c, b[0], b[1]))
            if p["style"] == "font" and i == 1:
                out.append("<p>&nbsp;</p>")
    if chunk:
        out.append("<p>" + "<br />".join(chunk) + "</p>")
    if p["style"] == "span":
        out.append("<p>&nbsp;</p></div>")
    out += ["</div>", f"<!--<$[{c['xxnr']}]>end-->"]
    return "\n".join(out)


def _page(p: dict[str, Any]) -> tuple[str, str]:
    c = {"kb": _KB, "kb_t": _KB_T, "dy": _DY}[p["chrome"]]
    if p["site"] == "fissico":
        url = f"http://fissico.com/html/{p['path']}/{p['aid']}.html"
        root = "http://fissico.com/"
    else:
        url = f"http://www.shanxidayuan.com/gsyl/{p['path']}/{p['aid']}.html"
        root = "http://www.shanxidayuan.com/"
    body = parse_body(p["body"])
    title = escape(p["title"])
    cs = p["charset"].upper() if p["charset"] != "utf-8" else "UTF-8"
    out = [
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">', "<html>", "<head>",
        f'<meta http-equiv="Content-Type" content="text/html; charset={cs}">',
        f"<title>{p['titletag'].format(t=title)}</title>",
        f'<meta name="ArticleTitle" content="{title}">',
        f'<meta name="PubDate" content="{p["date"]}">',
        f'<meta name="ContentSource" content="{escape(p["source"])}">',
        '<link href="../../../images/css.css" rel="stylesheet" type="text/css">',
        '<script language="javascript" src="../../../js/common.js"></script>',
        "<script language=\"javascript\">function doZoom(size){document.getElementById("
        "'zoom').style.fontSize=size+'px';}</script>",
        "</head>", '<body topmargin="0" leftmargin="0">',
        '<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">',
        f'<tr><td class="top_logo"><a href="{root}"><img src="../../../images/logo.jpg"'
        f' alt="{c["site"]}" border="0"></a></td><td class="top_r">'
        f'<a href="{root}">{c["home"]}</a></td></tr></table>',
        '<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"'
        ' class="nav"><tr>' + "".join(
            f'<td><a href="{root}">{x}</a></td>' for x in c["nav"].split("|")) + "</tr></table>",
    ]
    crumbs = [f'<a href="{root}">{c["home"]}</a>']
    crumbs += [f'<a href="{url.rsplit("/", 1)[0]}/">{escape(x)}</a>' for x in p["cats"]]
    if p.get("zw"):
        crumbs.append(c["zw"])
    crumb = f'<div class="position">{c["here"]}' + " &gt; ".join(crumbs) + "</div>"
    info = f'{c["time"]}{p["date"]}&nbsp;&nbsp;{c["src"]}{escape(p["source"])}&nbsp;&nbsp;'
    if p["author"]:
        info += f'{c["author"]}{escape(p["author"])}&nbsp;&nbsp;'
    info += (f'{c["views"]}<span id="viewcount"></span><script language="javascript"'
             f' src="/wcm/count.jsp?id={p["aid"]}"></script>')
    tools = (f'【{c["font"]}<a href="javascript:doZoom(18)">{c["big"]}</a>'
             f' <a href="javascript:doZoom(16)">{c["mid"]}</a>'
             f' <a href="javascript:doZoom(14)">{c["small"]}</a>】'
             f'【<a href="javascript:window.print()">{c["print"]}</a>】'
             f'【<a href="javascript:window.close()">{c["close"]}</a>】')
    editor = f'<div class="bjxx">{c["editor"]}{escape(p["editor"])}</div>' if p["editor"] else ""
    if p["layout"] == "table":
        out.append('<table width="1000" border="0" align="center" cellpadding="0"'
                   f' cellspacing="0"><tr><td>{crumb}</td></tr></table>')
        out.append('<table width="960" border="0" align="center" cellpadding="0"'
                   ' cellspacing="0" class="article">')
        out.append(f'<tr><td align="center" class="bt_title" height="60">{title}</td></tr>')
        for s in p["subs"]:
            out.append(f'<tr><td align="center" class="fbt">{escape(s)}</td></tr>')
        out.append(f'<tr><td align="center" class="info" height="30">{info}</td></tr>')
        out.append(f'<tr><td align="right" class="tools">{tools}</td></tr>')
        out.append('<tr><td class="content" id="zoom">' + _editor_html(p, c, body) + "</td></tr>")
        if editor:
            out.append(f'<tr><td align="right">{editor}</td></tr>')
        out.append("</table>")
    else:
        out.append(crumb)
        out.append('<div class="article_box">')
        out.append(f'<div class="art_title"><h1>{title}</h1>')
        out += [f"<h2>{escape(s)}</h2>" for s in p["subs"]]
        out.append("</div>")
        out.append(f'<div class="art_info">{info}<span class="tools">{tools}</span></div>')
        out.append('<div class="art_con" id="zoom">' + _editor_html(p, c, body) + "</div>")
        out.append(editor)
        out.append("</div>")
    if p["prevnext"]:
        prev, nxt = p["prevnext"]
        out.append(f'<div class="prevnext"><p>{c["prev"]}<a href="{root}">{escape(prev)}</a></p>'
                   f'<p>{c["next"]}<a href="{root}">{escape(nxt)}</a></p></div>')
    if p["related"]:
        out.append(f'<div class="xgxx"><h3>{c["related"]}</h3><ul>' + "".join(
            f'<li><a href="{root}">{escape(t)}</a>&nbsp;<span>[{d}]</span></li>'
            for t, d in p["related"]) + "</ul></div>")
    out.append(f'<div class="qr"><img src="../../../images/qr.png" alt=""><p>{c["qr"]}</p></div>')
    out.append('<table width="1000" border="0" align="center" class="footer"><tr><td>'
               + "<br>".join(c["foot"]) + "</td></tr></table>")
    out += ["</body>", "</html>"]
    return url, "\n".join(out) + "\n"


def _published(date: str) -> str:
    if " " not in date:
        return date
    day, t = date.split()
    if t.count(":") == 1:
        t += ":00"
    return f"{day}T{t}+08:00"


def pages() -> Iterator[Fixture]:
    for p in PAGES:
        url, html = _page(p)
        expected = record(
            url=url, site=p["site"], title=p["title"], subtitle=p["subs"],
            paragraphs=body_paragraphs(parse_body(p["body"])), published_at=_published(p["date"]),
            author=p["author"], editor=p["editor"], source=p["source"], category=p["cats"])
        yield Fixture(family=FAMILY, number=p["n"], served_url=url, html=html,
                      charset=p["charset"], expected=expected,
                      content_type=p["content_type"], note=p["note"])
