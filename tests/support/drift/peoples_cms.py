"""The People's Daily network CMS as Shanxi News runs it today (``/GB/<node>/<id>.html``).

Two title layouts (``div.jz`` and the older ``div.text_title`` with ``h3`` kicker and
``h4`` subtitle), the time and source in ``div.left1`` with no space before the time,
the breadcrumb in ``span#rwb_navpath``, the body in ``div#rwb_zw``, ``div.editer``,
``div.title_o``; Traditional ``/BIG5/`` copies of GB pages; a photo.sxrb.com page
with a ``标签:`` line. Article texts are composed for the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import Any

from tests.support.drift.common import Fixture, body_paragraphs, parse_body, record

FAMILY = "peoples_cms"

# Site chrome, Simplified (GB pages) and Traditional (BIG5 copies), as the gateway serves it.
_GB = {
    "slogan": "主流媒体 山西门户", "site": "山西新闻网",
    "nav": "首页|时政|经济|社会|文化|教育|健康|旅游|图片|视频|专题|评论",
    "cities": "太原|大同|朔州|忻州|阳泉|吕梁|晋中|长治|晋城|临汾|运城",
    "login": "登录", "register": "注册", "share": "分享到：", "comment": "评论：",
    "tjyd": "推荐阅读", "hot": "热点排行", "sm": "网站声明", "time": "时 间",
    "fxpl": "分 享 评 论", "source": "来源：", "editor": "责编：", "jc": "我要纠错",
    "print": "打印", "close": "关闭", "ad": "广告", "search": "搜索",
    "statement": [
        "凡本网注明“来源：山西日报、山西晚报、山西经济日报、山西农民报、山西法制报、"
        "山西新闻网”的稿件，版权均属山西日报报业集团所有，任何媒体、网站或个人未经书面授权"
        "不得转载、摘编或以其他方式使用。",
        "凡本网注明“来源：××（非本网）”的稿件，均转载自其他媒体，转载是出于传递更多信息之"
        "目的，不代表本网观点，亦不对其内容的真实性负责。",
        "如对本网稿件内容或版权有疑问，请在作品发布之日起30日内与本网联系。"
        "版权咨询电话：0351-4048516",
    ],
    "owner": "山西日报报业集团主办 山西新闻网版权所有",
    "icp": "晋ICP备05003612号 晋公网安备14010502000517号",
    "foot": "关于我们|联系我们|广告服务|网站地图|招聘信息",
}
_BIG5 = {
    "slogan": "主流媒體 山西門戶", "site": "山西新聞網",
    "nav": "首頁|時政|經濟|社會|文化|教育|健康|旅遊|圖片|視頻|專題|評論",
    "cities": "太原|大同|朔州|忻州|陽泉|呂梁|晉中|長治|晉城|臨汾|運城",
    "login": "登錄", "register": "註冊", "share": "分享到：", "comment": "評論：",
    "tjyd": "推薦閱讀", "hot": "熱點排行", "sm": "網站聲明", "time": "時 間",
    "fxpl": "分 享 評 論", "source": "來源：", "editor": "責編：", "jc": "我要糾錯",
    "print": "打印", "close": "關閉", "ad": "廣告", "search": "搜索",
    "statement": [
        "凡本網註明“來源：山西日報、山西晚報、山西經濟日報、山西農民報、山西法制報、"
        "山西新聞網”的稿件，版權均屬山西日報報業集團所有，任何媒體、網站或個人未經書面授權"
        "不得轉載、摘編或以其他方式使用。",
        "凡本網註明“來源：××（非本網）”的稿件，均轉載自其他媒體，轉載是出於傳遞更多信息之"
        "目的，不代表本網觀點，亦不對其內容的真實性負責。",
        "如對本網稿件內容或版權有疑問，請在作品發佈之日起30日內與本網聯繫。"
        "版權諮詢電話：0351-4048516",
    ],
    "owner": "山西日報報業集團主辦 山西新聞網版權所有",
    "icp": "晉ICP備05003612號 晉公網安備14010502000517號",
    "foot": "關於我們|聯繫我們|廣告服務|網站地圖|招聘信息",
}


_PAPERS = "山西日报、山西晚报、山西经济日报、山西农民报、山西法制报、山西新闻网"




PAGES: list[dict[str, Any]] = [
    {
        "n": 1, "host": "news", "path": "314060", "aid": 10018736, "charset": "gbk",
        "content_type": "text/html; charset=gbk", "layout": "jz", "big5": False,
        "titletag": "{t}--山西新闻网--人民网", "widget": "2025年6月2日 星期一",
        "kicker": "聚焦高质量发展", "title": "全省一季度重点项目建设推进会在太原召开",
        "subs": ["新开工项目386个 完成投资同比增长14.2%"],
        "date": "2023-05-12 08:41", "source": "山西日报", "source_mode": "script",
        "editor": "王敏", "cats": ["山西要闻", "政务"], "meta_author": True,
        "note": "div.jz with h3 kicker and h4 deck; source written by document.write with a"
                " noscript fallback; bold subheads; 推荐阅读 and 热点排行 with headline-like"
                " items; sidebar with an about-us paragraph",
        "body": """
本报讯（记者 郝雅琴）
~5月11日，全省一季度重点项目建设推进会在太原召开。会议通报了一季度全省重点项目建设进展情况，分析当前项目建设面临的形势，安排部署下一阶段重点任务。
一季度，全省纳入省级调度的重点项目累计完成投资1268亿元，同比增长14.2%；新开工项目386个，较去年同期增加51个，项目建设呈现开工早、进度快、质量好的良好态势。
## 产业项目挑大梁
从项目结构看，产业类项目完成投资占比达到58.6%，比去年同期提高3.1个百分点。其中，新材料、高端装备制造、节能环保等战略性新兴产业项目完成投资同比增长21.7%，成为拉动投资增长的主要力量。
在太原，一批半导体封装测试、碳基新材料项目相继进入设备安装阶段；在晋中，一个新能源汽车零部件产业园的二期厂房主体封顶；在长治，光伏组件扩能项目提前一个月投产。
## 要素保障再加力
会议要求，各级发展改革部门要会同自然资源、生态环境、金融等部门，建立项目要素保障专班，对用地、用能、环评、资金等问题实行清单化管理、限时办结。
截至4月底，全省已为重点项目争取地方政府专项债券额度392亿元，协调金融机构新增项目贷款517亿元，办理用地审批手续项目143个。
## 全力抓好二季度冲刺
会议强调，二季度是项目建设的黄金期，各地各部门要对照年度计划倒排工期、挂图作战，推动已开工项目尽快形成实物工作量，推动签约项目尽快落地开工。
要坚持“要素跟着项目走”，对进度滞后的项目逐一分析原因、逐一制定措施，实行省、市、县三级领导包联，确保上半年完成年度投资计划的55%以上。
会上，太原、大同、运城三市和四家企业作了交流发言。
""",
        "related": [("我省出台措施支持民营企业参与重大项目建设", "2023-05-10"),
                    ("太原市加快推进城中村改造项目开工", "2023-05-09"),
                    ("全省春季植树造林完成计划任务七成", "2023-05-08"),
                    ("山西推动文旅康养产业融合发展", "2023-05-07")],
        "hot": ["省政府常务会议研究部署防汛备汛工作", "晋城高铁站综合交通枢纽投入使用",
                "我省新增3家国家级专精特新“小巨人”企业", "大同黄花丰收节将于7月举办",
                "山西中考体育考试方案公布"],
        "sidebar": "山西新闻网由山西日报报业集团主办，是省级重点新闻网站，每日更新三晋时政、"
                   "经济、社会、文化资讯，设有11个市级频道。",
    },
    {
        "n": 2, "host": "xz", "path": "401517/401533", "aid": 10141876, "charset": "utf-8",
        "content_type": "text/html", "layout": "text_title", "big5": False,
        "titletag": "忻州频道--山西新闻网", "widget": "2025年3月7日 星期五",
        "kicker": None, "title": "五台山景区推出秋季错峰游览线路",
        "subs": ["新增4条徒步步道 预约游客可享门票优惠"],
        "date": "2024-09-18 16:25", "source": "忻州日报", "source_mode": "link",
        "editor": "郭婧、赵鹏", "cats": ["忻州频道", "忻州要闻"], "meta_author": False,
        "note": "text_title layout on the 忻州 sub-site; <title> is the channel name only;"
                " photo block with a <font> caption and a right-aligned 记者 摄 credit;"
                " reporter credit at the end; two editors",
        "body": """
本报讯 9月17日，
~记者从五台山风景名胜区管委会获悉，为缓解国庆假期核心景区客流压力，景区推出秋季错峰游览线路，引导游客分时段、分区域游览。
@img XZ20240918162501.jpg | 9月16日，游客在五台山东台顶步道上徒步观景。 | 记者 李晓东 摄
此次推出的错峰线路包括“东台日出线”“南山寺古建线”“清水河谷徒步线”和“鸿门岩花海线”，其中4条徒步步道为今年新修缮开放，全长合计约27公里。
景区相关负责人介绍，游客通过官方小程序提前预约错峰时段入园，可享受门票八折优惠，景区内环保观光车同步增开早班和晚班车次。
为保障游客安全，景区在各条步道沿线设置了应急救援点12处，配备专职巡护人员60余名，并在海拔较高路段增设了供氧设备和休息驿站。
据统计，今年1至8月，五台山景区累计接待游客412万人次，同比增长18.5%，其中自驾游和研学游客占比明显提升。
下一步，景区将联合周边县区推出“五台山+”文旅套票，把台怀镇、豆村镇等地的民宿、农家乐纳入统一预订平台。
（记者 贾晓峰）
""",
        "related": [("忻州古城中秋灯会9月14日开幕", "2024-09-13"),
                    ("原平市万亩谷子喜获丰收", "2024-09-12"),
                    ("代县雁门关景区入选全国研学实践教育基地", "2024-09-10")],
        "hot": [], "sidebar": None,
    },
    {
        "n": 3, "host": "yc", "path": "402114", "aid": 10152064, "charset": "big5",
        "content_type": "text/html; charset=big5", "layout": "text_title", "big5": True,
        "titletag": "{t}--運城頻道--山西新聞網", "widget": None,
        "kicker": "果業振興看運城", "title": "萬榮蘋果搭上跨境電商快車",
        "subs": ["今年出口量預計突破3萬噸"],
        "date": "2024-10-29 09:12", "source": "運城日報", "source_mode": "plain",
        "editor": "張潔", "cats": ["運城頻道", "運城要聞"], "meta_author": True,
        "orig": "原標題：萬榮蘋果“漂洋過海”記",
        "note": "Traditional /BIG5/ copy served at /BIG5/, record names the /GB/ page; h3"
                " kicker above h1, h4 deck; 原標題 link in div.title_o; no date widget",
        "body": """
本報訊（記者 薛文娟）
~10月下旬，萬榮縣20萬畝蘋果進入集中採摘期。在位於高村鄉的一家果品電商產業園裡，分揀線上的蘋果經過糖度檢測、重量分級後，被裝進印有中英文標識的包裝箱，發往東南亞、中東等地。
“以前我們的蘋果主要賣給國內批發市場，現在通過跨境電商平臺，一箱蘋果從下單到送達海外客戶手中只要七八天。”產業園負責人說，今年園區已累計發出國際訂單1.6萬單。
## 冷鏈物流補齊短板
近年來，萬榮縣先後建成氣調庫、冷藏庫86座，總庫容達到28萬噸，並在縣城開通了直達天津港、青島港的冷鏈專列，蘋果錯季銷售能力明顯增強。
縣農業農村局負責人介紹，冷鏈設施的完善讓果農不再急於“地頭賣果”，每斤蘋果的平均收益提高了0.4元左右。
## 標準化種植提升品質
為滿足海外市場對農殘、外觀的嚴格要求，萬榮縣推廣矮砧密植、水肥一體化和病蟲害綠色防控技術，全縣已有4.2萬畝果園通過出口基地備案。
在皇甫鄉的一處標準化示範園，果農王建平正忙著給蘋果摘袋。他說：“按照出口標準種，一畝地多收一千多塊錢，大家的勁頭都很足。”
據海關部門統計，今年前三季度，萬榮縣蘋果出口量達到2.3萬噸，同比增長37%，全年出口量預計突破3萬噸。
""",
        "related": [("運城鹽湖區開展秋季農田水利建設", "2024-10-28"),
                    ("臨猗縣石榴採摘季迎來遊客高峰", "2024-10-26"),
                    ("芮城縣光伏治沙項目全面併網發電", "2024-10-25"),
                    ("聞喜縣煮餅製作技藝入選省級非遺名錄", "2024-10-23")],
        "hot": [], "sidebar": None,
    },
    {
        "n": 4, "host": "news", "path": "314061/314142", "aid": 10047250, "charset": "big5",
        "content_type": "text/html", "layout": "jz", "big5": True,
        "titletag": "山西新聞網", "widget": "2025年5月20日 星期二",
        "kicker": None, "title": "省城新增15處口袋公園", "subs": [],
        "date": "2023-08-21 07:56", "source": "山西晚報", "source_mode": "replace",
        "editor": "韓冰", "cats": ["社會", "民生"], "meta_author": False, "twice": True,
        "note": "Traditional /BIG5/ copy, charset only in the meta tag; <title> is the site"
                " name; the headline is repeated as the body's first line; caption with an"
                " inline credit; a script rewrites the source span",
        "body": """
本報訊（記者 楊曉梅）
~見縫插綠、推窗見景。記者8月20日從太原市園林部門瞭解到，今年以來，省城利用拆違騰退地、邊角地和閒置地，新建改造口袋公園15處，新增綠地面積約6.8萬平方米。
這些口袋公園面積從幾百平方米到一萬多平方米不等，多數分佈在老舊小區、學校和醫院周邊，居民步行十分鐘即可到達。
@img QDXYY20230821.jpg | 橋東小遊園一角。（記者 楊曉梅 攝）
在迎澤區橋東街附近，一塊閒置多年的空地被改造成了“橋東小遊園”，園內鋪設了塑膠步道，擺放了休閒座椅和健身器材，還種植了海棠、丁香、月季等花木。
“以前這裡堆滿了雜物，現在每天晚上都有不少居民來散步、跳舞。”附近居民李大爺說。
園林部門相關負責人表示，口袋公園建設堅持“一園一策”，在設計階段徵求周邊居民意見，儘量保留原有大樹，並配套建設了雨水花園、無障礙通道等設施。
下一步，太原市還將結合城市更新行動，年內再建設一批口袋公園，讓市民在家門口就能享受到更多綠色空間。
""",
        "related": [("省城公交開通5條夜間延時線路", "2023-08-19"),
                    ("太原汾河晉陽湖段生態修復工程完工", "2023-08-18"),
                    ("我省啟動秋季學期校園食品安全檢查", "2023-08-17")],
        "hot": ["太原南站周邊道路改造進入收尾階段", "山西公佈第三批省級歷史文化街區名單",
                "我省高校畢業生就業服務月活動啟動", "大同雲岡石窟數字展廳對外開放"],
        "sidebar": None,
    },
    {
        "n": 5, "host": "special", "path": "315207/315210", "aid": 10098315, "charset": "big5",
        "content_type": "text/html; charset=big5", "layout": "special", "big5": True,
        "titletag": "{t}--非遺在山西--山西新聞網", "widget": None,
        "kicker": None, "title": "平遙推光漆器：一件漆器要經過上百道工序", "subs": [],
        "date": None, "source": None, "source_mode": None,
        "editor": "李妍", "cats": ["專題", "非遺在山西"], "meta_author": False,
        "note": "special.sxrb.com topic page, Traditional /BIG5/ copy: the info line is the"
                " bare labels 時 間 / 分 享 評 論 with no date and no source, so published_at"
                " is null; subheads; reporter credit at the end",
        "body": """
走進平遙古城南大街的一家漆器作坊，淡淡的漆香撲面而來。幾名工匠正低頭在漆板上推光，手掌與漆面摩擦發出細微的沙沙聲。
平遙推光漆器髹飾技藝是國家級非物質文化遺產，以手掌推出光亮而得名。一件成品漆器從製胎、刮灰、上漆到描金彩繪、推光，要經過上百道工序，製作週期短則兩三個月，長則一年以上。
## 手掌推出的光澤
“推光是最見功夫的環節。”省級非遺代表性傳承人李師傅說，漆面每上一遍都要用水砂紙打磨，再用手掌蘸著麻油和細灰反覆推擦，“手上的力道輕了推不亮，重了就會傷到漆層。”
李師傅今年62歲，從17歲起跟隨師父學藝，至今已帶出徒弟40餘人。在他的作坊裡，年輕學徒佔了一大半。
@img QIQI0305A.jpg | 工匠在漆器上描金彩繪。
## 老手藝有了新花樣
近年來，平遙推光漆器在保留傳統技藝的同時，不斷開發首飾盒、茶具、文具等日用產品，並與文創企業合作推出聯名款，深受年輕消費者喜愛。
目前，平遙縣共有漆器生產企業和作坊70餘家，從業人員2000多人，產品遠銷日本、韓國和東南亞等國家和地區。
“只要有人願意學、有人喜歡用，這門手藝就能一直傳下去。”李師傅說。
（本報記者 任麗霞）
""",
        "related": [("絳州鼓樂：鼓聲裡的千年傳承", "2024-02-27"),
                    ("廣靈剪紙走進北京冬季文化廟會", "2024-02-20"),
                    ("清徐老陳醋釀造技藝研學基地揭牌", "2024-02-14")],
        "hot": [], "sidebar": None,
    },
    {
        "n": 6, "host": "photo", "path": "403001/403006", "aid": 10158830, "charset": "gb18030",
        "content_type": "text/html; charset=gb18030", "layout": "photo", "big5": False,
        "titletag": "{t}--图片频道--山西新闻网", "widget": "2024年11月18日 星期一",
        "kicker": None, "title": "汾河公园秋色正浓 层林尽染迎客来", "subs": [],
        "date": "2024-11-04 10:30", "source": "山西新闻网", "source_mode": "plain",
        "editor": "吕梦", "cats": ["图片频道", "山西风光"], "meta_author": False,
        "tags": ["汾河公园", "秋色", "太原"],
        "note": "photo.sxrb.com photo story: four image blocks with captions between few text"
                " paragraphs, a ■ byline at the top, a 标签: line of tag links and the"
                " 视觉志 copyright line",
        "body": """
■ 记者 赵亮 文/图
立冬将至，太原汾河公园迎来一年中色彩最丰富的时节。沿河两岸的银杏、白蜡、五角枫次第变色，金黄、橙红与河面的碧波相互映衬，吸引众多市民前来拍照、散步。
@img FHGY20241104A.jpg | 11月3日，市民在汾河公园南段银杏大道上拍照留念。
@img FHGY20241104B.jpg | 汾河晋阳桥附近，五角枫叶片由绿转红。
据汾河景区管理部门介绍，今年公园沿线补植了彩叶树种1.2万余株，并优化了夜间景观照明，观赏期预计可持续到11月中旬。
@img FHGY20241104C.jpg | 游客在亲水平台上眺望秋日汾河。
@img FHGY20241104D.jpg | 傍晚时分，汾河两岸灯光初上。
管理部门提醒，周末游园人数较多，市民可选择公共交通出行，并注意爱护公园花木。
""",
        "related": [("晋祠公园银杏进入最佳观赏期", "2024-11-02"),
                    ("壶口瀑布秋季流量增大 现“彩虹飞瀑”", "2024-10-30")],
        "hot": [], "sidebar": None,
    },
    {
        "n": 7, "host": "news", "path": "314064", "aid": 9612873, "charset": "utf-8",
        "content_type": "text/html; charset=utf-8", "layout": "text_title", "big5": False,
        "titletag": "{t}--山西新闻网", "widget": "2025年1月15日 星期三",
        "kicker": None, "title": "右玉：六十余年接力植树 荒漠变成绿洲", "subs": [],
        "date": "2020-07-22 10:05", "source": "新华社", "source_mode": "link",
        "editor": "刘瑞", "cats": ["国内新闻"], "meta_author": True,
        "orig": "原标题：一棵树与一片绿洲的故事",
        "papers": "山西日报、山西晚报、山西经济日报、山西农民报、山西法制报、山西市场导报、"
                  "山西新闻网",
        "note": "older text_title layout from 2020; 原标题 link; photo block with <font> caption"
                " and a 新华社发 credit; empty page-split table; comment form and QR prompt",
        "body": """
新华社太原7月21日电（记者 马晓东）
~盛夏时节，走进山西省右玉县，满眼皆是郁郁葱葱的林海。很难想象，这里曾是风沙肆虐、土地贫瘠的“不毛之地”。
@img 9612873_01.jpg | 这是7月20日拍摄的右玉县南山森林公园（无人机照片）。 | 新华社发
新中国成立初期，右玉县林木绿化率很低。几十年来，当地干部群众一任接着一任干，一茬接着一茬栽，在荒山荒坡上种下了一片又一片防护林。
如今，右玉县林木绿化率已大幅提高，年均沙尘天数明显减少，昔日的风口变成了生态屏障。
生态好了，产业也跟着兴起来。近年来，右玉依托林草资源发展生态旅游、沙棘种植加工和特色养殖，不少村民吃上了“生态饭”。
在右卫镇的一家农家乐，经营者张大姐说，每年夏天来避暑的游客络绎不绝，“旺季的时候一天能接待上百人”。
当地林业部门负责人表示，下一步将把重点从“造林”转向“育林”，提升森林质量，巩固来之不易的绿色成果。
""",
        "related": [("山西启动黄河流域生态保护“百日攻坚”行动", "2020-07-20"),
                    ("大同火山群国家地质公园完成步道改造", "2020-07-18"),
                    ("太行山高速公路全线贯通", "2020-07-15")],
        "hot": ["全省夏粮收购进度过半", "山西高考成绩7月23日发布", "临汾尧庙景区恢复开放"],
        "sidebar": None,
    },
]


def _img(b: list[str], aid: int) -> str:
    src, caption, credit = b[1], b[2], b[3]
    out = (f'<div align="center"><img src="/NMediaFile/{aid}/{escape(src)}" width="600"'
           f' border="0" alt="" /></div>\n')
    if caption:
        out += f'<p align="center"><font color="#000080">{escape(caption)}</font></p>\n'
    if credit:
        out += f'<p align="right">{escape(credit)}</p>\n'
    return out


def _body_html(p: dict[str, Any], body: list[list[str]]) -> str:
    parts = []
    if p.get("twice"):
        parts.append(f'<p style="text-align: center;"><strong>{escape(p["title"])}</strong></p>')
    for b in body:
        if b[0] == "img":
            parts.append(_img(b, p["aid"]))
        elif b[0] == "h":
            parts.append(f"<p>\u3000\u3000<strong>{escape(b[1])}</strong></p>")
        elif b[0] == "li":
            parts.append(f"<ul><li>{escape(b[1])}</li></ul>")
        else:
            parts.append(f"<p>\u3000\u3000{escape(b[1])}</p>")
    return "\n".join(parts)


def _left1(p: dict[str, Any], c: dict[str, Any]) -> str:
    day, hm = p["date"].split()
    y, m, d = day.split("-")
    stamp = f"{y}年{m}月{d}日{hm}"
    src = escape(p["source"])
    mode = p["source_mode"]
    if mode == "script":
        tail = ("<script type=\"text/javascript\">document.write('<a href=\"http://epaper.sxrb.com/\""
                f" target=\"_blank\">{src}<\\/a>');</script><noscript>{src}</noscript>")
    elif mode == "replace":
        tail = (f'<span id="rwb_ly">{src}</span><script type="text/javascript">'
                "var ly=document.getElementById('rwb_ly');if(ly){ly.title=ly.innerHTML;}"
                "</script>")
    elif mode == "link":
        tail = f'<a href="http://www.sxrb.com/" target="_blank">{src}</a>'
    else:
        tail = src
    return f'<div class="fl left1">{stamp}&nbsp;&nbsp;{c["source"]}{tail}</div>'


def _navpath(p: dict[str, Any], c: dict[str, Any], base: str) -> str:
    links = [f'<a href="http://www.sxrb.com/" target="_blank">{c["site"]}</a>']
    for i, cat in enumerate(p["cats"]):
        links.append(f'<a href="{base}/{p["path"].split("/")[0]}/index{i or ""}.html"'
                     f' target="_blank">{escape(cat)}</a>')
    return '<span id="rwb_navpath">' + "&gt;&gt;".join(links) + "</span>"


def _page(p: dict[str, Any]) -> tuple[str, str, str]:
    c = _BIG5 if p["big5"] else _GB
    script = "BIG5" if p["big5"] else "GB"
    host = f"http://{p['host']}.sxrb.com"
    base = f"{host}/{script}"
    served = f"{base}/{p['path']}/{p['aid']}.html"
    url = f"{host}/GB/{p['path']}/{p['aid']}.html"
    body = parse_body(p["body"])
    title = escape(p["title"])
    meta_charset = {"gbk": "GBK", "gb18030": "GB18030", "big5": "big5"}.get(p["charset"], "utf-8")
    head = [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"'
        ' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml">', "<head>",
        f'<meta http-equiv="content-type" content="text/html;charset={meta_charset}" />',
        '<meta http-equiv="Content-Language" content="zh-CN" />',
        f"<title>{p['titletag'].format(t=title)}</title>",
        f'<meta name="keywords" content="{escape(" ".join(p["cats"]))}" />',
        f'<meta name="description" content="{escape(body_paragraphs(body)[0][:60])}" />',
        '<meta name="filetype" content="0" />', '<meta name="publishedtype" content="1" />',
        '<meta name="pagetype" content="1" />',
        f'<meta name="catalogs" content="{p["path"].split("/")[-1]}" />',
        f'<meta name="contentid" content="{p["aid"]}" />',
    ]
    if p["date"]:
        head.append(f'<meta name="publishdate" content="{p["date"].split()[0]}" />')
    if p["meta_author"]:
        head.append(f'<meta name="author" content="{escape(p["editor"])}" />')
    if p["source"]:
        head.append(f'<meta name="source" content="{c["source"]}{escape(p["source"])}" />')
    head += ['<link href="/css/2019/page.css" type="text/css" rel="stylesheet" />',
             '<script src="/js/jquery-1.7.2.min.js" type="text/javascript"></script>',
             "<style>.d2txt_con p{text-indent:0;line-height:2em}.hide{display:none}</style>",
             "</head>", "<body>"]
    top = ['<div class="top_bar"><div class="w1000 clearfix">',
           f'<span class="fl slogan">{c["slogan"]}</span>']
    if p["widget"]:
        top.append(f'<span class="fl today" id="today">{p["widget"]}</span>')
    top += [f'<span class="fr"><a href="http://passport.sxrb.com/login">{c["login"]}</a> |'
            f' <a href="http://passport.sxrb.com/reg">{c["register"]}</a></span>',
            "</div></div>",
            '<div class="header w1000 clearfix"><h1 class="logo fl">'
            f'<a href="http://www.sxrb.com/"><img src="/img/2019/logo.png" alt="{c["site"]}" />'
            f'</a></h1><div class="fr search"><form action="http://search.sxrb.com/">'
            '<input type="text" name="q" />'
            f'<input type="submit" value="{c["search"]}" /></form></div>'
            "</div>"]
    nav = '<div class="nav w1000">' + "".join(
        f'<a href="{base}/index.html">{x}</a>' for x in c["nav"].split("|")) + "</div>"
    hosts = ["ty", "dt", "sz", "xz", "yq", "lvl", "jz", "cz", "jc", "lf", "yc"]
    cities = '<div class="city w1000">' + " | ".join(
        f'<a href="http://{h}.sxrb.com/">{x}</a>'
        for h, x in zip(hosts, c["cities"].split("|"), strict=True)) + "</div>"
    # the headline block
    layout = p["layout"]
    if layout == "jz":
        hb = ['<div class="d2txt clearfix">']
        if p["kicker"]:
            hb.append(f'<h3 class="pre">{escape(p["kicker"])}</h3>')
        hb.append(f'<div class="jz">{title}</div>')
        hb += [f'<h4 class="sub">{escape(s)}</h4>' for s in p["subs"]]
    elif layout == "photo":
        hb = ['<div class="pic_t clearfix">', f'<h1 class="pic_tit">{title}</h1>']
    elif layout == "special":
        hb = ['<div class="text_title special_t">', f"<h1>{title}</h1>",
              f'<p class="sou">{c["time"]}&nbsp;/&nbsp;{c["fxpl"]}</p>']
    else:
        hb = ['<div class="clearfix w1000_320 text_title">']
        hb.append(f'<h3 class="pre">{escape(p["kicker"] or "")}</h3>')
        hb.append(f"<h1>{title}</h1>")
        hb.append(f'<h4 class="sub">{"".join(escape(s) for s in p["subs"])}</h4>')
    if p.get("orig"):
        hb.append(f'<div class="title_o"><a href="{served}">{escape(p["orig"])}</a></div>')
    if p["date"]:
        hb.append('<div class="box01 clearfix">' + _left1(p, c) +
                  f'<div class="fr fx">{c["share"]}<a class="bds_tsina" href="#"></a>'
                  f'<a class="bds_weixin" href="#"></a> {c["comment"]}'
                  '<span id="pl_num"></span></div></div>')
    hb.append('<div class="daohang">' + _navpath(p, c, base) + "</div>")
    hb.append("</div>")
    main = ['<div class="w1000 clearfix"><div class="fl d2txt_left">', *hb,
            '<div class="d2txt_con clearfix" id="rwb_zw">', _body_html(p, body)]
    if p["n"] == 7:
        main.append('<center><table border="0" align="center" width="40%"><tr>'
                    '<td width="50%" align="center"></td><td width="50%" align="center"></td>'
                    "</tr></table></center>")
    main.append("</div>")
    main.append('<div class="zdfy clearfix"></div>')
    if p.get("tags"):
        main.append('<div class="keywords">标签：' + " ".join(
            f'<a href="http://search.sxrb.com/?q={escape(t)}">{escape(t)}</a>'
            for t in p["tags"]) + "</div>")
        main.append('<p class="bqsm">版权声明：视觉志稿件，未经授权禁止转载或使用。</p>')
    main.append(f'<div class="editer clearfix">({c["editor"]}{escape(p["editor"])})</div>')
    main.append(f'<div class="jc"><a href="#">{c["jc"]}</a> <a href="javascript:window.print()">'
                f'{c["print"]}</a> <a href="javascript:window.close()">{c["close"]}</a></div>')
    if p["n"] == 7:
        main.append('<div class="message"><h2>网友留言</h2><form action="#" method="post">'
                    '<textarea name="content">请遵守互联网相关规定，文明理性发言。</textarea>'
                    '<p>用户名：<input name="u" /> <a href="#">登录</a> <a href="#">注册</a>'
                    ' <input type="submit" value="发表留言" /></p></form></div>'
                    '<div class="ewm"><img src="/img/ewm.png" alt="" />'
                    "<p>扫描二维码 关注山西新闻网微信公众号</p></div>")
    if p["related"]:
        main.append(f'<div class="tjyd"><h2>{c["tjyd"]}</h2><ul>' + "".join(
            f'<li><a href="{base}/{p["path"]}/{p["aid"] - 37 * (i + 1)}.html">{escape(t)}</a>'
            f"<span>{d}</span></li>" for i, (t, d) in enumerate(p["related"])) + "</ul></div>")
    main.append("</div>")
    side = ['<div class="fr d2txt_right">']
    if p["hot"]:
        side.append(f'<div class="rdph"><h2>{c["hot"]}</h2><ol>' + "".join(
            f'<li><a href="{base}/index.html">{escape(t)}</a></li>' for t in p["hot"])
            + "</ol></div>")
    if p["sidebar"]:
        side.append(f'<div class="about"><h2>关于我们</h2><p>{escape(p["sidebar"])}</p></div>')
    side.append('<div class="ad"><a href="#"><img src="/ad/300x250.jpg"'
                f' alt="{c["ad"]}" /></a></div>')
    side.append("</div></div>")
    foot = ['<div class="footer">', f'<div class="sm"><h3>{c["sm"]}</h3>']
    statement = list(c["statement"])
    if p.get("papers"):  # the footer's list of papers changes over the years
        statement[0] = statement[0].replace(_PAPERS, p["papers"])
    foot += [f"<p>{escape(s)}</p>" for s in statement]
    foot += ["</div>", '<p class="links">' + " | ".join(
        f'<a href="#">{x}</a>' for x in c["foot"].split("|")) + "</p>",
        f'<p>{c["owner"]} {c["icp"]}</p>', "</div>",
        '<script type="text/javascript">var _hmt=_hmt||[];(function(){var hm='
        "document.createElement('script');hm.src='//hm.example.invalid/hm.js';})();</script>",
        "</body>", "</html>"]
    html = "\n".join([*head, *top, nav, cities, *main, *side, *foot]) + "\n"
    return served, url, html


def pages() -> Iterator[Fixture]:
    for p in PAGES:
        served, url, html = _page(p)
        published = None
        if p["date"]:
            published = p["date"].replace(" ", "T") + ":00+08:00"
        expected = record(
            url=url, site="sxnews", title=p["title"], subtitle=[*filter(None, [p["kicker"]]),
                                                              *p["subs"]],
            paragraphs=body_paragraphs(parse_body(p["body"])), published_at=published,
            editor=p["editor"], source=p["source"], category=p["cats"], tags=p.get("tags"))
        yield Fixture(family=FAMILY, number=p["n"], served_url=served, html=html,
                      charset=p["charset"], expected=expected,
                      content_type=p["content_type"], note=p["note"])
