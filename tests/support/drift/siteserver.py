"""SiteServer CMS (.NET era) article pages.

``div.article`` with an ``<h2>`` headline (the logo and the column name take the
``<h1>`` / ``<h2>`` of the header), ``<div class="property">`` holding ``发布时间:``
``来源:`` ``作者:`` ``点击:``, the body ``div.article_content`` made of ``<div>``
paragraphs or ``<br>`` lines, 上一篇/下一篇 and a ``相关文章`` list.
Article texts are composed for the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import Any

from tests.support.drift.common import Fixture, body_paragraphs, parse_body, record

FAMILY = "siteserver"

_DY = {
    "site": "山西大院资讯网", "root": "http://www.shanxidayuan.com/",
    "nav": "首页|资讯|大同|临汾|吕梁|长治|忻州|晋中|运城|图片|专题",
    "here": "当前位置：", "home": "首页", "zw": "正文", "time": "发布时间:", "src": "来源:",
    "author": "作者:", "hits": "点击:", "related": "相关文章", "prev": "上一篇：",
    "next": "下一篇：", "print": "打印本页", "close": "关闭窗口", "latest": "最新文章",
    "comment": "发表评论", "nick": "昵称:", "code": "验证码:", "submit": "提交评论",
    "rule": "请自觉遵守互联网相关政策法规，评论内容只代表网友观点。",
    "foot": ["Copyright &copy; 山西大院资讯网 All Rights Reserved", "晋ICP备19007316号-1"],
    "qr": "扫一扫在手机上阅读本文", "share": "分享到:",
}
_KB = {
    "site": "康巴传媒网", "root": "http://fissico.com/",
    "nav": "首页|新闻|旅游|文化|康巴美景|精品线路|视频",
    "here": "当前位置：", "home": "首页", "zw": "正文", "time": "发布时间:", "src": "来源:",
    "author": "作者:", "hits": "点击:", "related": "相关文章", "prev": "上一篇：",
    "next": "下一篇：", "print": "打印本页", "close": "关闭窗口", "latest": "最新文章",
    "comment": "发表评论", "nick": "昵称:", "code": "验证码:", "submit": "提交评论",
    "rule": "文明上网，理性发言。",
    "foot": ["甘孜日报社主办 康巴传媒网版权所有", "川ICP备08106215号-1"],
    "qr": "扫一扫在手机上阅读本文", "share": "分享到:",
}
_KB_T = {
    "site": "康巴傳媒網", "root": "http://fissico.com/",
    "nav": "首頁|新聞|旅遊|文化|康巴美景|精品線路|視頻",
    "here": "當前位置：", "home": "首頁", "zw": "正文", "time": "發佈時間:", "src": "來源:",
    "author": "作者:", "hits": "點擊:", "related": "相關文章", "prev": "上一篇：",
    "next": "下一篇：", "print": "打印本頁", "close": "關閉窗口", "latest": "最新文章",
    "comment": "發表評論", "nick": "暱稱:", "code": "驗證碼:", "submit": "提交評論",
    "rule": "文明上網，理性發言。",
    "foot": ["甘孜日報社主辦 康巴傳媒網版權所有", "川ICP備08106215號-1"],
    "qr": "掃一掃在手機上閱讀本文", "share": "分享到:",
}




PAGES: list[dict[str, Any]] = [
    {
        "n": 1, "site": "shanxidayuan", "path": "gsyl/datong", "aid": 1873, "chrome": "dy",
        "charset": "utf-8", "content_type": "text/html; charset=utf-8", "mode": "div",
        "titletag": "{t}_山西大院资讯网", "column_h2": None,
        "title": "大同古城墙开展冬季养护", "date": "2022-12-06 14:22:10",
        "source": "大同日报", "author": "刘晓燕", "cats": ["大同"], "zw": True,
        "editor": "王蕾",
        "note": "SiteServer article: <h2> headline, property line with 发布时间/来源/作者/点击"
                " (ASCII colons), <div> paragraphs, 相关文章 and 最新文章 lists with dates",
        "body": """
入冬以来，大同古城墙保护管理部门组织专业队伍，对城墙墙体、马道、垛口等部位开展冬季养护，确保古城墙安全过冬。
养护人员逐段检查城墙砖体风化、灰缝脱落和排水设施堵塞等情况，对发现的问题及时登记并分类处置。
针对冬季降雪后易出现的积水结冰问题，管理部门疏通了城墙顶部排水沟和吐水嘴，并在马道、台阶等游客通行区域铺设了防滑垫。
大同古城墙周长约7.2公里，是游客游览古城的重要线路。冬季开放期间，城墙景区将根据天气情况适时调整开放时间。
管理部门提醒，雨雪天气登城游览请注意防滑，不要攀爬垛口和城墙外侧。
据悉，明年春季，大同还将对城墙部分段落开展预防性修缮。
""",
        "prevnext": ("大同市开展冬季供热服务质量检查", "云冈区新建3处社区食堂"),
        "related": [("大同华严寺冬季游览时间调整", "2022-12-02"),
                    ("大同古城灯会筹备工作启动", "2022-11-28"),
                    ("大同火山群地质公园完成步道维护", "2022-11-21")],
        "latest": ["大同市发布冬季旅游优惠政策", "灵丘县车河有机农业小镇迎来冬季研学",
                   "广灵县剪纸艺人作品亮相省城"],
        "comments": False,
    },
    {
        "n": 2, "site": "fissico", "path": "html/xw/jjgz", "aid": 58934, "chrome": "kb_t",
        "charset": "big5", "content_type": "text/html; charset=big5", "mode": "br",
        "titletag": "{t}_康巴傳媒網", "column_h2": None,
        "title": "甘孜州春耕備耕有序推進", "date": "2020-03-18 10:26:45",
        "source": "甘孜日報", "author": "降初", "cats": ["新聞", "聚焦甘孜"], "zw": False,
        "note": "Traditional Big5 page; the body is one <div> of <br>-separated lines;"
                " 上一篇/下一篇 links; property line with 作者",
        "body": """
連日來，我州各地搶抓農時，在做好疫情防控的同時，有序推進春耕備耕工作，田間地頭呈現出一派繁忙景象。
在瀘定縣冷磧鎮，農戶們正在整地、施肥，準備種植早春蔬菜。鎮農業服務中心的技術人員深入田間，指導農戶科學施肥、合理密植。
州農牧農村局相關負責人介紹，截至目前，全州已調運各類種子1200餘噸、化肥1.8萬噸、農膜560噸，能夠滿足春耕生產需要。
為解決部分農戶外出受限、勞動力不足的問題，各縣組織農技人員、黨員志願者組成服務隊，為留守老人、困難家庭提供代耕代種服務。
今年，全州計劃播種糧食作物91萬畝，其中青稞、馬鈴薯等特色作物種植面積將進一步擴大。
""",
        "prevnext": ("康定市組織企業有序復工復產", "九龍縣開展森林草原防火專項檢查"),
        "related": [("甘孜州發佈農牧民務工就業崗位信息", "2020-03-10")],
        "latest": [], "comments": False,
    },
    {
        "n": 3, "site": "shanxidayuan", "path": "gsyl/linfen", "aid": 905, "chrome": "dy",
        "charset": "gbk", "content_type": "text/html", "mode": "div",
        "titletag": "{t}_临汾_山西大院资讯网", "column_h2": "临汾",
        "title": "尧都区“非遗进校园”活动启动", "date": "2021-05-19 09:40",
        "source": "临汾日报", "author": "", "cats": ["临汾"], "zw": True,
        "note": "GBK, charset only in the meta tag; logo in <h1> and the column name in an"
                " <h2> above the article's own <h2>; empty 作者 value; bold subhead <div>",
        "body": """
5月18日，尧都区“非遗进校园”系列活动在鼓楼西街小学启动。活动将持续至本学期末，覆盖全区30所中小学。
启动仪式上，威风锣鼓、剪纸、面塑等非遗项目的传承人走进课堂，为学生们现场展示技艺并手把手教学。
“威风锣鼓的鼓点很有气势，我想加入学校的锣鼓队。”五年级学生小杨说。
## 非遗课程进课表
今年，尧都区将在部分学校开设非遗特色课程，编写校本教材，聘请传承人担任兼职教师，并建设一批非遗传承教学基地。
区教育局有关负责人表示，让孩子们在校园里接触非遗、了解非遗，有助于增强文化自信，也为非遗传承培养后备力量。
""",
        "prevnext": None,
        "related": [("临汾市图书馆开展“书香进社区”活动", "2021-05-17"),
                    ("洪洞大槐树景区推出研学课程", "2021-05-12")],
        "latest": ["临汾市区新增公共自行车站点40个", "襄汾县丁村民俗博物馆恢复开放"],
        "comments": False,
    },
    {
        "n": 4, "site": "fissico", "path": "html/ly/jpxl", "aid": 65421, "chrome": "kb",
        "charset": "utf-8", "content_type": "text/html", "mode": "div", "twice": True,
        "titletag": "康巴传媒网", "column_h2": None,
        "title": "色达至炉霍自驾线路秋色正浓", "date": "2020-10-15 11:05:32",
        "source": "甘孜日报", "author": "四郎", "cats": [], "zw": False, "crumb": False,
        "note": "<title> is the site name; no breadcrumb; the headline repeated as the first"
                " <div> of the body; subhead; comment form under the article",
        "body": """
金秋十月，从色达县城出发，沿省道前往炉霍县，沿途的白桦林、高山柳层林尽染，金黄与火红交织，与湛蓝的天空、成群的牦牛构成一幅幅美丽画卷。
这条线路全长约150公里，沿途经过色达草原、泥朵河谷、炉霍卡娘等地，是近年来自驾游客青睐的秋季赏景线路。
## 自驾提示
线路沿途平均海拔在3500米以上，早晚温差较大，游客需备好保暖衣物和常用药品。部分路段弯道较多，请减速慢行，注意避让牲畜。
沿途加油站和餐饮点较少，建议在色达县城或炉霍县城提前做好补给。
""",
        "prevnext": ("新都桥摄影线路迎来最佳拍摄期", "稻城亚丁景区秋季旅游高峰到来"),
        "related": [],
        "latest": ["甘孜州秋季旅游安全提示", "康定情歌广场周末文艺演出恢复"],
        "comments": True,
    },
    {
        "n": 5, "site": "shanxidayuan", "path": "gsyl/lzyl", "aid": 10512, "chrome": "dy",
        "charset": "utf-8", "content_type": "text/html; charset=utf-8", "mode": "br",
        "titletag": "{t}_山西大院资讯网", "column_h2": None,
        "title": "吕梁山护工培训基地年内结业学员突破万人", "date": "2022-12-14 16:48:05",
        "source": "吕梁日报", "author": "郭永红", "cats": ["要闻资讯"], "zw": False,
        "editor": "白雪",
        "note": "<br> lines in one <div> with an image and caption between them; the reporter"
                " credit at the end names the same person as 作者; comment form, QR prompt",
        "body": """
记者从吕梁市人力资源和社会保障局获悉，今年以来，吕梁山护工培训基地累计开展护工、家政、育婴等培训班126期，结业学员突破1万人，其中农村劳动力占八成以上。
@img 20221214164805.jpg | 学员在培训基地进行老年护理实操训练。
培训基地采取“理论+实操+跟岗”的模式，学员结业后可参加职业技能等级认定，合格者由基地推荐到北京、天津、太原等地的医院、养老机构和家政企业就业。
今年结业的学员中，已有7800余人实现就业，月平均工资在4500元以上。
来自兴县的学员刘女士说，参加培训后她在太原一家养老机构找到了工作，“收入稳定，还能学到更多护理知识”。
下一步，吕梁市将扩大培训规模，增设康复护理、月嫂等课程，打造更具竞争力的劳务品牌。
（记者 郭永红）
""",
        "prevnext": ("吕梁市新建12个零工市场", "孝义市开展冬季职业技能培训"),
        "related": [("吕梁市举办冬季专场招聘会", "2022-12-09"),
                    ("方山县家政服务培训班开班", "2022-12-05")],
        "latest": [], "comments": True,
    },
]


def _content(p: dict[str, Any], body: list[list[str]]) -> str:
    out = ['<div class="article_content" id="content">']
    if p.get("twice"):
        out.append(f'<div style="text-align:center"><strong>{escape(p["title"])}</strong></div>')
    if p["mode"] == "br":
        lines: list[str] = []
        for b in body:
            if b[0] == "img":
                lines.append(f'<img src="/upload/images/{b[1]}" border="0" /><br />'
                             f"<span class=\"pic_text\">{escape(b[2])}</span>")
            else:
                lines.append("\u3000\u3000" + escape(b[1]))
        out.append("<div>" + "<br />\n".join(lines) + "<br /></div>")
    else:
        for b in body:
            if b[0] == "h":
                out.append(f"<div><strong>{escape(b[1])}</strong></div>")
            elif b[0] == "img":
                out.append(f'<div align="center"><img src="/upload/images/{b[1]}" /></div>'
                           f'<div align="center">{escape(b[2])}</div>')
            else:
                out.append(f"<div>\u3000\u3000{escape(b[1])}</div>")
    out.append("</div>")
    return "\n".join(out)


def _page(p: dict[str, Any]) -> tuple[str, str]:
    c = {"dy": _DY, "kb": _KB, "kb_t": _KB_T}[p["chrome"]]
    root = c["root"]
    url = f"{root}{p['path']}/{p['aid']}.html"
    body = parse_body(p["body"])
    title = escape(p["title"])
    out = [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"'
        ' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml">', "<head>",
        f'<meta http-equiv="Content-Type" content="text/html; charset={p["charset"]}" />',
        f"<title>{p['titletag'].format(t=title)}</title>",
        '<link href="/css/main.css" rel="stylesheet" type="text/css" />',
        '<script type="text/javascript" src="/sitefiles/bairong/jquery/jquery-1.9.1.min.js">'
        "</script>", "</head>", "<body>",
        '<div class="top"><div class="top_l"><a href="#">设为首页</a> | <a href="#">加入收藏</a>'
        '</div><div class="top_r"><a href="#">会员登录</a> | <a href="#">免费注册</a></div></div>'
        if p["chrome"] != "kb_t" else
        '<div class="top"><div class="top_l"><a href="#">設為首頁</a> | <a href="#">加入收藏</a>'
        '</div><div class="top_r"><a href="#">會員登錄</a> | <a href="#">免費註冊</a></div></div>',
        f'<div class="head"><h1 class="logo"><a href="{root}"><img src="/images/logo.png"'
        f' alt="{c["site"]}" /></a></h1>',
    ]
    if p["column_h2"]:
        out.append(f'<h2 class="lm">{escape(p["column_h2"])}</h2>')
    out.append("</div>")
    out.append('<div class="menu"><ul>' + "".join(
        f'<li><a href="{root}">{x}</a></li>' for x in c["nav"].split("|")) + "</ul></div>")
    if p.get("crumb", True):
        crumbs = [f'<a href="{root}">{c["home"]}</a>']
        crumbs += [f'<a href="{root}{p["path"]}/">{escape(x)}</a>' for x in p["cats"]]
        if p["zw"]:
            crumbs.append(c["zw"])
        out.append(f'<div class="weizhi">{c["here"]}' + " &gt; ".join(crumbs) + "</div>")
    out.append('<div class="main"><div class="left">')
    out.append('<div class="article">')
    out.append(f"<h2>{title}</h2>")
    prop = [f'<span>{c["time"]} {p["date"]}</span>', f'<span>{c["src"]} {escape(p["source"])}'
            "</span>", f'<span>{c["author"]} {escape(p["author"])}</span>',
            f'<span>{c["hits"]} <script type="text/javascript" src="/sitefiles/services/cms/'
            f'pagecount.aspx?contentID={p["aid"]}"></script></span>']
    out.append('<div class="property">' + "&nbsp;&nbsp;".join(prop) + "</div>")
    out.append("<!-- stl:content type=\"Content\" -->")
    out.append(_content(p, body))
    if p.get("editor"):
        out.append(f'<div class="editor">（责任编辑：{escape(p["editor"])}）</div>')
    out.append('<div class="pagination"></div>')
    out.append(f'<div class="tools">{c["share"]} <a href="#">QQ</a> <a href="#">微信</a>'
               f' <a href="javascript:window.print()">[{c["print"]}]</a>'
               f' <a href="javascript:window.close()">[{c["close"]}]</a></div>')
    if p["prevnext"]:
        prev, nxt = p["prevnext"]
        out.append(f'<div class="prevnext">{c["prev"]}<a href="{root}">{escape(prev)}</a><br />'
                   f'{c["next"]}<a href="{root}">{escape(nxt)}</a></div>')
    out.append("</div>")
    if p["related"]:
        out.append(f'<div class="related"><h3>{c["related"]}</h3><ul>' + "".join(
            f'<li><a href="{root}">{escape(t)}</a><span>{d}</span></li>'
            for t, d in p["related"]) + "</ul></div>")
    if p["comments"]:
        out.append(f'<div class="comment"><h3>{c["comment"]}</h3><form action="/sitefiles/'
                   'services/cms/comment.aspx" method="post"><textarea name="text"></textarea>'
                   f'<p>{c["nick"]}<input name="nick" /> {c["code"]}<input name="code" />'
                   f' <input type="submit" value="{c["submit"]}" /></p>'
                   f'<p class="rule">{c["rule"]}</p></form></div>')
    out.append("</div>")
    out.append('<div class="right">')
    if p["latest"]:
        out.append(f'<div class="box"><h3>{c["latest"]}</h3><ul>' + "".join(
            f'<li><a href="{root}">{escape(t)}</a></li>' for t in p["latest"]) + "</ul></div>")
    out.append(f'<div class="box qr"><img src="/images/qr.png" alt="" /><p>{c["qr"]}</p></div>')
    out.append("</div></div>")
    out.append('<div class="foot">' + "".join(f"<p>{x}</p>" for x in c["foot"])
               + "</div>")
    out += ["</body>", "</html>"]
    return url, "\n".join(out) + "\n"


def pages() -> Iterator[Fixture]:
    for p in PAGES:
        url, html = _page(p)
        day, t = p["date"].split()
        if t.count(":") == 1:
            t += ":00"
        expected = record(
            url=url, site=p["site"], title=p["title"],
            paragraphs=body_paragraphs(parse_body(p["body"])),
            published_at=f"{day}T{t}+08:00", author=p["author"] or None, editor=p.get("editor"),
            source=p["source"], category=p["cats"])
        yield Fixture(family=FAMILY, number=p["n"], served_url=url, html=html,
                      charset=p["charset"], expected=expected,
                      content_type=p["content_type"], note=p["note"])
