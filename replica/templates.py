"""Page chrome of the three sites (data): the fixed text blocks the seeds show.

Mirror (spam-copy) chrome of Shanxi News is kept verbatim from seed 000; the
original site's chrome is the same text in Simplified script.
"""

from __future__ import annotations

# --- shanxidayuan -----------------------------------------------------------------
SXDY_COPYRIGHT = (
    "版权声明", "本文仅代表作者观点,不代表本站立场。", "本文系作者授权发表,未经许可,不得转载。",
)
SXDY_QR = "扫一扫在手机打开当前页面"
SXDY_COMMENTS = ("留言与评论(共有 ", " 条评论)", "验证码:")
SXDY_ABOUT = (
    "关于山西大院新闻网",
    "山西大院是公共的资讯平台,公开,绿色,守法,其主要目的服务于广大本地网民的综合门户网站,"
    "还拥有强大的本地公共服务导航一站式进入本地各大政府服务平台方便业务开展。",
)
SXDY_FOOTER = (
    "山西大院新闻网",
    "Copyright ©山西大院新闻网",
    "copyright protection: All articles, text, video, pictures, music sources and network "
    "reproduced non-original works, only for learning and communication, the content of the "
    "article information does not mean",
    "that the network agrees with its views or is responsible for its authenticity, if there are "
    "any problems, please contact the webmaster for processing at the first time!",
    "版权声明: 本站所有文章,文字,视频,图片,音乐来源与网络转载非原创作品,仅限于学习交流,"
    "对文章信息内容并不代表本网赞同其观点或对其真实性负责,如果存在任何问题,请第一时间联系站长处理!",
)

# --- fissico -------------------------------------------------------------------------
FISSICO_LABELS = {"where": "您所在的位置:", "browse": "瀏覽文章", "prev": "上一篇:",
                  "next": "下一篇:", "addr": "本文地址: "}

# --- sxnews --------------------------------------------------------------------------
SXNEWS_MIRROR = {
    "slogan": "主流媒體\xa0山西門戶",
    "time": "時間: ", "source": "來源:", "site": "山西新聞網", "share": "分享到: 評論:",
    "editor": "責任編輯:",
    "recommend": ("推薦閱讀", ("生活資訊", "專題", "視覺志 /\xa0微信公眾號:Asxsjz"),
                  ("趕制紅燈籠紅紅火火迎鼠年趕制紅燈籠紅紅火火迎鼠年",),
                  ("視頻 /\xa0微信公眾號:shitingbu", "微解讀")),
    "statement": (
        "網站聲明",
        "山西日報、山西晚報、山西農民報、山西經濟日報、山西法制報、山西市場導報所有自采新聞(含圖片)"
        "獨家授權山西新聞網發(fā)布,未經允許不得轉載或鏡像;"
        "授權轉載務必注明來源,例:\"山西新聞網-山西日報 \"。",
        "山西新聞網版權咨詢電話:0351-4281485。如您在本站發(fā)現(xiàn)錯誤,請發(fā)貼至論壇告知。感謝您的關注!",
        "凡本網未注明\"來源:山西新聞網(或山西新聞網——XXX報)\"的作品,均轉載自其它媒體,"
        "轉載目的在于傳遞更多信息,并不代表本網贊同其觀點和對其真實性負責。",
    ),
}
SXNEWS_ORIGINAL = {
    "slogan": "主流媒体\xa0山西门户",
    "time": "时间: ", "source": "来源:", "site": "山西新闻网", "share": "分享到: 评论:",
    "editor": "责任编辑:",
    "recommend": ("推荐阅读", ("生活资讯", "专题", "视觉志 /\xa0微信公众号:Asxsjz"),
                  ("赶制红灯笼红红火火迎鼠年赶制红灯笼红红火火迎鼠年",),
                  ("视频 /\xa0微信公众号:shitingbu", "微解读")),
    "statement": (
        "网站声明",
        "山西日报、山西晚报、山西农民报、山西经济日报、山西法制报、山西市场导报所有自采新闻(含图片)"
        "独家授权山西新闻网发布,未经允许不得转载或镜像;"
        "授权转载务必注明来源,例:\"山西新闻网-山西日报 \"。",
        "山西新闻网版权咨询电话:0351-4281485。如您在本站发现错误,请发贴至论坛告知。感谢您的关注!",
        "凡本网未注明\"来源:山西新闻网(或山西新闻网——XXX报)\"的作品,均转载自其它媒体,"
        "转载目的在于传递更多信息,并不代表本网赞同其观点和对其真实性负责。",
    ),
}
SXNEWS_COUNTIES = (
    "胶州市| 神农架林区| 曲麻莱县| 乐东| 昌江| 海原县| 晴隆县| 宁津县| 涿鹿县| 乌恰县| "
    "理塘县| 绥中县| 柏乡县| 蕲春县| 兴隆县| 南宁市| 新泰市| 滦南县| 岳阳县| 稷山县| "
    "南岸区| 临漳县| 禹州市| 南投县| 临高县| 承德市| 东阿县| 高台县| 潜山县| 松潘县| "
    "大安市| 天门市| 彭山县| 麟游县| 大名县| 平和县| 宜章县| 资中县| 阿勒泰市| 寿阳县| 衢州市|"
)

# People's Daily network CMS (GB pages, 2019 onwards): the 网站声明 footer. Its
# list of papers changes over the years; pages print two or three paragraphs.
SXNEWS_STATEMENT_PAPERS = (
    (2017, "山西日报、山西晚报、山西农民报、山西经济日报、山西法制报、山西市场导报"),
    (2021, "山西日报、山西晚报、山西农民报、山西经济日报、山西法治报"),
    (2023, "山西日报、山西晚报、山西农民报、山西经济日报、山西法治报、山西市场导报、党建"),
)
SXNEWS_STATEMENT = (
    "网站声明",
    "{papers}所有自采新闻(含图片)独家授权山西新闻网发布,未经允许不得转载或镜像;"
    "授权转载务必注明来源,例:\"山西新闻网-山西日报 \"。",
    "山西新闻网版权咨询电话:0351-4281485。如您在本站发现错误,请发贴至论坛告知。感谢您的关注!",
    "凡本网未注明\"来源:山西新闻网(或山西新闻网——XXX报)\"的作品,均转载自其它媒体,"
    "转载目的在于传递更多信息,并不代表本网赞同其观点和对其真实性负责。",
)
SXNEWS_SLOGAN = "主流媒体\xa0山西门户"
SXNEWS_PHOTO_COPYRIGHT = "版权声明:视觉志稿件,未经授权禁止转载,违者将依法追究法律责任。"
SXNEWS_WEEKDAYS = "一二三四五六日"
SXNEWS_NAV = (("首页", "http://news.sxrb.com/GB/index.html"), ("忻州", "http://xz.sxrb.com/GB/index.html"),
              ("运城", "http://yc.sxrb.com/GB/index.html"), ("图片", "http://photo.sxrb.com/GB/index.html"),
              ("专题", "http://special.sxrb.com/GB/index.html"), ("山西新闻网", "http://www.sxrb.com/"))
SXNEWS_FOOTER = ("山西日报社主办 山西新闻网版权所有",
                 "晋ICP备05005133号 互联网新闻信息服务许可证14120170001")

# --- fissico, DedeCMS-era article templates ----------------------------------------------
FISSICO_DEDE = {"place": "当前位置:", "hits": "点击:", "times": "次", "related": "相关文章",
                "hot": "热点推荐", "fav": "收藏", "err": "挑错", "rec": "推荐", "print": "打印",
                "sep": "------分隔线----------------------------",
                "font": "【字体:", "big": "大", "mid": "中", "small": "小", "close": "【关闭窗口】"}
FISSICO_FOOTER = ("甘孜日报社 康巴传媒网 版权所有", "蜀ICP备09012345号")

# --- shanxidayuan, other CMS themes -------------------------------------------------------
SXDY_DEDE = {"place": "当前位置:", "home": "首页", "tail": "正文", "time": "时间:",
             "source": "来源:", "author": "作者:", "hits": "点击:", "keywords": "关键词:",
             "prev": "上一篇:", "next": "下一篇:", "related": "相关文章", "none": "没有了"}
SXDY_PBOOT = {"home": "首页", "tail": "正文", "author": "作者:", "region": "地区:",
              "time": "时间:", "views": "浏览:", "tags": "标签:", "prev": "上一篇:",
              "next": "下一篇:", "related": "相关推荐", "share": "分享到:", "none": "没有了"}
SXDY_PHPCMS = {"home": "首页", "source": "来源:", "comments": "评论:", "hits": "点击:",
               "keywords": "相关热词搜索:", "prev": "上一篇:", "next": "下一篇:",
               "related": "延伸阅读:", "none": "没有了"}

# --- the template switch's new family (pages.switched_page) -----------------------------
SWITCHED = {"place": "当前位置：", "home": "首页", "tail": "正文", "date": "发布日期：",
            "source": "来源：", "author": "作者：", "views": "阅读：", "font": "字号：",
            "prev": "上一篇：", "next": "下一篇：", "none": "没有了", "related": "相关阅读",
            "hot": "热点排行", "print": "【打印本页】", "close": "【关闭窗口】"}
SWITCHED_FOOTER = {
    "shanxidayuan": ("主办：山西大院资讯网", "Copyright © 2018-2026 山西大院资讯网 版权所有"),
    "fissico": ("主办：甘孜日报社 康巴传媒网", "蜀ICP备09012345号"),
    "sxnews": ("山西日报社主办 山西新闻网版权所有", "晋ICP备05005133号"),
}

# --- Content-area ads: each renders to nothing or to a lone 广告 line ----------------
ADS = (
    '<div class="ad-inline"><script type="text/javascript">'
    'document.write(\'<a href="http://ad.example.invalid/"><img src="/ad/1.gif"></a>\');'
    "</script></div>",
    '<div class="gg" style="display:none">'
    '<a href="http://ad.example.invalid/">热门推荐 点击领取</a></div>',
    '<div class="adbox"><span>广告</span><ins class="adsbygoogle"></ins>'
    "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>",
)

CHALLENGE_PAGE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="robots" content="noindex,nofollow"></head><body>
<div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">www.shanxidayuan.com</h1>
<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>
<noscript><div class="h2">Enable JavaScript and cookies to continue</div></noscript>
<div id="challenge-body-text" class="core-msg spacer">www.shanxidayuan.com needs to review the
security of your connection before proceeding.</div>
<script>(function(){window._cf_chl_opt={cvId: '2',cType: 'managed'};})();</script>
</div></div><div class="footer"><div class="footer-inner">Ray ID: <code>7a1b2c3d4e5f6789</code>
Performance &amp; security by Cloudflare</div></div></body></html>"""
