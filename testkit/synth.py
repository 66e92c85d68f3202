"""Deterministic synthetic articles and labelled duplicate pairs.

Used by the dedupe tests (the labelled set that precision and recall are
measured on) and by ``bench/bench_dedupe.py`` (a million documents). The text
is built from clauses cut out of the five golden articles (converted to
Simplified) plus name, place and number tables, so documents share the
vocabulary, templates and meeting boilerplate real regional news shares —
which is what makes the hard negatives hard.

Positive pairs (same article): exact copies, mirror copies (Traditional via
OpenCC ``s2t`` with ``(pīnyīn)`` glosses after characters), copies with other
chrome lines, truncated copies (70–95 % kept), lightly edited copies.
Negative pairs (different articles): same site and template, long shared
boilerplate, follow-up reports of one meeting series.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

SITES = ("shanxidayuan", "fissico", "sxnews")
_SITE_URL = {
    "shanxidayuan": "http://www.shanxidayuan.com/gsyl/{cat}/{n}.html",
    "fissico": "http://fissico.com/html/xw/{cat}/{n}.html",
    "sxnews": "http://www.sxrb.com/sxxww/{cat}/{n}.shtml",
}
_CATS = ("lzyl", "changzhi", "xinzhou", "dzyw", "xwzx", "jryw")

_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏建红新宇峰文辉力斌晓波俊"
    "东雪琳荣德生成林志国海云飞亮"
)
_PLACES = ("太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾", "吕梁",
           "康定", "泸定", "丹巴", "九龙", "雅江", "道孚", "炉霍", "甘孜", "新龙", "德格", "理塘")
_BODIES = ("疫情防控工作领导小组", "常委会", "政府常务会议", "安全生产委员会", "经济工作会议",
           "乡村振兴工作领导小组", "生态环境保护委员会", "民生实事推进会")
_ROLES = ("市委书记", "市长", "市委副书记", "常务副市长", "州委书记", "州长", "县委书记", "副市长")
_VERBS = ("主持召开", "出席", "调研", "督导检查", "专题研究", "部署推进")
_TOPICS = ("疫情防控", "安全生产", "项目建设", "乡村振兴", "生态保护", "招商引资", "民生保障",
           "防汛救灾", "营商环境", "教育医疗")

# A small char -> pinyin (with tone mark) table is enough to gloss a mirror copy.
_PINYIN_TEXT = (
    "发:fā 展:zhǎn 会:huì 议:yì 工:gōng 作:zuò "
    "疫:yì 情:qíng 防:fáng 控:kòng 市:shì 省:shěng "
    "委:wěi 书:shū 记:jì 领:lǐng 导:dǎo 小:xiǎo "
    "组:zǔ 部:bù 署:shǔ 全:quán 面:miàn 落:luò "
    "实:shí 要:yào 求:qiú 强:qiáng 调:diào "
    "重:zhòng 点:diǎn 传:chuán 达:dá 贯:guàn "
    "彻:chè 精:jīng 神:shén 开:kāi 召:zhào 主:zhǔ "
    "持:chí 讲:jiǎng 话:huà 出:chū 席:xí 各:gè "
    "级:jí 门:mén 责:zé 任:rèn 安:ān 排:pái 持:chí "
    "续:xù 抓:zhuā 好:hǎo 做:zuò 严:yán 格:gé "
    "执:zhí 行:xíng 关:guān 于:yú 对:duì 进:jìn "
    "一:yī 步:bù 加:jiā 坚:jiān 决:jué 确:què "
    "保:bǎo 人:rén 民:mín 群:qún 众:zhòng 生:shēng "
    "命:mìng 安:ān 健:jiàn 康:kāng 政:zhèng 府:fǔ "
    "党:dǎng 中:zhōng 央:yāng 国:guó 家:jiā "
    "总:zǒng 指:zhǐ 示:shì 形:xíng 势:shì 研:yán "
    "判:pàn 分:fēn 析:xī 施:shī 措:cuò 管:guǎn "
    "理:lǐ 服:fú 务:wù 经:jīng 济:jì 社:shè 干:gàn "
    "线:xiàn 第:dì 次:cì 专:zhuān 题:tí 常:cháng "
    "态:tài 化:huà 应:yìng 急:jí 处:chǔ 置:zhì "
)
_PINYIN = dict(pair.split(":") for pair in _PINYIN_TEXT.split())

_CHROME = (
    "责任编辑:{name}", "来源:{place}日报", "本文地址:{url}", "相关阅读", "分享到:微信 微博 QQ空间",
    "上一篇:{title}", "下一篇:{title}", "打印本页 关闭窗口", "编辑:{name} 审核:{name2}",
)


@lru_cache(maxsize=1)
def clauses() -> tuple[str, ...]:
    return tuple(line for line in _CLAUSES.splitlines() if line)


@lru_cache(maxsize=1)
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=1)
def _gloss_table() -> dict[str, str]:
    """Traditional or Simplified character -> "(pīnyīn)"."""
    cc = _s2t()
    table = {}
    for ch, py in _PINYIN.items():
        table[ch] = f"({py})"
        table[cc.convert(ch)] = f"({py})"
    return table


class Writer:
    """Writes articles from the clause and name tables, deterministically from a seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def name(self) -> str:
        r = self.rng
        return r.choice(_SURNAMES) + "".join(r.choices(_GIVEN, k=r.choice((1, 2))))

    def sentence(self, lo: int = 2, hi: int = 5) -> str:
        r = self.rng
        parts = r.sample(clauses(), r.randint(lo, hi))
        if r.random() < 0.4:
            parts.insert(0, f"{r.choice(_PLACES)}{r.choice(_ROLES)}{self.name()}指出")
        if r.random() < 0.3:
            parts.append(f"全年完成{r.choice(_TOPICS)}项目{r.randint(2, 999)}个")
        return ",".join(parts) + "。"

    def paragraph(self) -> str:
        return "".join(self.sentence() for _ in range(self.rng.randint(1, 3)))

    def title(self) -> str:
        r = self.rng
        return r.choice((
            f"{self.name()}{r.choice(_VERBS)}{r.choice(_PLACES)}{r.choice(_TOPICS)}工作",
            f"{r.choice(_PLACES)}召开{r.choice(_BODIES)}第{r.randint(2, 200)}次会议",
            f"{self.name()}:{r.choice(clauses())},{r.choice(clauses())}",
        ))

    def lead(self) -> str:
        r = self.rng
        return (f"{r.randint(1, 12)}月{r.randint(1, 28)}日,{r.choice(_PLACES)}召开"
                f"{r.choice(_BODIES)}会议," + self.sentence(2, 4))

    def article(self, paragraphs: tuple[int, int] = (4, 9)) -> str:
        paras = [self.title(), self.lead()]
        paras += [self.paragraph() for _ in range(self.rng.randint(*paragraphs))]
        return "\n\n".join(paras)

    # --- copies of one article ------------------------------------------------
    def mirror(self, text: str) -> str:
        """Traditional script with toned pinyin glosses after about a third of the
        characters that have one, as the mirror sites serve it."""
        glosses = _gloss_table()
        out = []
        for ch in _s2t().convert(text):
            out.append(ch)
            gloss = glosses.get(ch)
            if gloss and self.rng.random() < 0.35:
                out.append(gloss)
        return "".join(out)

    def chrome(self, text: str) -> str:
        """The same article with 1–3 chrome lines the cleaner left on another site."""
        r = self.rng
        lines = []
        for template in r.sample(_CHROME, r.randint(1, 3)):
            lines.append(template.format(
                name=self.name(), name2=self.name(), place=r.choice(_PLACES),
                url=url_for(r.choice(SITES), r.randint(1, 10**6)), title=self.title()))
        paras = text.split("\n\n")
        cut = r.randint(1, 2)
        head, tail = lines[:cut] if r.random() < 0.3 else [], lines[cut:]
        return "\n\n".join([*head, *paras, *tail]) if head else "\n\n".join([*paras, *lines])

    def truncated(self, text: str) -> str:
        """The first 70–95 % of the article, cut at a sentence end."""
        keep = int(len(text) * self.rng.uniform(0.72, 0.95))
        cut = text.rfind("。", 0, keep)
        return text[: cut + 1] if cut > len(text) // 2 else text[:keep]

    def edited(self, text: str) -> str:
        """A light edit: a few characters changed, a sentence dropped or added."""
        r = self.rng
        chars = list(text)
        pool = "".join(clauses())
        for _ in range(max(1, len(chars) // r.randint(60, 150))):
            i = r.randrange(len(chars))
            if chars[i] != "\n":
                chars[i] = r.choice(pool)
        out = "".join(chars)
        sentences = out.split("。")
        if r.random() < 0.5 and len(sentences) > 4:
            del sentences[r.randrange(1, len(sentences) - 1)]
        else:
            sentences.insert(r.randrange(1, len(sentences)), self.sentence(1, 3)[:-1])
        return "。".join(sentences)

    # --- hard negatives -------------------------------------------------------
    def same_template(self) -> tuple[str, str]:
        """Two different articles of one site: same title and lead templates."""
        r = self.rng
        place, body, who = r.choice(_PLACES), r.choice(_BODIES), self.name()
        docs = []
        for _ in range(2):
            head = [f"{who}主持召开{place}{body}会议",
                    f"{r.randint(1, 12)}月{r.randint(1, 28)}日,{who}主持召开{place}{body}会议,"
                    "传达贯彻省委专题会议精神,研究部署下一步工作。"]
            docs.append("\n\n".join(head + [self.paragraph() for _ in range(r.randint(4, 8))]))
        return docs[0], docs[1]

    def shared_boilerplate(self) -> tuple[str, str]:
        """Two short articles carrying the same long block (a footer, a standard notice)."""
        r = self.rng
        block = "\n\n".join(self.paragraph() for _ in range(r.randint(2, 3)))
        docs = []
        for _ in range(2):
            body = self.article(paragraphs=(2, 4))
            docs.append(f"{block}\n\n{body}" if r.random() < 0.3 else f"{body}\n\n{block}")
        return docs[0], docs[1]

    def meeting_series(self) -> tuple[str, str]:
        """Reports of consecutive meetings of one series: same title template with
        the next number, same attendance and closing paragraphs, new body."""
        r = self.rng
        place, body = r.choice(_PLACES), r.choice(_BODIES)
        n = r.randint(2, 200)
        attend = (f"{place}{r.choice(_ROLES)}{self.name()}主持会议。"
                  f"市领导{'、'.join(self.name() for _ in range(r.randint(4, 8)))}出席会议。")
        closing = self.paragraph()
        docs = []
        for i in range(2):
            title = f"{place}召开{body}第{n + i}次会议"
            lead = (f"{r.randint(1, 12)}月{r.randint(1, 28)}日,{place}召开{body}第{n + i}次会议,"
                    "传达贯彻上级会议精神,安排部署近期重点工作。" + attend)
            middle = [self.paragraph() for _ in range(r.randint(3, 6))]
            docs.append("\n\n".join([title, lead, *middle, closing]))
        return docs[0], docs[1]


def url_for(site: str, n: int) -> str:
    return _SITE_URL[site].format(cat=_CATS[n % len(_CATS)], n=n)


@dataclass(frozen=True)
class Pair:
    kind: str
    a: str
    b: str
    duplicate: bool


POSITIVE_KINDS = ("exact", "mirror", "chrome", "truncated", "edited", "mirror+truncated")
NEGATIVE_KINDS = ("same_template", "shared_boilerplate", "meeting_series")


def labelled_pairs(per_kind: int = 60, seed: int = 6) -> list[Pair]:
    """``per_kind`` pairs of each kind (positives, then hard negatives)."""
    w = Writer(seed)
    pairs: list[Pair] = []
    copy = {
        "exact": lambda t: t,
        "mirror": w.mirror,
        "chrome": w.chrome,
        "truncated": w.truncated,
        "edited": w.edited,
        "mirror+truncated": lambda t: w.mirror(w.truncated(t)),
    }
    for kind in POSITIVE_KINDS:
        for _ in range(per_kind):
            original = w.article()
            pairs.append(Pair(kind, original, copy[kind](original), True))
    makers = {"same_template": w.same_template, "shared_boilerplate": w.shared_boilerplate,
              "meeting_series": w.meeting_series}
    for kind in NEGATIVE_KINDS:
        for _ in range(per_kind):
            a, b = makers[kind]()
            pairs.append(Pair(kind, a, b, False))
    return pairs


def bench_records(n: int, seed: int = 1, dup_rate: float = 0.2) -> Iterator[dict[str, Any]]:
    """``n`` JSONL-ready records; about ``dup_rate`` of them copies of earlier ones
    (exact, mirror, truncated, edited, or the same URL again)."""
    w = Writer(seed)
    r = w.rng
    recent: list[str] = []
    for i in range(n):
        site = SITES[i % 3]
        url: str | None = url_for(site, i)
        if recent and r.random() < dup_rate:
            base = r.choice(recent)
            kind = r.randrange(5)
            if kind == 0:
                text = base
            elif kind == 1:
                text = w.mirror(base)
            elif kind == 2:
                text = w.truncated(base)
            elif kind == 3:
                text = w.edited(base)
            else:
                text, url = base, url_for(site, max(0, i - r.randint(1, 500)))
        else:
            text = w.article()
            recent.append(text)
            if len(recent) > 1000:
                recent.pop(r.randrange(len(recent)))
        rid = f"{r.getrandbits(64):016x}"
        yield {"id": rid, "url": url, "site": site, "title": text.split("\n", 1)[0],
               "text": text}


_CLAUSES = """\
锁定目标 “三线”作战 全面落实“四后”防控预案 全面压实法人单位责任
林武等有关省领导出席
本报讯(记者杨文)2月1日上午
传达贯彻中央应对新型冠状病毒感染肺炎疫情工作领导小组会议精神
分析研判我省形势
研究部署疫情防控工作
楼阳生强调
要坚决贯彻习近平总书记重要指示和重要讲话精神
持续抓好中央及省委省政府作出的各项部署落实
锁定目标
“三线”作战
全面落实“四后”防控预案
全面压实法人单位责任
坚决打赢新型冠状病毒感染的肺炎疫情防控治这场硬仗
省委副书记、省长、省疫情防控工作领导小组组长林武
罗清宇、张吉福、李俊明、李正印、李晓波分别在各市分会场参加会议
根据省委第三次专题会议安排
有关部门抓紧制定假期后疫情防控总体工作预案及相关领域专项预案
会议听取全省疫情防控进展情况汇报
听取假期后、上班后、复工后、开学后疫情防控工作预案和建立病毒实验室相关情况汇报
会议视频连线基层疫情防控重点地区和单位
楼阳生向奋战在疫情防控一线的党员干部、职工群众和医务工作者表示慰问
对各基层单位的工作给予肯定
并分别针对性提出要求
进一步传递了打赢疫情防控阻击战的信心和力量
楼阳生指出
当前疫情防控处于关键期
更是考验期
考验各级各部门和党员、干部的战斗意志、战斗本领、战斗作风
要锁定目标
坚定信心
鼓舞斗志
坚决打赢疫情防控遭遇战、阻击战、攻坚战
努力实现感染病例“零死亡”、医务人员“零感染”目标
要统筹疫情防控和经济发展、社会生活、安全稳定各项工作
充分发挥各级党组织和广大党员、干部的战斗堡垒作用和先锋模范作用
充分发动人民群众
进一步把党的政治优势、组织优势、密切联系群众优势
转化为打赢疫情防控这场战役的治理效能
要坚持“三线”作战
做到精准施策、精准防控、精准医治
一要严把警戒线
严格落实“五严五防”各项措施
迎战“双返”高峰
压实“双防”责任
对疫区返晋人员、疑似病例和密切接触者要落实居家观察、隔离等措施
以村庄、社区为基本作战单元
加强封闭式管理
继续做细做实摸排工作
把有疫区旅居史、接触史的人员全部纳入视线
做到既不让疫情输入
又不向外省输出
实现“双防”工作目标
守好疫情防控“山西阵地”
二要严把生命线
按照“四集中”原则
发挥好定点医院作用
全力救治确诊病例
特别是对于重症患者
要组织专家团队
坚持中西医结合
因人施治、对症下药
与病魔抢时间、与病毒作斗争
集中兵力打好歼灭战
针对潜伏、初发、重症不同阶段
强化医疗科研工作
筹建病毒实验室
漆t院优势
开展病毒病理性、潜伏期治疗等研究
切实提高救治效果和水平
三要严把保障线
合理配置医疗队伍梯队
关心医务人员身心健康
引导群众理解和尊重医务人员
依法从重从快处理“医闹”事件
切实保护医务人员合法权益
强化防大疫、打大仗的医疗设施、物资保障准备
防止用时备而不足导致疫情防控工作被动
与群众生活密切相关的行业要在做好防控前提下正常运营
抓好市场供应
加强卫生防疫
保障群众日常生活和基本民生需求
要全面落实假期后、上班后、复工后、开学后“四后”防控预案
组织好“错峰”“错行”“错时”工作
坚决防止疫情扩散蔓延
企业复工时间原则上不得早于2月9日24时
机关工作人员要按照国家延长春节假期的通知安排正常上班
运用数字政府平台、信息化办公手段
抓紧办理项目前期审批手续
为疫情过后恢复生产建设做好准备
要进一步加强疫情防控知识的宣传、普及、推送
引导群众科学防护
避免出现恐慌、麻痹、失当
未经主管部门同意
各类公共文化活动、旅游景区不得举办和开放
政法、公安、市场监管等部门要加强社会面管控
依法打击闹事滋事、哄抬物价、囤积居奇等违法行为
确保社会大局安全稳定有序
要全面压实法人单位责任
各机关部门、企事业单位、社团、机构要全面掌握单位每一个人员的具体情况
对于有武汉旅居史人员、疑似和密切接触者
严格落实14天隔离观察要求
酌情处理
机关部门主要领导和企事业单位、社团、机构法定代表人要依法依规依章程履行职责
扛起第一责任
其他班子成员要共同负责
在抓好本单位疫情防控这个当前最重要工作的同时
统筹安排好各项工作
充分发动职工群众
全面落实联防联控措施
构筑群防群治严密防线
打好疫情防控的人民战争
会议以视频方式开到市一级
康巴传媒记者 张涛
29日下午
听取州应对新型冠状病毒感染肺炎疫情应急指挥部工作情况汇报
安排部署当前重点工作
州委书记刘成鸣主持会议并讲话
州领导罗振华、格绒、邓立军、何康林、程静、高展出席会议
一起来看详细内容
主要议程
在听取相关工作汇报和参会人员的建议意见后
刘成鸣指出
新型冠状病毒感染的肺炎疫情发生以来
州委、州政府深入学习贯彻习近平总书记重要指示批示精神
认真落实党中央、国务院
省委、省政府部署要求
各级各部门各司其职、履职尽责
从机制建设、人员排查、医疗救治、综合防控、宣传引导等方面做了大量的工作
全州应对新型冠状病毒感染肺炎疫情联防联控工作正有条不紊推进
刘成鸣要求
当前疫情形势严峻复杂
正处于关键时期
全州上下要充分认识目前疫情的严峻性和复杂性
切实增强紧迫感和责任感
扎实做好疫情防控工作
全力阻止疫情扩散蔓延
一要认真贯彻落实中央和省委关于新型冠状病毒感染肺炎疫情防控工作系列重要指示精神
全力投入到重大突发公共卫生事件一级响应的战斗中
应急指挥部全体成员要切实肩负起防控工作的责任
进一步提高防控工作的针对性和有效性
坚决扛起疫情防控政治责任
二要坚决克服麻痹思想和厌战情绪
继续发扬连续作战和不怕疲劳的精神
强化风险意识、坚持底线思维
以对人民极端负责的态度
积极投入到疫情防控中去
确保社会秩序稳定
三要细化“防输入、防扩散、防聚集”措施
加强关口检查
坚持24小时值班值守
做到不漏一人、不漏一车
确保底数清、情况明
要千方百计对疫情高发地区来州、返乡人员做到找得到、管得住、服务好
要紧盯有重疫区居住史、旅游史或是与确诊病例有过接触的人员
做到早发现、早报告、早隔离、早治疗
要全面实施公共场所监测检测
取消所有佛事活动、大型聚餐活动
阏c宴请、坝坝宴等
加大监管力度
四要全力救治已确诊的病人
加强对疑似病人的隔离
按照“集中患者、集中专家、集中资源、集中救治”的原则
确保患者得到及时救治
五要强化对外来留观人员的观测和生活服务
尽量实行集中管理
切实做好他们的生活服务、物资保障和医学观察
六要强化对一线医护人员的关心关怀力度
做好医疗物资的科学统一调配
进一步加强医护人员的自身防护和后勤保障
七要强化对医疗废物收集、处置的监管力度
将医疗废物安全处置与疫情防控紧密结合
做到监管在前、常态检查
集中收集、集中处置
八要强化舆论引导
用藏汉双语及时准确进行信息发布
加强健康卫生知识宣传普及
提高群众自我防护意识
九要强化党的领导
充分发挥基层党组织的战斗堡垒作用和广大党员的先锋模范作用
做到守土有责、守土担责、守土尽责
形成联防联治的强大合力
州政府秘书长
州委、州政府联系副秘书长
州应对新型冠状病毒感染肺炎疫情应急指挥部成员单位负责人参加会议
10月6日
省委常委、市委书记韦韬主持召开市疫情防控工作领导小组第139次会议
传达贯彻省委第109次疫情防控专题会议暨省疫情防控工作领导小组会议精神
安排部署我市疫情应急处置和常态化防控工作
市委副书记、市长张新伟提出具体要求
市疫情防控工作领导小组及各工作专班负责同志参加
会议指出
全国疫情仍呈现点多面广、局部聚集等特点
我省周边省份感染人数持续增加
外防输入形势依然严峻
我市疫情形势虽然逐步向好
但社会面风险仍未消除
各级各部门要深入贯彻习近平总书记关于疫情防控的重要讲话重要指示精神
坚持“总策略、总方针”不动摇
按照省委“早、快、准”要求
一鼓作气、全力以赴
争分夺秒、从严从实
确保尽快实现社会面清零
努力在最小范围、最短时间内扑灭疫情
守牢守好太原阵地
流调排查必须深入细致
坚持“介入更早、排查更全、把控更严”
公安、公卫、工信联动
集中攻坚高风险传播链条
严密细致流调溯源
反复进行清底筛查
精准锁定密接、次密接和涉疫场所暴露人员
及时赋码管理
第一时间管控到位
严防风险扩散
全力做好感染人员医疗救治
切实维护患者生命安全
分区管控必须从严规范
按照“整体封控、分区切割、划小单元、网格管理”的要求
坚持适度从严
严格做好风险区安全管理
配齐配强“四个一”工作专班
切实做到高风险区“足不出户、上门服务”
中风险区“人不出区、错峰取物”
低风险区非必要不离开本区域
在圈住风险的同时
坚决防止交叉感染
核酸筛查必须提质增效
进一步加强宣传和组织发动
运用大数据清底排查
对未按规定核检的人员及时发短信提醒
对行动不便的特殊群体实施上门采样
切实提高核检的覆盖率
确保应检尽检、应检必检
充分用好省级和兄弟市支援力量
加强重点部位和重点人群反复筛查
对采、送、检、报等环节严格把关
加强实验室管理
切实提高检测质量
确保风险人员捞干筛净、清仓见底
输入关口必须严防死守
持续强化属地“第一落点”管控
务必管住管好道路卡口、机场、车站等重点部位
精准落实省外入并货运司机管控措施
坚决切断疫情输入链条
倡导“非必要不离并”
减少跨省出行
严防疫情外溢
坚决筑牢首都“护城河”
人员物资必须充足储备
全市范围内统筹
加大隔离场所储备、腾退和验收力度
同步跟进人员和物资配备
梯次滚动有序启用
在用隔离场所严格落实“三区两通道”、单人单间隔离、通风消毒等要求
加强工作人员闭环管理
决不能出现“破环”
扎实做好粮、油、肉、蛋、奶、果、蔬等重要生活物资储备
严之又严、细之又细做好农产品市场管理
加强全市尤其是高、中、低风险区人员生活物资保障
确保主要生活必需品货源充足、价格平稳
防控责任必须严格落实
全市防控指挥体系、工作专班保持高效运转
各级各部门主要负责同志在岗值守、靠前调度
压紧压实属地、部门、单位、个人“四方”责任
做到守土有责、守土负责、守土尽责
不折不扣推动防控措施落到实处
统筹市县两级督查力量、行业主管部门
持续加大督导检查力度
对防控措施落实不到位
出现漏管失防、造成疫情扩散的严肃追责问责
把关心关爱一线工作人员作为应尽职责
完善轮换机制
加强宣传报道
做好服务保障
营造众志成城、抗击疫情的良好氛围
会议以电视电话会议形式召开
各县(市、区)设分会场
8月5日
我市召开疫情防控专题会议
传达学习习近平总书记关于疫情防控工作重要指示精神
分析研判形势
研究工作举措
从严从紧从快对我市疫情防控工作进行再安排再部署
市委书记杨勤荣主持并讲话
市委副书记、市长王俊飚作工作安排
杨勤荣指出
传达学习习近平总书记关于疫情防控工作重要指示
充分体现了党中央对疫情防控形势的精准把握
具有重大针对性、指导性意义
为我们做好常态化疫情防控工作提供了根本遵循
全市各级各部门要认真学习、深刻领会
闻令而动、坚决贯彻
迅速把思想和行动统一到以习近平同志为核心的党中央的决策部署上来
全面落实省委、省政府部署要求
树牢底线思维
坚持问题导向
对全市疫情防控工作进行再检视再检点
深刻查摆在思想上是否麻痹松懈、措施上是否严格执行、责任上是否落实到位
严之又严、细之又细落实常态化防控措施
以万全准备应对万一可能、以万全之策确保万无一失
切实巩固拓展来之不易的疫情防控成果
以实际行动践行“两个维护”、交出合格答卷
杨勤荣强调
疫情就是命令
防控就是责任
要思想再重视
时刻绷紧疫情防控这根弦
保持高度清醒
坚决克服麻痹思想、厌战情绪、侥幸心理、松劲心态
做到斗志丝毫不松懈、标准丝毫不降低、力度丝毫不减少
慎终如始抓好各项防控工作
要防线再筑牢
强化属地“第一时间”“第一落点”管控责任
加强对中高风险地区及关联人员入长返长、入境解除隔离后返长等重点人员排查管控
周密做好风险地区经停长治航班人员物品管控
持续加大进口冷链物流和非冷链物品检测消杀力度
切实守牢外防输入各个关口
严防死守、不留死角、万无一失
要措施再精准
对防控重点再加固、对防控要求再落实
加大对车站、机场、商场等人员密集场所及封闭性公共场所防疫力度
坚决落实人、物、环境同防要求
严格实行佩戴口罩、扫码登记、测量体温等防控措施
优化医疗机构院感防控
严格聚集性活动防控
推动疫苗接种扩面提效
确保应接尽接
加快构筑免疫屏障
坚持平战结合
完善灵敏反应机制
加强实时分析、集中研判、预测预警
进一步提升快速反应、果断处置的能力
要责任再压实
各级党委政府要守土有责、守土尽责
主要负责同志要靠前指挥、下沉一线
深入各县区实地督导
查设卡站点、查机制运行、查设施设备、查一线防疫能力、查后勤保障措施
确保防控体系高效协同、上下贯通、快速响应
要压紧压实各法人单位主体责任
推动防控力量向基层下沉
坚决守牢疫情防控“最后一公里”
要加大宣传力度
引导群众积极配合支持防控工作
坚持近期非必要不出省、不前往中高风险地区
自觉养成健康生活方式
筑牢全社会共同防控疫情的人民防线
11月14日晚
市委第129次疫情防控专题会暨市疫情防控工作领导小组会议以视频形式召开
贯彻落实省委第118次疫情防控专题会暨省疫情防控工作领导小组会议精神
汇总分析研判全市疫情应急处置和疫情防控重点工作
对下一步工作进行安排部署
市委书记、市疫情防控工作领导小组组长朱晓东作重要讲话
市委副书记、市长、市疫情防控工作领导小组组长李建国主持会议
市委副书记、政法委书记、市疫情防控工作领导小组第一副组长郭奔胜
市政协主席范建民出席会议
省专家组成员
市领导刘卓良、赵新年、张文伟、张敏、罗志宏、史红波、贾玲香、崔峥岭、李硕、王建峰
市政府秘书长张艮生
市新冠肺炎疫情应急防控指挥部各成员单位负责人等在忻州主会场和砂河分会场参加
会议强调
要完整准确全面贯彻落实党中央决策部署
认真学习进一步优化防控工作的二十条措施
认真落实二十条措施和我省的细化举措
要把执行好落实好二十条优化举措作为考验疫情防控能力和基层治理水平的试金石
把尽快遏制住疫情
实现社会面清零作为当前工作的重中之重
不犹豫不侥幸不慌乱不懈怠
切实提高政策措施的执行力和落实力
当前战时状态
各级领导干部要切实担当负责
各级党员领导干部要挺身在前
主要负责同志要靠前指挥
分管负责同志要分兵把守
党员干部要迎难而上
要坚持严管就是厚爱
以对好干部公平、对努力负责的同志公平、对社会公平的态度
在处置突发疫情中关注干部、了解干部
既要发现肯吃苦、有担当、作风硬的好干部
又要抓出不担当、不作为、没能力的负面典型
切实打通狠抓落实的“最后一公里”
坚决防止责任悬空、作风漂浮、工作被动
坚决防止防控措施不精准、不到位
影响正常的生产生活秩序
会议要求
要按照党中央要求和国务院联防联控机制相关精神
对照省级有关调整方案
结合我市实际
市县两级尽快调整完善疫情防控领导小组体制
进一步充实力量、统筹资源
扁平运作、融合办公
要全面梳理专家组提出的意见建议
明确责任
抓好落实
优化核酸筛查采送检报的过程配合衔接
切实将素质达标人员放在重要岗位
盘活现有硬件资源
尽快释放检测能力
要强化社区的管控能力
提高“最后一公里”的执行力
切实做到底清数明
确保全员核酸筛查真正覆盖到位
为快速科学精准处置疫情提供重要依据
要坚持全市“一盘棋”
统筹调度配置医护资源
运用好信息化技术
进一步提高协调配合的顺畅度
要优化学校、企业等重点部位疫情防控措施
坚决整治“一刀切”、层层加码现象
要加强对各级工作人员的培训和指导
加强对群众的宣传引导
筑牢疫情防控人民防线
要切实守好第一关口
坚决果断落实第一时间、第一落点管控措施
统筹做好防输入防外溢工作
各级各部门要不折不扣落实进一步优化防控工作的二十条措施和我省细化举措
切实高效统筹疫情防控和经济社会发展
统筹发展和安全
尽职尽责尽心尽力
争取在大战大考中交出合格答卷
"""
