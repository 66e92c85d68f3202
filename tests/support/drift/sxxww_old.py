"""Shanxi News' old template, about 2017-2020 (``/sxxww/<path>/<channel>/<id>.shtml``).

Title ``div.catalog_main p.art_tit``, deck lines in ``p`` elements around it, the info
line ``h3.art_info`` with fullwidth ``时间：`` / ``来源：`` spans, the breadcrumb
``山西新闻网>>…`` printed below it, the body ``div.art_txt`` (``<p>`` paragraphs or one
block of ``<br>`` lines), ``(责任编辑:…)``, 推荐阅读 / 相关新闻, the 网站声明 footer.
Article texts are composed for the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import Any

from tests.support.drift.common import Fixture, body_paragraphs, parse_body, record

FAMILY = "sxxww_old"

_NAV = "首页|新闻|政务|经济|文化|教育|旅游|健康|房产|汽车|图片|视频|专题|论坛"
_CITIES = "太原|大同|朔州|忻州|阳泉|吕梁|晋中|长治|晋城|临汾|运城"
_PAPERS = "山西日报|山西晚报|山西经济日报|山西农民报|山西法制报|山西市场导报"
_STATEMENT = [
    "凡本网注明“来源：山西日报、山西晚报、山西经济日报、山西农民报、山西法制报、"
    "山西市场导报、山西新闻网”的所有作品，版权均属于山西日报报业集团，未经本网授权"
    "不得转载、链接、转贴或以其他方式使用；已经本网授权的，应在授权范围内使用，并注明"
    "“来源：山西新闻网”。",
    "本网转载其他媒体之稿件，意在为公众提供免费服务。如稿件版权单位或个人不愿在本网"
    "发布，请及时与本网联系，本网将迅速删除。版权咨询电话：0351-4282063",
]




PAGES: list[dict[str, Any]] = [
    {
        "n": 1, "host": "www", "path": "xwpd/sxxw", "aid": 8236417, "charset": "gbk",
        "content_type": "text/html; charset=gbk", "titletag": "{t}--山西新闻网",
        "logo": "img", "column_h2": None, "widget": None, "mode": "p",
        "kicker": None, "title": "太原今年将新建改建公厕200座", "subs": [],
        "date": "2019-08-13 10:22", "source": "山西晚报", "author": None,
        "editor": "李娜", "cats": ["新闻频道", "山西新闻"],
        "related_head": "推荐阅读",
        "note": "old template, logo image in h1; info spans 时间/来源 then the >> breadcrumb"
                " and share bar; U+3000-indented <p> body; 推荐阅读 with dated headlines",
        "body": """
本报讯（记者 张浩）
~记者8月12日从太原市城乡管理局获悉，今年我市将新建、改建城市公厕200座，其中新建78座、改建122座，年底前全部投入使用。
据介绍，此次公厕建设重点向老旧城区、主次干道、公园广场和公交首末站倾斜，着力解决部分区域“如厕难”问题。
新建公厕将统一设置第三卫生间、无障碍设施和母婴室，部分公厕还将配备免费充电、饮水、应急药箱等便民设施。
在改建方面，将对使用年限较长、设施老化的公厕进行整体提升，更换节水型洁具，改善通风和照明条件，并逐步实现公厕24小时开放。
市城乡管理局相关负责人表示，今年还将推动沿街机关、企事业单位内部厕所对外开放，并在地图导航软件中标注位置，方便市民和游客查找。
截至目前，已有56座公厕完成主体施工。
""",
        "related": [("太原市启动背街小巷环境整治提升行动", "2019-08-12"),
                    ("省城新开通3条社区公交微循环线路", "2019-08-10"),
                    ("迎泽公园完成提质改造重新开园", "2019-08-08")],
        "hot": [],
    },
    {
        "n": 2, "host": "news", "path": "xwpd/jjpd", "aid": 8412395, "charset": "utf-8",
        "content_type": "text/html", "titletag": "{t}--经济频道--山西新闻网",
        "logo": "text", "column_h2": "经济频道", "widget": "2024年12月26日 星期四", "mode": "p",
        "kicker": None, "title": "我省煤矿智能化改造提速",
        "subs": ["年内建成智能化采掘工作面300个", "改造后井下作业人员减少三成"],
        "date": "2019-11-20 09:03", "source": "山西经济日报", "author": None,
        "editor": "杜鹃", "cats": ["经济频道", "产业动态"],
        "related_head": "相关新闻",
        "note": "h1 holds the site name as text and h2 the column name; two deck lines under"
                " the headline; bold subheads; date widget; 相关新闻 and 热点排行 lists",
        "body": """
本报讯 11月19日，
~记者从省能源局获悉，今年以来，我省加快推进煤矿智能化建设，截至10月底，全省已建成智能化采煤工作面112个、智能化掘进工作面96个，预计年底前智能化采掘工作面总数将达到300个。
## 示范煤矿带动全面推进
去年以来，我省确定了一批智能化示范煤矿，涵盖大型国有煤矿和部分地方骨干煤矿。示范煤矿在综采工作面推广应用远程操控、自动跟机、智能放顶煤等技术，实现了“有人巡视、无人值守”。
在大同的一座示范矿井，调度员坐在地面集控中心，通过大屏幕就能实时监控井下设备运行状态。矿井负责人介绍，智能化改造后，单个工作面作业人员由原来的18人减少到6人左右。
## 安全与效率同步提升
智能化改造不仅降低了井下作业强度，也提升了煤矿安全保障水平。各示范煤矿普遍建成了瓦斯、水害、顶板等灾害监测预警系统，风险隐患可实现早发现、早处置。
据测算，已完成改造的工作面，井下作业人员平均减少三成左右，生产效率提高15%以上。
## 人才短板亟待补齐
业内人士指出，智能化煤矿对技术人才的需求大幅增加，既懂采矿又懂信息技术的复合型人才仍然紧缺。
为此，我省支持煤炭企业与高校、职业院校合作开设智能采矿相关专业，今年已培训智能化操作和运维人员1.2万人次。
""",
        "related": [("全省规上工业增加值前10月增长5.6%", "2019-11-18"),
                    ("山西焦化行业产能置换项目加快建设", "2019-11-15"),
                    ("我省电力外送通道年内新增一条", "2019-11-12")],
        "hot": ["太原南站西广场改造方案公示", "我省冬季清洁取暖改造任务过半",
                "晋城至济源高速公路通车"],
    },
    {
        "n": 3, "host": "sz", "path": "dspd/szpd/bwch", "aid": 7986521, "charset": "gbk",
        "content_type": "text/html", "titletag": "{t}--朔州频道--山西新闻网",
        "logo": "img", "column_h2": "朔州频道", "widget": None, "mode": "br", "twice": True,
        "kicker": None, "title": "应县木塔完成新一轮数字化测绘", "subs": [],
        "date": "2019-04-16 11:38", "source": "朔州日报", "author": None,
        "editor": "王瑞", "cats": ["地市频道", "朔州频道", "本网传真"],
        "related_head": "推荐阅读",
        "note": "朔州 sub-site; body is one <p> of <br><br>-separated lines after the headline"
                " repeated in bold; centred caption <div> under the image; four-level"
                " breadcrumb; charset only in the meta tag",
        "body": """
本报讯（记者 高原）
~近日，应县木塔新一轮数字化测绘工作完成。测绘团队利用三维激光扫描、近景摄影测量等技术，采集了木塔各层梁、柱、斗拱的精确数据。
@img YXMT0416.jpg | 测绘人员在木塔二层采集数据。
据介绍，此次测绘共获取点云数据约2.6亿个，拍摄高清影像1.8万余张，为木塔结构监测和保护修缮方案的制定提供了基础资料。
应县木塔建于辽代，是我国现存最古老、最高大的纯木结构楼阁式建筑。近年来，有关部门持续开展木塔变形监测，对塔身倾斜、构件裂缝等情况进行长期跟踪。
下一步，当地还将依托测绘成果建设木塔数字展示平台，让游客通过虚拟现实设备“登临”木塔各层。
""",
        "related": [("朔州市启动春季国土绿化行动", "2019-04-15"),
                    ("右玉县生态旅游季活动4月下旬开幕", "2019-04-12")],
        "hot": ["朔州至太原城际列车增开班次", "怀仁陶瓷产业园新入驻企业5家",
                "山阴县奶牛养殖规模突破10万头", "平鲁区完成采煤沉陷区治理任务"],
    },
    {
        "n": 4, "host": "www", "path": "dspd/ycpd/ycxw", "aid": 7458213, "charset": "gb18030",
        "content_type": "text/html; charset=gb18030", "titletag": "山西新闻网",
        "logo": "img", "column_h2": None, "widget": "2025年4月9日 星期三", "mode": "p",
        "kicker": None, "title": "盐湖区首批“小院议事厅”挂牌运行", "subs": [],
        "date": "2018-06-12 16:40", "source": "运城日报", "author": None,
        "editor": "薛莹", "cats": ["地市频道", "运城频道", "运城新闻"],
        "related_head": "相关新闻", "comments": True,
        "note": "<title> is the site name only; a name with a character outside GBK (GB18030"
                " only); date widget; 相关新闻 with dates; comment form",
        "body": """
6月11日，盐湖区首批12个“小院议事厅”在北城街道、姚孟街道等地挂牌运行。
“小院议事厅”设在居民群众熟悉的院落、楼道和活动室，由社区党组织牵头，居民代表、物业企业、驻区单位共同参与，定期商议停车管理、环境整治、邻里纠纷等身边事。
北城街道一个老旧小区的居民代表刘䶮说，以前小区里的问题没人牵头解决，现在大家坐在一起商量，“小事不出院、大事不出社区”。
盐湖区有关负责人表示，今年年底前，全区将建成“小院议事厅”100个，推动基层治理更加精细化。
""",
        "related": [("运城市开展“文明交通”志愿服务活动", "2018-06-11"),
                    ("永济市首届农民丰收节筹备启动", "2018-06-09"),
                    ("夏县高标准农田建设完成年度任务", "2018-06-07")],
        "hot": [],
    },
    {
        "n": 5, "host": "news", "path": "whpd/wyxw", "aid": 8590442, "charset": "utf-8",
        "content_type": "text/html; charset=utf-8", "titletag": "{t}--山西新闻网",
        "logo": "text", "column_h2": None, "widget": None, "mode": "p", "split": True,
        "kicker": "讲好晋商故事 传承优良家风", "title": "《晋商家风》丛书在太原首发", "subs": [],
        "date": "2020-01-07 15:26", "source": "山西新闻网", "author": "王海滨",
        "editor": "任静", "cats": ["文化频道", "文娱新闻"],
        "related_head": "推荐阅读",
        "note": "引题 above the headline; a 作者 span in the info line; subheads; empty"
                " page-split marker and empty pager after the body",
        "body": """
本网讯 1月6日，
~《晋商家风》丛书首发式在太原举行。丛书由省内多位文史学者历时三年编撰，分为《家训篇》《商道篇》《院落篇》三卷，共计86万字。
丛书以明清时期晋商家族留下的家训、家谱、书信和碑刻为主要素材，梳理了晋商“以义制利”“诚信为本”“勤俭持家”等家风内涵。
## 从家训里读懂晋商
《家训篇》收录了祁县、太谷、平遥、介休等地晋商家族的家训120余则，并逐条进行注释和解读。
编撰者介绍，不少晋商家训对子孙读书、经商、交友、理财都有细致规定，有的甚至刻在宅院的门楣和影壁上，成为家族成员日常的行为准则。
## 从老院落里看家风
《院落篇》则从建筑角度切入，选取了30余处保存较为完整的晋商大院，通过实地测绘图和老照片，展示院落布局中体现的长幼有序、耕读传家等理念。
首发式上，主办方向省内部分中小学和社区图书室赠送了丛书。
与会专家认为，丛书既有学术价值，也兼顾通俗性，为开展家风家教宣传提供了鲜活教材。
据悉，丛书还将推出有声读物版本，并在部分晋商大院景区设立专门阅读角。
""",
        "related": [("山西省图书馆推出“寒假悦读”系列活动", "2020-01-06"),
                    ("晋剧《大院春秋》完成新一轮巡演", "2020-01-03"),
                    ("第五届山西文博会闭幕", "2019-12-28"),
                    ("太原古县城城隍庙修缮工程启动", "2019-12-25")],
        "hot": [],
    },
]


def _body_html(p: dict[str, Any], body: list[list[str]]) -> str:
    if p["mode"] == "br":
        lines = []
        if p.get("twice"):
            lines.append(f'<p align="center"><b>{escape(p["title"])}</b></p>')
        chunk: list[str] = []
        for b in body:
            if b[0] == "img":
                if chunk:
                    lines.append("<p>" + "<br />\n<br />\n".join(chunk) + "</p>")
                    chunk = []
                lines.append(f'<div align="center"><img src="/images/{p["aid"]}/{b[1]}"'
                             f' border="0" /></div>')
                lines.append(f'<div align="center">{escape(b[2])}</div>')
            else:
                chunk.append("\u3000\u3000" + escape(b[1]))
        if chunk:
            lines.append("<p>" + "<br />\n<br />\n".join(chunk) + "<br /></p>")
        return "\n".join(lines)
    out = []
    for b in body:
        if b[0] == "h":
            out.append(f"<p>\u3000\u3000<strong>{escape(b[1])}</strong></p>")
        elif b[0] == "img":
            out.append(f'<p align="center"><img src="/images/{p["aid"]}/{b[1]}" /></p>'
                       f'<p align="center"><font color="#0000ff">{escape(b[2])}</font></p>')
        else:
            out.append(f"<p>\u3000\u3000{escape(b[1])}</p>")
    return "\n".join(out)


def _page(p: dict[str, Any]) -> tuple[str, str]:
    url = f"http://{p['host']}.sxrb.com/sxxww/{p['path']}/{p['aid']}.shtml"
    body = parse_body(p["body"])
    title = escape(p["title"])
    day, hm = p["date"].split()
    y, m, d = day.split("-")
    index = url.rsplit("/", 1)[0] + "/index.shtml"
    out = [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"'
        ' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml"><head>',
        f'<meta http-equiv="Content-Type" content="text/html; charset={p["charset"]}" />',
        f"<title>{p['titletag'].format(t=title)}</title>",
        f'<meta name="keywords" content="{escape(p["cats"][-1])}" />',
        '<link rel="stylesheet" type="text/css" href="/sxxww/css/art.css" />',
        '<script type="text/javascript" src="/sxxww/js/jquery.js"></script>',
        "</head><body>",
        '<div class="top"><div class="top_l">主流媒体 山西门户</div>',
    ]
    if p["widget"]:
        out.append(f'<div class="top_date">{p["widget"]}</div>')
    out.append('<div class="top_r">' + " ".join(
        f'<a href="http://www.sxrb.com/">{x}</a>' for x in _PAPERS.split("|"))
        + ' <a href="http://bbs.sxrb.com/login.php">登录</a>'
          ' <a href="http://bbs.sxrb.com/register.php">注册</a></div></div>')
    if p["logo"] == "img":
        out.append('<div class="logo_box"><h1><a href="http://www.sxrb.com/">'
                   '<img src="/sxxww/images/logo.gif" alt="山西新闻网" /></a></h1>')
    else:
        out.append('<div class="logo_box"><h1><a href="http://www.sxrb.com/">山西新闻网</a></h1>')
    if p["column_h2"]:
        out.append(f'<h2 class="lm_name">{p["column_h2"]}</h2>')
    out.append("</div>")
    out.append('<div class="nav"><ul>' + "".join(
        f'<li><a href="http://www.sxrb.com/sxxww/">{x}</a></li>' for x in _NAV.split("|"))
        + "</ul></div>")
    out.append('<div class="city_nav">地市频道：' + " ".join(
        f'<a href="http://www.sxrb.com/sxxww/dspd/">{x}</a>' for x in _CITIES.split("|"))
        + "</div>")
    out.append('<div class="main clearfix"><div class="catalog_main">')
    if p["kicker"]:
        out.append(f'<p class="art_yt">{escape(p["kicker"])}</p>')
    out.append(f'<p class="art_tit">{title}</p>')
    out += [f'<p class="art_fbt">{escape(s)}</p>' for s in p["subs"]]
    info = f"<span>时间：{y}年{m}月{d}日 {hm}</span><span>来源：{escape(p['source'])}</span>"
    if p["author"]:
        info += f"<span>作者：{escape(p['author'])}</span>"
    out.append(f'<h3 class="art_info">{info}</h3>')
    crumbs = ['<a href="http://www.sxrb.com/">山西新闻网</a>']
    crumbs += [f'<a href="{index}">{escape(c)}</a>' for c in p["cats"]]
    out.append('<div class="art_position">' + "&gt;&gt;".join(crumbs) + "</div>")
    out.append('<div class="art_share">分享到：<a class="jiathis_button_tsina"></a>'
               '<a class="jiathis_button_weixin"></a> 评论：<span class="pl_num"></span></div>')
    out.append('<div class="art_txt">')
    out.append(_body_html(p, body))
    out.append("</div>")
    if p.get("split"):
        out.append("<!--分页符--><div class=\"art_page\"></div>")
    out.append(f'<p class="art_bj">(责任编辑:{escape(p["editor"])})</p>')
    if p.get("comments"):
        out.append('<div class="pl_box"><h4>网友评论</h4><form action="http://bbs.sxrb.com/'
                   'comment.php" method="post"><textarea name="msg"></textarea>'
                   '<p>昵称：<input name="nick" /> 验证码：<input name="code" />'
                   ' <input type="submit" value="发表评论" /></p>'
                   "<p>网友评论仅供其表达个人看法，并不表明本网同意其观点。</p></form></div>")
    if p["related"]:
        out.append(f'<div class="tjyd"><h4>{p["related_head"]}</h4><ul class="list">' + "".join(
            f'<li><a href="{index}">{escape(t)}</a><span>{dd}</span></li>'
            for t, dd in p["related"]) + "</ul></div>")
    out.append("</div>")
    out.append('<div class="side">')
    if p["hot"]:
        out.append('<div class="rdph"><h4>热点排行</h4><ol>' + "".join(
            f'<li><a href="{index}">{escape(t)}</a></li>' for t in p["hot"]) + "</ol></div>")
    out.append('<div class="ewm"><img src="/sxxww/images/ewm.jpg" alt="" />'
               "<p>扫一扫 关注山西新闻网</p></div></div></div>")
    out.append('<div class="footer"><p class="wzsm">网站声明</p>')
    out += [f"<p>{escape(s)}</p>" for s in _STATEMENT]
    out.append("<p>山西新闻网 版权所有 晋ICP备05003612号</p></div>")
    out.append('<script type="text/javascript">var pageid="' + str(p["aid"]) + '";</script>')
    out.append("</body></html>")
    return url, "\n".join(out) + "\n"


def pages() -> Iterator[Fixture]:
    for p in PAGES:
        url, html = _page(p)
        expected = record(
            url=url, site="sxnews", title=p["title"],
            subtitle=[*filter(None, [p["kicker"]]), *p["subs"]],
            paragraphs=body_paragraphs(parse_body(p["body"])),
            published_at=p["date"].replace(" ", "T") + ":00+08:00",
            author=p["author"], editor=p["editor"], source=p["source"], category=p["cats"])
        yield Fixture(family=FAMILY, number=p["n"], served_url=url, html=html,
                      charset=p["charset"], expected=expected,
                      content_type=p["content_type"], note=p["note"])
