"""PbootCMS pages: the Bootstrap demo template (``template/default``) put to news use.

The shapes: a ``<title>`` that is the CMS demo title, a raw ``{pboot:sitetitle}`` tag
or the site name; a fixed ``navbar`` with the logo; a jumbotron whose ``<h1>`` is the
column name; ``div.position`` (``当前位置：首页 > …``); the headline in ``h2.text-center``
(sometimes with an ``<h5>`` deck under it) inside ``div.container.pages``; the info
line ``作者：… 来源：… 发布日期：… 访问量：…``; ``div.content`` from UEditor
(``text-indent`` paragraphs, ``<div>`` rows, ``figure`` images); 标签 and 上一篇/下一篇
in ``div.text-secondary``; the demo footer's ``<h5>`` columns, 营业执照 and
``扫码添加微信``; the mobile bottom bar.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tests.support.drift.common import Fixture, record, to_traditional
from tests.support.drift.common import today_widget as _today

FAMILY = "pbootcms"
# Strings printed on each page that must stay out of its record's text (for checks).
LEFT_OUT: dict[int, list[str]] = {}

_DEMO_TITLE = "PbootCMS - 永久开源免费的PHP企业网站开发建设管理系统"



def _body(items: list[Any], *, mode: str = "p") -> tuple[str, list[str], list[str]]:
    """UEditor output, the paragraphs and the captions."""
    out: list[str] = []
    paras: list[str] = []
    left: list[str] = []
    for it in items:
        if isinstance(it, str):
            paras.append(it)
            if mode == "div":
                out.append(f"<div>{it}</div>")
            else:
                out.append(f'<p style="text-indent: 2em; line-height: 1.75em;">{it}</p>')
        elif it[0] == "h":
            paras.append(it[1])
            out.append(f"<div><strong>{it[1]}</strong></div>" if mode == "div"
                       else f'<p style="text-indent: 2em;"><strong>{it[1]}</strong></p>')
        elif it[0] == "h5":
            paras.append(it[1])
            out.append(f'<h5 class="mt-3">{it[1]}</h5>')
        elif it[0] == "img":
            left.append(it[2])
            out.append(f'<figure class="figure d-block text-center"><img src="{it[1]}" '
                       'class="figure-img img-fluid rounded" alt="">'
                       f'<figcaption class="figure-caption">{it[2]}</figcaption></figure>')
        elif it[0] == "li":
            paras += [f"• {x}" for x in it[1]]
            out.append('<ul class="list-unstyled pl-4">'
                       + "".join(f"<li>{x}</li>" for x in it[1]) + "</ul>")
    return "\n".join(out), paras, left


def _fixture(num: int, url: str, html: str, charset: str, rec: dict[str, Any], left: list[str],
             note: str, content_type: str = "text/html", trad: bool = False) -> Fixture:
    if trad:
        html = to_traditional(html)
        left = [to_traditional(s) for s in left]
    LEFT_OUT[num] = left
    return Fixture(family=FAMILY, number=num, served_url=url, html=html, charset=charset,
                   expected=rec, content_type=content_type, note=note)


def _head(title: str, charset: str = "utf-8", extra: str = "") -> str:
    return f"""<!doctype html>
<html lang="zh">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<title>{title}</title>
{extra}<link rel="stylesheet" href="/template/default/bootstrap/css/bootstrap.min.css">
<link rel="stylesheet" href="/template/default/font-awesome-4.7.0/css/font-awesome.min.css">
<link rel="stylesheet" href="/template/default/css/aoyun.css?v=v1.3.5">
<link rel="shortcut icon" href="/favicon.ico" type="image/x-icon">
<script src="/template/default/js/jquery-1.12.4.min.js"></script>
</head>
<body>
"""


def _navbar(brand: str, items: list[str], active: str, brand_h1: bool = False) -> str:
    lis = "".join(f'<li class="nav-item{" active" if n == active else ""}"><a class="nav-link" '
                  f'href="/{"" if n == "首页" else "list/"}">{n}</a></li>' for n in items)
    logo = (f'<h1 class="navbar-brand my-1 h4"><a href="/">{brand}</a></h1>' if brand_h1 else
            f'<a class="navbar-brand my-1" href="/"><img src="/static/upload/image/20220301/'
            f'1646101459462835.png" class="logo-sm-height" height="50" alt="{brand}"></a>')
    return f"""<nav class="navbar navbar-light bg-light fixed-top navbar-expand-lg shadow-sm">
  <div class="container">
    {logo}
    <button class="navbar-toggler" type="button" data-toggle="collapse" data-target="#navbarNav">
<span class="navbar-toggler-icon"></span></button>
    <div class="collapse navbar-collapse justify-content-end" id="navbarNav">
<ul class="navbar-nav">{lis}</ul>
      <form class="form-inline my-2 my-lg-0" action="/search/" method="get">
<input class="form-control mr-sm-2" type="search" name="keyword" placeholder="请输入搜索关键字">
<button class="btn btn-info my-2 my-sm-0" type="submit">搜索</button></form>
      <span class="ml-2 small"><a href="/login/">登录</a> | <a href="/register/">注册</a></span>
    </div>
  </div>
</nav>
<div class="head-sm-height"></div>
"""


def _jumbo(h1: str, lead: str) -> str:
    bg = ("background:#e9ecef url(/static/upload/image/20220301/1646101813617784.jpg);"
          "background-size:cover;no-repeat")
    return f"""<div class="jumbotron jumbotron-fluid mb-2" style="{bg}">
  <div class="container text-light">
    <h1 class="fs-18 fs-sm-26 wow fadeInDown">{h1}</h1>
    <p class="fs-14 fs-sm-18 wow fadeInDown">{lead}</p>
  </div>
</div>
"""


def _footer(company: str, icp: str, copyright_: str, phone: str) -> str:
    return f"""<div class="footer mt-3 pt-5 border-top text-secondary bg-light">
  <div class="container">
    <div class="row pb-5">
      <div class="col-12 col-md-5">
        <h5>{company}</h5>
        <ul class="lh-2">
          <li>营业执照：91510000MA6XXXXX0X</li>
          <li>备案号码：<a href="http://beian.miit.gov.cn/" target="_blank" rel="nofollow">{icp}</a>
</li>
          <li>联系电话：{phone}</li>
        </ul>
      </div>
      <div class="col-12 col-md-5">
        <div class="justify-content-around">
          <div class="float-left mr-5"><h5>关于</h5><ul class="lh-2"><li>
<a href="/aboutus/">关于我们</a></li><li><a href="/contact/">联系我们</a></li></ul></div>
          <div class="float-left mr-5"><h5>服务</h5><ul class="lh-2"><li>
<a href="/tougao/">在线投稿</a></li><li><a href="/gbook/">在线留言</a></li></ul></div>
        </div>
      </div>
      <div class="col-12 col-md-2 text-center d-none d-md-block">
        <p class="code"><img src="/core/qrcode.php?string=http%3A%2F%2Fm.example" class="qrcode"
alt="二维码"></p>
        <p class="small">扫码添加微信</p>
      </div>
    </div>
  </div>
  <div class="copyright border-top lh-3 text-center d-none d-md-block">{copyright_}</div>
</div>
<div style="height:49px;" class="d-block d-sm-none"></div>
<div class="footer-nav-mobile d-block d-sm-none"><div class="container"><div class="row">
  <div class="col-3 text-center"><a href="/"><i class="fa fa-home"></i><p>首页</p></a></div>
  <div class="col-3 text-center"><a href="tel:{phone}"><i class="fa fa-phone"></i><p>电话</p></a>
</div>
  <div class="col-3 text-center"><a href="/gbook/"><i class="fa fa-comment"></i><p>留言</p></a>
</div>
  <div class="col-3 text-center"><a href="/contact/"><i class="fa fa-map-marker"></i><p>位置</p></a>
</div>
</div></div></div>
<script src="/template/default/js/popper.min.js"></script>
<script src="/template/default/bootstrap/js/bootstrap.min.js"></script>
<script src="/template/default/js/wow.min.js"></script>
<script>new WOW().init();</script>
</body>
</html>
"""


def _prevnext(prev_t: str, prev_u: str, next_t: str, next_u: str, tags: list[str]) -> str:
    tag_p = ""
    if tags:
        tag_p = ("<p>标签：" + " ".join(f'<a href="/tag/{t}/" class="badge badge-light">{t}</a>'
                                     for t in tags) + "</p>")
    return (f'<div class="text-secondary lh-2">{tag_p}'
            f'<p>上一篇：<a href="{prev_u}">{prev_t}</a></p>'
            f'<p>下一篇：<a href="{next_u}">{next_t}</a></p></div>')


def _cards(title: str, items: list[tuple[str, str]], base: str) -> str:
    lis = "".join(f'<li class="lh-3"><a href="{base}{i}.html">{t}</a>'
                  f'<span class="float-right text-secondary">{d}</span></li>'
                  for i, (t, d) in enumerate(items, 1))
    return (f'<div class="card mb-3"><div class="card-header"><h5 class="mb-0">{title}</h5></div>'
            f'<div class="card-body"><ul class="list-unstyled">{lis}</ul></div></div>')


# --- 01: shanxidayuan, the CMS demo <title>, jumbotron h1 column -------------------------

def _p01() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/changzhi/1377.html"
    title = "长治新增3家国家级专精特新“小巨人”企业"
    items: list[Any] = [
        "近日，工业和信息化部公布第四批专精特新“小巨人”企业名单，长治市3家企业榜上有名。至此，全市"
        "国家级专精特新“小巨人”企业累计达到9家，省级专精特新中小企业达到156家。",
        "此次入选的3家企业分别来自高新区、潞城区和襄垣县，主营产品涉及光电材料、精密铸件和煤机装备"
        "配件，均在各自细分领域拥有核心技术，主导产品国内市场占有率位居前列。",
        "位于长治高新区的一家光电材料企业，深耕蓝宝石衬底材料十余年，建成了从长晶、切磨抛到检测的"
        "完整生产线，拥有发明专利27项，产品销往国内多家LED芯片龙头企业。",
        "“能够入选国家级‘小巨人’，是对我们多年坚持自主研发的肯定。”企业负责人说，公司每年将销售"
        "收入的6%以上投入研发，今年计划再建两条生产线，进一步扩大产能。",
        "近年来，长治市持续完善中小企业梯度培育体系，建立“创新型中小企业—专精特新中小企业—专精特新"
        "‘小巨人’企业”培育库，对入库企业在技术改造、融资担保、人才引进等方面给予重点支持。",
        "去年，全市共兑现各类惠企资金2.3亿元，组织银企对接活动16场，帮助中小企业获得贷款38亿元。"
        "市工信局还组织专家团队深入企业“把脉问诊”，帮助解决技术和管理难题120余个。",
        "市工信局相关负责人表示，今年长治将力争新增省级专精特新中小企业50家以上，推动更多企业走上"
        "专业化、精细化、特色化、新颖化发展道路。",
    ]
    body, paras, left = _body(items)
    tags = ["专精特新", "中小企业"]
    prev_t, next_t = "长治市举办2023年新春招聘会", "上党区冬季农田水利建设全面展开"
    html = _head(_DEMO_TITLE, extra='<meta name="keywords" content="PbootCMS,开源企业网站,PHP">\n')
    html += _navbar("山西大院资讯网", ["首页", "太原", "大同", "长治", "晋中", "忻州", "新闻中心"],
                    "新闻中心")
    html += _jumbo("长治", "了解长治最新政务、经济和民生资讯")
    html += f"""<div class="container">
  <div class="text-right position mb-3 d-none d-md-block">当前位置：<a href="/">首页</a> &gt; <a
href="/gsyl/">新闻中心</a> &gt; <a href="/gsyl/changzhi/">长治</a></div>
</div>
<div class="container pages">
  <div class="btn-group mb-2"><a href="/gsyl/" class="btn btn-light mb-2">全部</a>
<a href="/gsyl/changzhi/" class="btn btn-info mb-2">长治</a>
<a href="/gsyl/datong/" class="btn btn-light mb-2">大同</a>
<a href="/gsyl/xinzhou/" class="btn btn-light mb-2">忻州</a></div>
</div>
<div class="container pages">
  <h2 class="text-center fs-sm-28 fs-20 mt-3">{title}</h2>
  <div
class="text-center border-bottom text-secondary pb-2 mb-3">作者：程晓梅&nbsp;&nbsp;&nbsp;&nbsp;
来源：长治日报&nbsp;&nbsp;&nbsp;&nbsp;
发布日期：2023-01-10&nbsp;&nbsp;&nbsp;&nbsp;
访问量：128</div>
  <div class="content mb-3">
{body}
  </div>
  {_prevnext(prev_t, "/gsyl/changzhi/1376.html", next_t, "/gsyl/changzhi/1378.html", tags)}
</div>
"""
    html += _footer("PbootCMS", "晋ICP备2021004312号-1",
                    "Copyright &copy; 2018-2023 PbootCMS All Rights Reserved.", "400-000-0000")
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2023-01-10", author="程晓梅", source="长治日报",
                 category=["新闻中心", "长治"], tags=tags)
    left += [prev_t, next_t, "扫码添加微信", "了解长治最新政务、经济和民生资讯"]
    return _fixture(1, url, html, "utf-8", rec, left,
                    "<title> is the PbootCMS demo title; jumbotron h1 holds the column; headline "
                    "in h2; demo footer left in place; date only", content_type="text/html")


# --- 02: fissico, Traditional, raw {pboot:sitetitle}, h5 day headings and a tip list -----

def _p02() -> Fixture:
    url = "http://fissico.com/html/ly/jpxl/83426.html"
    title = "夏日自驾甘孜 这条南环线值得收藏"
    items: list[Any] = [
        "盛夏时节，甘孜州草原花开、雪山巍峨，正是自驾游的好时候。州文旅部门近日推荐一条“康定—新都桥"
        "—理塘—稻城—乡城—得荣”南环线，全程约1200公里，建议游玩7至8天。",
        ("h5", "第一天：成都—康定"),
        "从成都出发，经雅康高速约3个半小时即可抵达康定。下午可游览跑马山、情歌广场，晚上在老街品尝"
        "酸菜面、牦牛肉火锅。",
        ("h5", "第二天：康定—新都桥"),
        "翻越折多山垭口，海拔4298米，天气晴好时可远眺贡嘎雪山。新都桥被誉为“摄影家的天堂”，沿途的"
        "藏寨、青稞田和白杨树构成一幅幅画卷。",
        ("h5", "第三天：新都桥—理塘"),
        "经雅江、翻越剪子弯山和卡子拉山，抵达“世界高城”理塘。可游览千户藏寨、仁康古街，感受高原"
        "古城的人文风情。",
        ("h5", "第四至五天：理塘—稻城亚丁"),
        "途经海子山，沿途有上千个高原湖泊。到达稻城后，建议用一整天时间游览亚丁景区，徒步至牛奶海、"
        "五色海，近距离欣赏仙乃日、央迈勇、夏诺多吉三座雪山。",
        ("h5", "第六至七天：稻城—乡城—得荣"),
        "乡城的白藏房独具特色，得荣则以干热河谷景观和“太阳谷”闻名。返程可经巴塘走川藏线北线，也可"
        "从云南方向出州。",
        ("h", "出行提示："),
        ("li", ["高原地区昼夜温差大，请备好防寒衣物和防晒用品；",
                "部分路段海拔超过4500米，注意预防高原反应，不宜剧烈运动；",
                "雨季可能出现塌方落石，出行前请关注路况信息；",
                "进入寺庙等宗教场所时，请尊重当地风俗习惯。"]),
    ]
    body, paras, left = _body(items)
    hot = [("海螺沟景区暑期门票优惠政策发布", "2023-06-09"), ("新都桥摄影季活动启动", "2023-06-02"),
           ("稻城亚丁景区实行分时预约", "2023-05-26")]
    prev_t, next_t = "丹巴甲居藏寨一日游攻略", "九龙伍须海徒步线路推荐"
    html = _head("{pboot:sitetitle}")
    html += _navbar("康巴传媒网", ["首页", "新闻", "旅游", "康巴美景", "精品线路", "旅游资讯"],
                    "精品线路")
    html += _jumbo("精品线路", "发现康巴之美 畅游大美甘孜")
    html += f"""<div class="container">
  <div class="position mb-3">您所在的位置：<a href="/">首页</a> &gt;&gt; <a
href="/html/ly/">旅游</a> &gt;&gt; <a href="/html/ly/jpxl/">精品线路</a></div>
  <div class="row">
    <div class="col-12 col-md-9 pages">
      <h2 class="text-center fs-sm-28 fs-20 mt-3">{title}</h2>
      <div
class="text-center border-bottom text-secondary pb-2 mb-3">来源：本站原创&nbsp;&nbsp;&nbsp;&nbsp;
发布日期：2023-06-15 10:30&nbsp;&nbsp;&nbsp;&nbsp;
访问量：2046</div>
      <div class="content mb-3">
{body}
      </div>
      {_prevnext(prev_t, "/html/ly/jpxl/83390.html", next_t, "/html/ly/jpxl/83471.html", [])}
    </div>
    <div class="col-12 col-md-3">{_cards("热点排行", hot, "/html/ly/lyzx/833")}</div>
  </div>
</div>
"""
    html += _footer("康巴传媒网", "川ICP备12004567号-1",
                    "Copyright &copy; 2012-2023 康巴传媒网 All Rights Reserved.", "0836-0000000")
    t = to_traditional
    rec = record(url=url, site="fissico", title=t(title), paragraphs=[t(p) for p in paras],
                 published_at="2023-06-15T10:30:00+08:00", source=t("本站原创"),
                 category=[t("旅游"), t("精品线路")])
    left += [prev_t, next_t, *[x for x, _ in hot], "发现康巴之美 畅游大美甘孜"]
    return _fixture(2, url, html, "utf-8", rec, left,
                    "Traditional; <title> is a raw {pboot:sitetitle} tag; h5 day headings inside "
                    "the content; a bold tip heading and a list; hot list with dates in a sidebar "
                    "card; "
                    "no author", trad=True)


# --- 03: fissico, h2 headline with an h5 deck under it ----------------------------------

def _p03() -> Fixture:
    url = "http://fissico.com/html/xw/dzyw/76590.html"
    title = "甘孜州加快建设“水风光”清洁能源基地"
    deck = "今年计划完成能源投资210亿元 新增装机容量超300万千瓦"
    items: list[Any] = [
        "本网讯（记者 李晓宇）8月29日，记者从甘孜州发展和改革委员会获悉，今年以来，全州加快推进金沙"
        "江上游、雅砻江中游等流域水电开发和风电、光伏项目建设，1至7月完成能源投资128亿元，占年度计划"
        "的61%。",
        "甘孜州水能、风能、太阳能资源富集，水能资源技术可开发量超过4000万千瓦，太阳能资源技术可开发量"
        "超过8000万千瓦，是国家重要的清洁能源基地。",
        "在雅江县柯拉乡，海拔4000多米的山坡上，一排排光伏板整齐排列。这里正在建设的光伏电站是雅砻江"
        "流域水风光互补项目的重要组成部分，建成后将与附近的水电站打捆送出，实现水光互补运行。",
        "项目建设负责人介绍，目前工地上有2000多名工人和300多台设备同时作业，光伏支架安装已完成七成"
        "以上，预计明年上半年实现全容量并网发电。",
        "在道孚、理塘、乡城等地，一批风电和光伏项目也在加紧建设。全州今年计划新增清洁能源装机容量"
        "300万千瓦以上，其中新能源装机容量超过100万千瓦。",
        "清洁能源开发也给当地群众带来了实实在在的收益。项目建设期间，各地优先吸纳当地农牧民务工，"
        "累计带动就业1.2万人次；部分光伏项目还探索“光伏+牧业”模式，在光伏板下种植牧草，实现发电、"
        "牧草“双丰收”。",
        "州发改委相关负责人表示，下一步将持续优化项目审批服务，协调解决用地、用林、电网接入等问题，"
        "推动清洁能源项目早开工、早建成、早见效，加快把资源优势转化为发展优势。",
    ]
    body, paras, left = _body(items)
    related = [("全州重点项目建设推进会召开", "2022-08-19"),
               ("道孚县风电项目首批机组并网", "2022-08-11"),
               ("甘孜州上半年经济运行情况发布", "2022-07-28")]
    prev_t, next_t = "州政府召开第十五次常务会议", "全州秋季学期开学工作部署会召开"
    html = _head(f"{title}-康巴传媒网",
                 extra='<meta name="description" content="今年以来，全州加快推进流域水电开发和'
                       '风电、光伏项目建设。">\n')
    html += _navbar("康巴传媒网", ["首页", "新闻", "党政要闻", "聚焦甘孜", "各县动态", "旅游"],
                    "党政要闻")
    html += _jumbo("党政要闻", "权威发布 甘孜州党政工作动态")
    html += f"""<div class="container">
  <div class="text-right position mb-3 d-none d-md-block">当前位置：<a href="/">首页</a> &gt; <a
href="/html/xw/">新闻</a> &gt; <a href="/html/xw/dzyw/">党政要闻</a></div>
</div>
<div class="container pages">
  <h2 class="text-center fs-sm-28 fs-20 mt-3">{title}</h2>
  <h5 class="text-center text-secondary fs-16 mb-3">{deck}</h5>
  <div
class="text-center border-bottom text-secondary pb-2 mb-3">作者：李晓宇&nbsp;&nbsp;&nbsp;&nbsp;
来源：甘孜日报&nbsp;&nbsp;&nbsp;&nbsp;
发布日期：2022-08-30&nbsp;&nbsp;&nbsp;&nbsp;
访问量：561</div>
  <div class="content mb-3">
{body}
  </div>
  {_prevnext(prev_t, "/html/xw/dzyw/76551.html", next_t, "/html/xw/dzyw/76622.html", [])}
  <div class="mt-4">{_cards("相关新闻", related, "/html/xw/dzyw/765")}</div>
  <div class="alert alert-light small">分享到：<a href="javascript:;">微信</a> <a
href="javascript:;">微博</a> <a href="javascript:;">QQ空间</a></div>
</div>
"""
    html += _footer("康巴传媒网", "川ICP备12004567号-1",
                    "Copyright &copy; 2012-2022 康巴传媒网 All Rights Reserved.", "0836-0000000")
    rec = record(url=url, site="fissico", title=title, subtitle=[deck], paragraphs=paras,
                 published_at="2022-08-30", author="李晓宇", source="甘孜日报",
                 category=["新闻", "党政要闻"])
    left += [prev_t, next_t, *[x for x, _ in related], "权威发布 甘孜州党政工作动态"]
    return _fixture(3, url, html, "utf-8", rec, left,
                    "h2 headline with an h5 deck below it (a subtitle); jumbotron h1 is the "
                    "column; "
                    "related card under the article")


# --- 04: shanxidayuan, site-name <title>, logo h1, long <div>-row statistics report --------

def _p04() -> Fixture:
    url = "http://www.shanxidayuan.com/gsyl/xinzhou/3980.html"
    title = "2022年忻州经济运行稳中有进 地区生产总值增长5.1%"
    items: list[Any] = [
        "2月7日，忻州市统计局发布2022年全市经济运行情况。初步核算，全年全市地区生产总值完成1531.2亿元，"
        "按不变价格计算，比上年增长5.1%，增速高于全省0.7个百分点。",
        "分产业看，第一产业增加值123.6亿元，增长4.8%；第二产业增加值812.4亿元，增长6.3%；第三产业"
        "增加值595.2亿元，增长3.6%。",
        ("h", "农业生产保持稳定"),
        "全年全市粮食总产量达到30.8亿斤，比上年增长2.1%，连续五年稳定在30亿斤以上。其中，谷子、莜麦、"
        "荞麦等杂粮产量保持全省前列。",
        "畜牧业生产稳中有增。全年猪牛羊禽肉总产量16.7万吨，增长5.4%；禽蛋产量9.2万吨，增长3.9%；"
        "牛奶产量22.5万吨，增长8.1%。",
        ("h", "工业生产较快增长"),
        "全年全市规模以上工业增加值比上年增长7.2%。分门类看，采矿业增长6.5%，制造业增长9.8%，电力、"
        "热力、燃气及水生产和供应业增长4.6%。",
        "新兴产业发展势头良好。全年规模以上工业中，新能源发电量增长21.3%，占规模以上工业发电量的比重"
        "达到38.6%；法兰锻造、新材料等行业增加值分别增长12.4%和15.7%。",
        "工业企业效益总体稳定。全年规模以上工业企业实现营业收入1420.6亿元，增长10.2%；实现利润总额"
        "168.3亿元，增长8.7%。",
        ("h", "固定资产投资持续增长"),
        "全年全市固定资产投资比上年增长9.6%。其中，工业投资增长14.2%，基础设施投资增长7.8%，民间投资"
        "增长6.1%。",
        "重点项目建设有序推进。全年实施省市重点工程项目186个，完成投资426亿元，一批交通、能源和产业"
        "项目加快建设。",
        ("h", "消费市场逐步恢复"),
        "全年全市社会消费品零售总额比上年增长2.6%。按经营地分，城镇消费品零售额增长2.3%，乡村消费品"
        "零售额增长3.8%。",
        "升级类商品消费较快增长。限额以上单位新能源汽车零售额增长86.4%，通讯器材类零售额增长12.5%，"
        "体育娱乐用品类零售额增长9.3%。",
        "网络零售保持增长。全年全市实现网络零售额58.7亿元，增长11.6%，其中农产品网络零售额增长17.2%。",
        ("h", "居民收入稳步增加"),
        "全年全市居民人均可支配收入24180元，比上年增长6.1%。按常住地分，城镇居民人均可支配收入"
        "35260元，增长4.9%；农村居民人均可支配收入13870元，增长6.9%。",
        "城乡居民收入差距继续缩小。城乡居民人均收入比值由上年的2.58缩小为2.54。",
        "居民消费价格温和上涨。全年全市居民消费价格比上年上涨1.8%，其中食品烟酒类上涨2.6%，交通通信类"
        "上涨4.2%。",
        "市统计局相关负责人表示，总的来看，2022年全市经济顶住压力，总体保持恢复发展态势，主要指标稳中"
        "有进。但也要看到，经济恢复基础仍不牢固，消费需求有待进一步提振。",
        "下一步，全市将坚持稳中求进工作总基调，着力扩大有效需求，加快产业转型升级，持续推动经济运行"
        "整体好转。",
    ]
    body, paras, left = _body(items, mode="div")
    intro = ("山西大院资讯网立足三晋大地，关注各市县发展，第一时间发布政务公开、经济数据、"
             "民生服务、"
             "文化旅游等本地资讯，是网友了解山西、服务基层的综合信息平台。")
    latest = [("忻州市召开一季度重点项目推进会", "2023-02-07"),
              ("五台山景区春节假期接待游客12万人次", "2023-01-29"),
              ("原平市农产品电商产业园开园", "2023-02-06")]
    prev_t, next_t = "忻州古城元宵灯会开幕", "忻州市出台稳经济一揽子措施"
    html = _head("山西大院资讯网")
    html += _navbar("山西大院资讯网", ["首页", "太原", "大同", "长治", "晋中", "忻州"], "忻州",
                    brand_h1=True)
    html += f"""<div class="bg-light border-bottom small py-1">
<div class="container">{_today(2025, 6, 13)}</div></div>
<div class="container mt-3">
  <div class="position mb-3">当前位置：<a href="/">首页</a> &gt; <a href="/gsyl/xinzhou/">忻州</a>
&gt; 正文</div>
  <div class="row">
    <div class="col-12 col-md-8 pages">
      <h2 class="text-center fs-sm-28 fs-20 mt-3">{title}</h2>
      <div
class="text-center border-bottom text-secondary pb-2 mb-3">
来源：忻州市统计局&nbsp;&nbsp;&nbsp;&nbsp;
发布日期：2023-02-08&nbsp;&nbsp;&nbsp;&nbsp;
访问量：937</div>
      <div class="content mb-3">
{body}
      </div>
      {_prevnext(prev_t, "/gsyl/xinzhou/3979.html", next_t, "/gsyl/xinzhou/3981.html", [])}
    </div>
    <div class="col-12 col-md-4">
      <div class="card mb-3"><div class="card-header"><h5 class="mb-0">关于本站</h5></div>
<div class="card-body"><p class="card-text">{intro}</p></div></div>
      {_cards("最新资讯", latest, "/gsyl/xinzhou/39")}
      <div class="card mb-3"><div class="card-body text-center">
<span class="badge badge-secondary">广告</span><script src="/static/js/ad_right.js"></script></div>
</div>
    </div>
  </div>
</div>
"""
    html += _footer("山西大院资讯网", "晋ICP备2021004312号-1",
                    "Copyright &copy; 2021-2023 山西大院资讯网 版权所有", "0351-0000000")
    rec = record(url=url, site="shanxidayuan", title=title, paragraphs=paras,
                 published_at="2023-02-08", source="忻州市统计局", category=["忻州"])
    left += [prev_t, next_t, intro, *[x for x, _ in latest], _today(2025, 6, 13)]
    return _fixture(4, url, html, "utf-8", rec, left,
                    "<title> is the site name; navbar brand is an h1; 22 <div> rows with five bold "
                    "subheads; sidebar card with the site introduction; date widget; 正文 crumb")


# --- 05: fissico, figure/figcaption, editor line, UPPER-CASE charset -----------------------

def _p05() -> Fixture:
    url = "http://fissico.com/html/zx/lyzx/85581.html"
    title = "稻城亚丁机场新开至重庆直飞航线 每周执飞四班"
    items: list[Any] = [
        "9月7日上午，一架从重庆江北国际机场起飞的航班平稳降落在稻城亚丁机场，标志着稻城亚丁至重庆"
        "直飞航线正式开通。",
        ("img", "/static/upload/image/20230908/1694153122840931.jpg",
         "首航航班抵达稻城亚丁机场。（图片由稻城县文旅局提供）"),
        "据了解，该航线每周二、四、六、日执飞，单程飞行时间约1小时50分钟。航线开通后，重庆及周边地区"
        "游客前往稻城亚丁景区的时间将大大缩短。",
        "稻城亚丁机场海拔4411米，是目前世界上海拔最高的民用机场之一。近年来，机场陆续开通了至成都、"
        "重庆、西安、杭州等地的航线，今年1至8月旅客吞吐量达到41.6万人次。",
        "稻城县文旅局相关负责人介绍，秋季是亚丁景区色彩最丰富的季节，新航线开通恰逢旅游旺季，景区将"
        "推出航空旅客凭登机牌购票优惠等措施，吸引更多游客前来。",
    ]
    body, paras, left = _body(items)
    editor_line = "编辑：泽仁卓玛"
    intro = ("康巴传媒网由甘孜日报社主办，立足甘孜、面向全国，及时发布甘孜州党政要闻、各县动态和"
             "文化旅游资讯，展示大美康巴的自然风光与人文魅力。")
    hot = [("康定机场冬季航班计划公布", "2023-09-01"), ("格聂神山景区试运营", "2023-08-24"),
           ("甘孜州国庆旅游线路发布", "2023-09-12")]
    prev_t, next_t = "泸定县红色旅游线路入选全国精品", "巴塘县举办弦子文化旅游节"
    html = _head(f"{title}-旅游资讯-康巴传媒网", charset="UTF-8",
                 extra=f'<meta property="og:title" content="{title}">\n')
    html += _navbar("康巴传媒网", ["首页", "新闻", "旅游", "资讯", "旅游资讯"], "旅游资讯")
    html += f"""<div class="container mt-3">
  <div class="position mb-3">当前位置：<a href="/">康巴传媒网</a> &gt; <a href="/html/zx/">资讯</a>
&gt; <a href="/html/zx/lyzx/">旅游资讯</a> &gt; 正文</div>
  <div class="row">
    <div class="col-12 col-md-8 pages">
      <h2 class="text-center fs-sm-28 fs-20 mt-3">{title}</h2>
      <div
class="text-center border-bottom text-secondary pb-2 mb-3">来源：甘孜日报&nbsp;&nbsp;&nbsp;&nbsp;
发布日期：2023-09-08 14:05&nbsp;&nbsp;&nbsp;&nbsp;
访问量：318</div>
      <div class="content mb-3">
{body}
<p style="text-align: right;">{editor_line}</p>
      </div>
      {_prevnext(prev_t, "/html/zx/lyzx/85540.html", next_t, "/html/zx/lyzx/85602.html", [])}
    </div>
    <div class="col-12 col-md-4">
      <div class="card mb-3"><div class="card-header"><h5 class="mb-0">网站简介</h5></div>
<div class="card-body"><p class="card-text">{intro}</p></div></div>
      {_cards("热门资讯", hot, "/html/zx/lyzx/855")}
    </div>
  </div>
</div>
"""
    html += _footer("康巴传媒网", "川ICP备12004567号-1",
                    "Copyright &copy; 2012-2023 康巴传媒网 All Rights Reserved.", "0836-0000000")
    rec = record(url=url, site="fissico", title=title, paragraphs=paras,
                 published_at="2023-09-08T14:05:00+08:00", editor="泽仁卓玛", source="甘孜日报",
                 category=["资讯", "旅游资讯"])
    left += [editor_line, prev_t, next_t, intro, *[x for x, _ in hot]]
    return _fixture(5, url, html, "utf-8", rec, left,
                    "figure/figcaption with a photo credit; right-aligned 编辑 line; sidebar card "
                    "with the site introduction longer than some paragraphs; og:title; UTF-8 in "
                    "capitals", content_type="text/html; charset=utf-8")


def pages() -> Iterator[Fixture]:
    yield _p01()
    yield _p02()
    yield _p03()
    yield _p04()
    yield _p05()
