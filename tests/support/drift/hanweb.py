"""Hanweb JCMS (大汉) government CMS article pages.

``<meta name="ArticleTitle">`` / ``PubDate`` / ``ContentSource``; the body in
``div#zoom`` (inside a table) or ``div.bt-article``; ``发布日期：`` and ``信息来源：`` in
the info line; the breadcrumb ``您当前所在的位置：首页 > …``; ``ContentStart`` /
``ContentEnd`` meta markers around the text; 【打印本页】【关闭窗口】.
Article texts are composed for the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import Any

from tests.support.drift.common import Fixture, body_paragraphs, parse_body, record

FAMILY = "hanweb"

_SITES = {
    "shanxidayuan": ("山西大院资讯网", "http://www.shanxidayuan.com/", "晋ICP备19007316号-1",
                     "首页|资讯|政务公开|县区动态|太原|长治|忻州|晋中|吕梁|临汾"),
    "fissico": ("康巴传媒网", "http://fissico.com/", "川ICP备08106215号",
                "首页|新闻|资讯|旅游|文化|各县动态|视频"),
    "sxnews": ("山西新闻网", "http://news.sxrb.com/", "晋ICP备05003612号",
               "首页|时政|经济|民生|文化|教育|城市建设"),
}




PAGES: list[dict[str, Any]] = [
    {
        "n": 1, "site": "shanxidayuan", "path": "gsyl/jinzhong/2276", "charset": "utf-8",
        "content_type": "text/html; charset=utf-8", "layout": "table",
        "titletag": "{t}", "column": "部门动态",
        "title": "晋中市出台二十条措施促进消费持续恢复", "subs": [],
        "date": "2023-03-16 10:12", "printed_date": True, "source": "晋中市商务局",
        "author": None, "editor": None, "region": None, "cats": ["政务公开", "部门动态"],
        "note": "Hanweb table layout, div#zoom with 25 paragraphs: four bold section heads"
                " and twenty numbered measures; <title> is the bare headline; no editor line",
        "body": """
为进一步释放消费潜力，推动消费持续恢复向好，近日，晋中市商务局会同有关部门研究制定了促进消费持续恢复的二十条措施，主要内容如下。
## 一、促进大宗消费
1.开展汽车促消费活动，对在本市购买新能源乘用车的个人消费者给予一次性补贴。
2.支持二手车交易市场规范化建设，简化二手车交易登记手续。
3.鼓励房地产开发企业开展让利促销，落实首套住房贷款利率政策动态调整机制。
4.开展家电以旧换新活动，对购买绿色智能家电的消费者给予补贴。
5.支持家居卖场举办家装消费节，推广绿色建材下乡。
## 二、提振餐饮住宿消费
6.发放餐饮消费券，支持餐饮企业开展美食节、夜市等促销活动。
7.对年度营业额增长较快的限额以上住宿餐饮企业给予奖励。
8.鼓励餐饮企业发展预制菜、外卖等新业态。
9.支持老字号企业开展品牌宣传和产品创新。
10.延长重点商圈营业时间，打造一批夜间经济集聚区。
## 三、扩大文旅体育消费
11.推出平遥古城、王家大院、乔家大院等景区门票优惠活动。
12.举办乡村旅游季、文化惠民演出等活动，丰富节假日文旅供给。
13.支持旅行社组织省内外游客来晋中旅游，按接待人数给予奖励。
14.有序开放学校体育场馆，举办全民健身赛事活动。
15.发放体育消费券，支持健身场所开展优惠活动。
## 四、培育消费新场景
16.支持建设智慧商圈和特色商业街区，完善停车、休憩等配套设施。
17.推动电商直播基地建设，培育本土网络品牌。
18.发展社区便民商业，打造“一刻钟便民生活圈”。
19.推动农村电商和快递物流体系建设，畅通工业品下乡、农产品进城渠道。
20.落实各项惠企政策，对受困市场主体给予房租减免和金融支持。
""",
        "related": [("晋中市召开一季度经济运行分析会", "2023-03-14"),
                    ("晋中市商务局开展消费品质量安全检查", "2023-03-10")],
    },
    {
        "n": 2, "site": "fissico", "path": "html/xw/gxdt/72584", "charset": "gbk",
        "content_type": "text/html", "layout": "bt", "titletag": "{t}-康巴传媒网",
        "column": "各县动态",
        "title": "丹巴县开展甲居藏寨冬季消防安全检查", "subs": [],
        "date": "2021-11-09", "printed_date": True, "source": "丹巴县应急管理局",
        "author": None, "editor": "泽郎卓玛", "editor_line": "编辑：泽郎卓玛　审核：王刚",
        "region": None, "cats": ["新闻", "各县动态"],
        "note": "div.bt-article layout, date only; caption paragraph under an image;"
                " 编辑/审核 line after the body; charset only in the meta tag",
        "body": """
为切实做好冬季火灾防控工作，11月8日，丹巴县应急管理局联合县消防救援大队、聂呷乡政府组成检查组，深入甲居藏寨开展消防安全检查。
检查组逐户查看了民居、民宿的用火用电情况，重点检查电气线路是否老化、灭火器材是否完好、消防通道是否畅通，并现场讲解了火灾预防和初期火灾扑救知识。
@img 2021110915230411.jpg | 检查人员在甲居藏寨一处民宿检查电气线路。
甲居藏寨民居多为石木结构，建筑密集，一旦发生火灾极易蔓延。检查组要求各经营户严格落实消防安全主体责任，规范使用取暖设备，不得私拉乱接电线。
此次检查共排查民居、民宿86户，发现并督促整改火灾隐患23处。
下一步，丹巴县将持续开展冬春火灾防控专项行动，加强重点区域巡查，切实保障群众生命财产安全。
""",
        "related": [("丹巴县召开冬春森林草原防灭火工作会", "2021-11-05"),
                    ("康定市开展高层建筑消防演练", "2021-11-02")],
    },
    {
        "n": 3, "site": "sxnews", "path": "GB/314066/9874215", "charset": "utf-8",
        "content_type": "text/html", "layout": "table",
        "titletag": "{t}_山西新闻网", "column": "城市建设",
        "title": "阳泉市老旧小区改造惠及居民3.2万户", "subs": [],
        "date": "2022-06-14 08:30:00", "printed_date": False,
        "source": "阳泉市住房和城乡建设局", "author": None, "editor": "张婷",
        "region": None, "cats": ["民生", "城市建设"],
        "note": "no date printed on the page: published_at comes from <meta name=PubDate>;"
                " bold subheads; 责任编辑 line; share bar and 相关信息",
        "body": """
今年以来，阳泉市把老旧小区改造作为重要民生工程，聚焦居民“急难愁盼”问题，统筹推进水电气暖管网更新、外墙保温、加装电梯和环境整治。
## 改造计划
全市今年计划改造老旧小区118个，涉及居民楼612栋、居民3.2万户。截至5月底，已开工改造小区76个，其中23个已完成主体改造。
## 居民参与
在改造过程中，各社区通过“居民议事会”征集意见建议，按照“一小区一方案”确定改造内容，让居民从“旁观者”变成“参与者”。
矿区一个建成于上世纪八十年代的小区，改造后新增停车位120个，建成了小游园和老年活动室。居民王阿姨说：“下楼就能遛弯、下棋，日子过得更舒心了。”
市住房和城乡建设局有关负责人表示，将加强施工质量和安全监管，确保年底前全面完成改造任务。
""",
        "related": [("阳泉市城区供热管网改造工程开工", "2022-06-10"),
                    ("盂县推进农村生活污水治理", "2022-06-07"),
                    ("平定县新建改建城市道路9条", "2022-06-02")],
    },
    {
        "n": 4, "site": "shanxidayuan", "path": "gsyl/xinzhou/3954", "charset": "gbk",
        "content_type": "text/html; charset=gbk", "layout": "table",
        "titletag": "山西大院资讯网", "column": "岢岚县",
        "title": "岢岚县举办冬季农民实用技术培训班", "subs": [],
        "date": "2023-02-08 15:30", "printed_date": True, "source": "岢岚县农业农村局",
        "author": "李晓红", "editor": None, "region": "岢岚县",
        "cats": ["县区动态", "岢岚县"],
        "note": "info line with 地区 and 作者 labels (region and author come from them);"
                " <title> is the site name; attachment-free notice",
        "body": """
2月7日，岢岚县冬季农民实用技术培训班在县职业技术学校开班，来自全县12个乡镇的200余名种养大户、合作社负责人参加培训。
本次培训为期5天，邀请省内农业院校专家和县农技中心技术人员授课，内容涵盖红芸豆高产栽培、马铃薯病虫害防治、绒山羊科学养殖和农产品电商营销等。
培训采取课堂讲授与现场观摩相结合的方式，学员们还将走进县内的标准化养殖场和蔬菜大棚，学习实际操作技能。
“冬闲正是学技术的好时候，学会了开春就能用上。”来自宋家沟乡的学员说。
据了解，今年岢岚县计划开展各类农民技能培训30期，培训人数3000人次以上。
""",
        "related": [],
    },
    {
        "n": 5, "site": "fissico", "path": "html/zx/lyzx/92107", "charset": "utf-8",
        "content_type": "text/html; charset=utf-8", "layout": "bt",
        "titletag": "{t}-康巴传媒网", "column": "旅游资讯",
        "title": "甘孜州发布春季赏花旅游线路", "subs": ["6条线路串联14个赏花点"],
        "date": "2024-03-22 15:00", "printed_date": True,
        "source": "甘孜州文化广播电视和旅游局", "author": None, "editor": "向巴",
        "region": None, "cats": ["资讯", "旅游资讯"],
        "note": "div.bt-article with a subtitle line under the headline; the routes as a"
                " <ul> list inside the text; 责任编辑 line",
        "body": """
3月21日，甘孜州文化广播电视和旅游局发布2024年春季赏花旅游线路，推出6条精品线路，串联全州14个赏花点，邀请游客走进高原看花海。
今年推出的春季赏花线路包括：
* 康定—泸定桃花梨花观赏线
* 丹巴梨花嘉绒藏寨线
* 乡城—稻城高原桃花线
* 得荣—巴塘河谷春色线
* 九龙高山杜鹃观赏线
* 海螺沟冰川杜鹃线
据介绍，受海拔差异影响，全州各地花期从3月中旬一直持续到6月，游客可根据不同时段安排行程。
州文旅部门提醒，春季高原天气多变，游客出行前请关注天气和道路信息，文明赏花，不攀折花枝。
""",
        "related": [("泸定县桃花节3月下旬开幕", "2024-03-20"),
                    ("甘孜州推出春季文旅消费惠民措施", "2024-03-18")],
    },
]


def _zoom(p: dict[str, Any], body: list[list[str]]) -> str:
    out = ["<!--ZJEG_RSS.content.begin--><meta name=\"ContentStart\">"]
    items: list[str] = []
    for b in body:
        if b[0] != "li" and items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if b[0] == "img":
            out.append(f'<p style="text-align:center"><img src="/picture/0/{b[1]}"'
                       ' border="0" /></p>')
            out.append(f'<p style="text-align:center">{escape(b[2])}</p>')
        elif b[0] == "h":
            out.append(f'<p style="text-indent:2em"><strong>{escape(b[1])}</strong></p>')
        elif b[0] == "li":
            items.append(f"<li>{escape(b[1])}</li>")
        else:
            out.append(f'<p style="text-indent:2em">{escape(b[1])}</p>')
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    out.append('<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->')
    return "\n".join(out)


def _page(p: dict[str, Any]) -> tuple[str, str]:
    site_name, root, icp, nav = _SITES[p["site"]]
    url = root.rstrip("/") + "/" + p["path"] + ".html"
    if p["site"] == "fissico":
        url = "http://fissico.com/" + p["path"] + ".html"
    body = parse_body(p["body"])
    title = escape(p["title"])
    charset = {"utf-8": "utf-8", "gbk": "gbk"}[p["charset"]]
    out = ["<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\""
           " \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">",
           '<html xmlns="http://www.w3.org/1999/xhtml">', "<head>"]
    if p["layout"] == "bt":
        out.append(f'<meta charset="{charset}">')
    else:
        out.append(f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />')
    out += [
        f"<title>{p['titletag'].format(t=title)}</title>",
        f'<meta name="SiteName" content="{site_name}">',
        f'<meta name="SiteDomain" content="{root}">',
        f'<meta name="ColumnName" content="{escape(p["column"])}">',
        '<meta name="ColumnType" content="工作动态">',
        f'<meta name="ArticleTitle" content="{title}">',
        f'<meta name="PubDate" content="{p["date"]}">',
        f'<meta name="ContentSource" content="{escape(p["source"])}">',
        f'<meta name="Keywords" content="{escape(p["column"])}">',
        f'<meta name="Author" content="{escape(p["author"])}">' if p["author"] else "",
        f'<meta name="Description" content="{title}">',
        f'<meta name="Url" content="{url}">',
        '<link rel="stylesheet" href="/images/hanweb/style.css" type="text/css">',
        '<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>',
        "</head>", "<body>",
        f'<div class="top"><div class="top-w"><span class="welcome">欢迎访问{site_name}！</span>'
        '<span class="links"><a href="#">无障碍浏览</a> <a href="#">长者模式</a>'
        ' <a href="#">登录</a> <a href="#">注册</a></span></div></div>',
        f'<div class="header"><div class="logo"><a href="{root}"><img src="/images/hanweb/'
        f'logo.png" alt="{site_name}"></a></div><div class="search"><input type="text"'
        ' value="请输入关键词"><button>搜索</button></div></div>',
        '<div class="nav"><ul>' + "".join(f'<li><a href="{root}">{x}</a></li>'
                                         for x in nav.split("|")) + "</ul></div>",
    ]
    crumbs = [f'<a href="{root}">首页</a>'] + [f'<a href="{root}">{escape(c)}</a>'
                                              for c in p["cats"]]
    out.append('<div class="position">您当前所在的位置：' + " &gt; ".join(crumbs) + "</div>")
    info = []
    if p["printed_date"]:
        info.append(f"发布日期：{p['date']}")
    info.append(f"信息来源：{escape(p['source'])}")
    if p["region"]:
        info.append(f"地区：{escape(p['region'])}")
    if p["author"]:
        info.append(f"作者：{escape(p['author'])}")
    info.append('浏览次数：<script language="javascript" src="/module/visitcount/'
                'articlehits.jsp?colid=1&artid=1"></script>')
    info_html = "&nbsp;&nbsp;&nbsp;".join(info)
    font = ('【字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">'
            '中</a> <a href="javascript:doZoom(14)">小</a>】')
    tools = ('<div class="tools">【<a href="javascript:window.print()">打印本页</a>】'
             '【<a href="javascript:window.close()">关闭窗口</a>】</div>')
    if p["editor"]:
        ed_line = p.get("editor_line") or f"责任编辑：{p['editor']}"
        editor = f'<div class="editor" align="right">{escape(ed_line)}</div>'
    else:
        editor = ""
    if p["layout"] == "bt":
        out.append('<div class="bt-article">')
        out.append(f'<div class="bt-article-title"><h1 class="bt-title">{title}</h1>')
        out += [f'<h3 class="bt-subtitle">{escape(s)}</h3>' for s in p["subs"]]
        out.append("</div>")
        out.append(f'<div class="bt-article-info">{info_html}&nbsp;&nbsp;{font}</div>')
        out.append('<div class="bt-article-content" id="zoom">' + _zoom(p, body) + "</div>")
        out.append(editor)
        out.append('<div class="bt-share">分享到：<a class="wx" href="#">微信</a>'
                   ' <a class="wb" href="#">微博</a></div>')
        out.append(tools + "</div>")
    else:
        out.append('<table width="100%" border="0" cellspacing="0" cellpadding="0"'
                   ' class="article">')
        out.append(f'<tr><td class="title" align="center">{title}</td></tr>')
        out += [f'<tr><td class="subtitle" align="center">{escape(s)}</td></tr>'
                for s in p["subs"]]
        out.append(f'<tr><td class="info" align="center">{info_html}&nbsp;&nbsp;{font}</td></tr>')
        out.append('<tr><td><div id="zoom">' + _zoom(p, body) + "</div></td></tr>")
        if editor:
            out.append(f"<tr><td>{editor}</td></tr>")
        out.append(f"<tr><td>{tools}</td></tr></table>")
        if p["site"] == "sxnews":
            out.append('<div class="bt-share">分享到：<a href="#">微信</a> <a href="#">QQ空间</a>'
                       "</div>")
    if p["related"]:
        out.append('<div class="xgxx"><div class="xgxx-t">相关信息</div><ul>' + "".join(
            f'<li><a href="{root}">{escape(t)}</a><span>{d}</span></li>'
            for t, d in p["related"]) + "</ul></div>")
    out += [
        '<div class="footer"><p><a href="#">网站地图</a> | <a href="#">联系我们</a> |'
        ' <a href="#">使用帮助</a></p>',
        f"<p>主办：{site_name} 技术支持：大汉网络</p>",
        f"<p>{icp} 建议使用1366×768以上分辨率浏览</p></div>",
        '<script type="text/javascript">function doZoom(s){document.getElementById("zoom")'
        ".style.fontSize=s+'px';}</script>",
        "</body>", "</html>",
    ]
    return url, "\n".join(x for x in out if x) + "\n"


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
            author=p["author"], editor=p["editor"], source=p["source"], region=p["region"],
            category=p["cats"])
        yield Fixture(family=FAMILY, number=p["n"], served_url=url, html=html,
                      charset=p["charset"], expected=expected,
                      content_type=p["content_type"], note=p["note"])
