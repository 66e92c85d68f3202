"""Phrase tables and site facts the replica generator draws from (data only).

Everything here is written in Simplified Chinese with ASCII punctuation, as the
clean records keep it; the generator converts to Traditional (OpenCC) for the
pages that serve it and to fullwidth punctuation when it writes HTML. Site
facts follow /work/shared/SITES.md (hosts, columns, URL schemes); names of
columns nobody has seen are made up in the same style.
"""

from __future__ import annotations

# --- Site facts ---------------------------------------------------------------

# shanxidayuan: column -> the city printed in the meta line's region column.
SXDY_COLUMNS: dict[str, str] = {
    "lzyl": "太原", "changzhi": "长治", "xinzhou": "忻州", "datong": "大同",
    "jinzhong": "晋中", "yuncheng": "运城", "linfen": "临汾",
}
SXDY_SECTION = "各市要闻"  # what /gsyl/ is called in the breadcrumbs of other themes
SXDY_AUTHORS = ("网络编辑", "大院网", "本站编辑", "网络编辑", "网络编辑")
SXDY_SOURCES = ("大院网", "山西大院资讯网", "太原日报", "长治日报", "忻州日报", "山西新闻网",
                "黄河新闻网", "山西大院资讯网")
SXDY_HEADERS = ("大院网-山西大院资讯网", "山西大院资讯网")
SXDY_MAIL_USERS = ("news", "tougao", "xinwen", "bianji", "sxdy", "service", "jubao")
SXDY_MAIL_DOMAINS = ("163.com", "qq.com", "126.com", "sina.com", "shanxidayuan.com")
SXDY_FOOTER_EMAIL = "sxdayuan@163.com"

# fissico: "<section>/<column>" -> (section name, column name), breadcrumb names
# (Simplified; fissico.com serves them in Traditional), and how often each
# column publishes (its share of the one id sequence).
FISSICO_COLUMNS: dict[str, tuple[str, str, int]] = {
    "xw/dzyw": ("新闻", "党政要闻", 4), "xw/jjgz": ("新闻", "聚焦甘孜", 3),
    "xw/gxdt": ("新闻", "各县动态", 3), "xw/shxw": ("新闻", "社会民生", 2),
    "ly/kbmj": ("旅游", "康巴美景", 1), "ly/jpxl": ("旅游", "精品线路", 1),
    "ly/lyzx": ("旅游", "旅游资讯", 1), "zx/lyzx": ("资讯", "旅游资讯", 1),
    "wh/kbwh": ("文化", "康巴文化", 1),
}
FISSICO_SECTIONS = {"xw": "新闻", "ly": "旅游", "zx": "资讯", "wh": "文化"}
# The publication on the date line (Simplified; served Traditional).
FISSICO_PUBLICATIONS = ("甘孜日报", "甘孜日报", "《甘孜日报》", "新华网", "本站原创", "川报观察",
                        "本网讯", "四川日报", "康巴卫视", "甘孜日报")
FISSICO_SOURCES = FISSICO_PUBLICATIONS
FISSICO_REPORTER_ORGS = ("康巴传媒记者", "甘孜日报记者", "全媒体记者")
FISSICO_BYLINES = ("■ 记者 {a} 文/图", "▉本网记者 {a} {b} 文/图", "◎记者 {a} 文/图",
                   "康巴传媒记者 {a}", "全媒体记者 {a} {b}", "■ 本报记者 {a}")
FISSICO_DECKS = ("——{org}召开{meeting}", "{leader}主持会议并讲话", "聚焦{topic} 推动工作落实",
                 "{city}全力推进{topic}")

# sxnews, old scheme (2017 - mid 2019): (host, directory under /sxxww/,
# breadcrumb under 山西新闻网, weight).
SXNEWS_OLD_COLUMNS: tuple[tuple[str, str, tuple[str, ...], int], ...] = (
    ("www.sxrb.com", "xwpd/gcdt", ("政务频道", "高层动态"), 3),
    ("news.sxrb.com", "xwpd/sxyw", ("新闻频道", "山西要闻"), 3),
    ("www.sxrb.com", "xwpd/shxw", ("新闻频道", "社会新闻"), 2),
    ("www.sxrb.com", "jjpd/jjxw", ("经济频道", "经济新闻"), 2),
    ("www.sxrb.com", "dspd/ycpd/ycxw", ("地市频道", "运城频道", "运城新闻"), 1),
    ("sz.sxrb.com", "dspd/szpd/bwch", ("地市频道", "朔州频道", "本网策划"), 1),
    ("news.sxrb.com", "dspd/typd/tyxw/qxdt", ("地市频道", "太原频道", "太原新闻", "区县动态"), 1),
)
# sxnews, current scheme (People's Daily network CMS, mid 2019 onwards):
# (host, node path under /GB/, breadcrumb under 山西新闻网, weight, family or "").
SXNEWS_GB_COLUMNS: tuple[tuple[str, str, tuple[str, ...], int, str], ...] = (
    ("news.sxrb.com", "314060", ("新闻", "时政要闻"), 3, ""),
    ("news.sxrb.com", "314061", ("新闻", "山西要闻"), 3, ""),
    ("news.sxrb.com", "314064", ("新闻", "国内新闻"), 2, ""),
    ("news.sxrb.com", "314065", ("新闻", "国际新闻"), 1, ""),
    ("news.sxrb.com", "314066", ("新闻", "社会新闻"), 2, ""),
    ("news.sxrb.com", "314061/367802", ("新闻", "山西要闻", "市县传真"), 1, ""),
    ("xz.sxrb.com", "319810", ("忻州", "忻州要闻"), 2, ""),
    ("xz.sxrb.com", "319810/319812", ("忻州", "忻州要闻", "县区动态"), 1, ""),
    ("yc.sxrb.com", "320541", ("运城", "运城要闻"), 2, ""),
    ("yc.sxrb.com", "320541/320544", ("运城", "运城要闻", "河东视点"), 1, ""),
    ("photo.sxrb.com", "321700", ("图片", "视觉志"), 2, "photo"),
    ("photo.sxrb.com", "321700/321702", ("图片", "图说山西"), 1, "photo"),
    ("special.sxrb.com", "318641/318818/318882", ("专题", "全国两会", "代表委员说"), 1, "special"),
)
SXNEWS_GB_HOSTS: dict[str, str] = {  # host -> name printed on its home
    "news.sxrb.com": "山西新闻网", "xz.sxrb.com": "山西新闻网忻州频道",
    "yc.sxrb.com": "山西新闻网运城频道", "photo.sxrb.com": "视觉志-山西新闻网图片频道",
    "special.sxrb.com": "山西新闻网专题",
}
# Kept for the seeds' column names (seed 000 sits in the old gcdt channel).
SXNEWS_CHANNELS: dict[str, tuple[str, str]] = {
    "gcdt": ("政务频道", "高层动态"), "sxyw": ("新闻频道", "山西要闻"),
    "shxw": ("新闻频道", "社会新闻"), "jjxw": ("经济频道", "经济新闻"),
}
SXNEWS_SOURCES = ("山西日报", "山西日报", "山西晚报", "山西经济日报", "山西农民报", "山西新闻网")
SXNEWS_EDITORS = ("张星秀", "王晓丽", "李娜", "赵鹏", "刘建华", "郭婷", "梁晨", "任瑞", "杜敏")
SXNEWS_LEADS = ("本报讯(记者 {a})", "本报讯(记者 {a} 通讯员 {b})", "本报讯",
                "山西新闻网讯(记者 {a})")
SXNEWS_CREDITS = ("(本报记者 {a})", "本报记者 {a} {b}", "(记者 {a} 通讯员 {b})",
                  "(山西日报记者 {a})")
SXNEWS_ORIGINAL_TITLE_FORMS = ("{city}:{action}{topic} {goal_short}", "{org}部署{topic}工作",
                               "{leader}:{action}{object}")

# --- Article generator ----------------------------------------------------------

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜"
    "范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN_CHARS = (
    "建国新华志伟明军红勇卫东海峰斌强平晓文丽俊杰敏涛鹏超宏波辉刚永忠立成云龙飞玉春秀英兰芳瑞祥福宇泽浩然继光德荣庆胜利民"
)
LEADER_TITLES = (
    "市委书记", "市长", "市委副书记、市长", "县委书记", "县长", "区委书记", "副市长",
    "州委书记", "州长", "省委常委、市委书记", "市政协主席", "市人大常委会主任",
)
ORGS = (
    "市委", "市政府", "市委常委会", "县委", "县政府", "区委", "市人大常委会", "市政协",
    "州委", "州政府", "市委全面深化改革委员会", "市安全生产委员会", "市乡村振兴领导小组",
)
MEETINGS = (
    "常委会会议", "常务会议", "专题会议", "工作推进会", "座谈会", "调度会", "现场观摩会",
    "动员部署会", "理论学习中心组学习会", "工作会议", "联席会议",
)
# Meetings that run in numbered series (follow-up articles of the same series).
SERIES = (
    "疫情防控工作领导小组会议", "市委常委会会议", "市政府常务会议", "防汛抗旱指挥部会议",
    "安全生产委员会全体会议", "乡村振兴领导小组会议", "项目建设推进会", "优化营商环境专题会议",
)
TOPICS = (
    "乡村振兴", "生态环境保护", "优化营商环境", "安全生产", "疫情防控", "基层治理",
    "文旅融合发展", "黄河流域生态保护", "能源革命综合改革试点", "民生保障", "防汛工作",
    "招商引资", "重点项目建设", "数字经济发展", "城市更新", "耕地保护", "森林草原防火",
    "冬季清洁取暖", "农村人居环境整治", "义务教育", "医疗卫生服务", "就业创业", "粮食生产",
    "文明城市创建", "平安建设", "新型城镇化", "科技创新", "国企改革", "民营经济发展",
    "消费市场回暖", "水资源保护", "交通基础设施建设", "养老服务", "食品安全", "信访工作",
)
ACTIONS = (
    "坚持", "强化", "推动", "落实", "加快", "深化", "统筹", "完善", "提升", "巩固", "拓展",
    "聚焦", "狠抓", "筑牢", "守牢", "持续推进", "全面加强", "扎实做好", "切实抓好",
)
OBJECTS = (
    "责任体系", "工作机制", "政策措施", "风险防范", "监督检查", "要素保障", "队伍建设",
    "宣传引导", "应急处置", "问题整改", "制度建设", "服务保障", "项目谋划", "资金监管",
    "隐患排查", "考核评价", "数据共享", "协调联动", "示范引领", "督导检查",
)
GOALS = (
    "确保各项任务落地见效", "推动高质量发展取得新成效", "不断增强群众获得感幸福感安全感",
    "为全市经济社会发展提供坚强保障", "以实际行动践行“两个维护”", "确保全年目标任务圆满完成",
    "奋力开创各项工作新局面", "切实把好事办好、实事办实", "守住不发生系统性风险的底线",
    "努力交出一份合格答卷", "推动工作走在前列", "让人民群众真正受益",
)
DOCS = (
    "习近平总书记重要讲话重要指示精神", "党的二十大精神", "中央经济工作会议精神",
    "省委全会精神", "省政府常务会议精神", "全国电视电话会议精神", "省委专题会议精神",
    "中央农村工作会议精神", "全省工作会议精神",
)
OPENERS = (
    "会议指出", "会议强调", "会议要求", "{leader}指出", "{leader}强调", "{leader}要求",
    "与会人员认为", "会议认为", "{leader}表示",
)
CONNECTORS = ("要", "必须", "务必", "要进一步", "要始终")
FIGURE_SENTENCES = (
    "今年以来,全市累计完成投资{n}亿元,同比增长{p}%。",
    "截至目前,已实施重点项目{n}个,完成年度计划的{p}%。",
    "全市共排查各类隐患{n}处,已整改{p}%。",
    "{year}年以来,全市新增就业岗位{n}个,城镇调查失业率控制在{p}%以内。",
    "目前,已建成示范点{n}个,覆盖率达到{p}%。",
    "全年计划培训{n}人次,目前已完成{p}%。",
    "活动共吸引{n}名群众参与,满意度达到{p}%。",
    "全市{n}个村(社区)全部完成摸底,问题整改率达到{p}%。",
)
CLOSINGS = (
    "会议还研究了其他事项。", "会议以视频形式召开,各县(市、区)设分会场。",
    "市直有关部门负责同志参加会议。", "各县(市、区)主要负责同志列席会议。",
    "会议还听取了有关工作情况汇报。", "会议以电视电话会议形式召开。",
)
SUBTITLES = (
    "{leader}出席并讲话", "{org}有关领导参加", "聚焦{topic} 推动工作落实",
    "坚持问题导向 压实各方责任", "{leader}主持", "有关部门负责同志参加",
)
TITLE_FORMS = (
    "{leader}主持召开{org}{meeting}",
    "{city}召开{topic}{meeting}",
    "{org}召开{meeting} 研究部署{topic}工作",
    "{leader}:{action}{topic} {goal_short}",
    "{city}{action}{topic}工作",
    "{leader}在调研{topic}工作时强调 {action}{object}",
    "{org}{series}召开",
)
GOALS_SHORT = ("确保取得实效", "推动高质量发展", "守牢安全底线", "增进民生福祉", "再上新台阶")
CITIES = (
    "太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾", "吕梁",
    "康定", "泸定", "丹巴", "九龙", "雅江", "道孚", "炉霍", "甘孜", "新龙", "德格", "理塘",
)
TAGS = (
    "疫情", "防控", "风险", "工作", "会议", "发展", "项目", "民生", "乡村", "振兴", "生态",
    "安全", "改革", "经济", "教育", "医疗", "交通", "文旅", "就业", "招商", "环保", "治理",
)

# --- Mirror (spam) pages -------------------------------------------------------

SPAM_LINES = (
    "久久Av秘 无码一区二区,亚洲欧美一区二区三区在饯,伊人久久波多结衣人妻系列,亚洲一区 国产精品",
    "亚洲一区二区三区,欧美日韩国产精品,久久精品视频在线观看,免费高清无码在线播放 国产精品",
    "国产精品一区二区三区,日韩欧美亚洲综合,久久久久久久精品免费,在线观看无码视频 亚洲一区",
)

# --- Page furniture: captions, credits, subheads, list items ---------------------

CAPTIONS = (
    "图为会议现场。", "{md},{city}{place}里,{scene}。", "图为{leader}在{city}调研{topic}工作。",
    "{city}{place}一角。", "{md},{scene}。", "图为{city}{topic}工作现场。",
)
CAPTION_PLACES = ("社区", "产业园区", "项目工地", "景区", "便民服务中心", "田间地头", "新建厂房",
                  "农贸市场")
CAPTION_SCENES = ("工作人员正在检查设备", "群众在服务窗口办理业务", "游客在景区游览拍照",
                  "志愿者为群众讲解政策", "施工人员加紧作业", "农户在田间忙碌", "学生参加实践活动",
                  "技术人员调试生产线")
CREDITS = ("新华社发", "新华社记者 {a} 摄", "记者 {a} 摄", "本报记者 {a} 摄", "{a} 摄", "资料图")
SUBHEAD_NUMERALS = "一二三四五六"
SUBHEADS = ("{n}、{action}{object}", "{action}{topic} {goal_short}", "{n}是{action}{object}")
LIST_ITEMS = ("{action}{object}", "{action}{topic}", "{topic}{object}")
IMAGE_DIRS = ("/NMediaFile/{y}/{md}/", "/uploads/allimg/{ym}/", "/d/file/p/{y}/{md}/",
              "/static/upload/image/{ymd}/")
GALLERY_TAGS = ("太原", "春节", "视觉志", "非遗", "乡村", "黄河", "古建", "文旅", "秋收", "夜景")

# Extra pinyin glosses for fissico.com's Traditional pages, beyond the ones the
# seed shows (the same kind of character: Traditional forms the mirrors gloss).
EXTRA_GLOSSES: dict[str, str] = {
    "報": "bào", "請": "qǐng", "黨": "dǎng", "經": "jīng", "濟": "jì", "項": "xiàng",
    "產": "chǎn", "環": "huán", "轉": "zhuǎn", "專": "zhuān", "廣": "guǎng", "極": "jí",
    "鄉": "xiāng", "開": "kāi", "幹": "gàn", "農": "nóng", "資": "zī", "態": "tài",
}

