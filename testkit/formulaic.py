"""The labelled formulaic set: regional reports of one template each, with their
true clusters (tests/fixtures/dedupe/formulaic.jsonl is this module's output).

Regional news is formulaic: a county's meetings, inspections, signings,
briefings, notices, accidents, weather and video items share a template and
differ in the person, the place, the date and the figures. Every report drawn
here is a different article (its own cluster), however alike: the names,
places and days come from small pools, so many reports share their person,
their place or their day with another and differ in the rest. A third of them
are republished (same cluster): in Traditional script with pinyin glosses,
with other punctuation widths and spaces, with an editor or source line, under
a headline label such as 【要闻】, with the last paragraph trimmed, with one
figure corrected or the date dropped.

``python -m testkit.formulaic`` (from the repository root) writes the fixture; the test
checks the committed file is exactly what this writes.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from testkit.synth import Writer

FIXTURE = (Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "dedupe"
           / "formulaic.jsonl")
SEED = 27
PER_TEMPLATE = 30

_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈彭吕"
_GIVEN = "伟芳敏静丽强磊军洋勇杰涛明超平刚华兰萍鹏建红宇峰文辉斌波俊东雪林国海云飞亮"
# The sites' own regions: Shanxi's cities and counties, Ganzi's counties.
_CITIES = ("太原", "大同", "长治", "晋城", "运城", "临汾", "忻州", "吕梁", "康定")
_COUNTIES = ("清徐", "阳曲", "灵丘", "浑源", "平遥", "介休", "洪洞", "襄汾", "泸定", "丹巴",
             "原平", "孝义", "汾阳", "闻喜", "稷山", "高平", "泽州", "理塘")
# Places no lexicon knows: streets, towns, firms.
_STREETS = ("迎泽大街", "并州路", "府西街", "滨河东路", "建设北路", "南内环街", "新建路", "长风街")
_TOWNS = ("东关镇", "西张镇", "北城街道", "南关村", "河底镇", "城关镇", "杜家村", "龙泉乡")
_FIRMS = ("华润集团", "中国建材", "比亚迪", "宁德时代", "中煤集团", "晋能控股", "潞安化工",
          "国家电投")
_TOPICS = ("安全生产", "项目建设", "乡村振兴", "生态保护", "招商引资", "民生保障", "防汛救灾",
           "营商环境", "教育医疗", "文旅融合")
_ORGS = ("市人大常委会", "市政府", "市委", "县政府", "县委")
_ROLES = ("市委书记", "市长", "副市长", "县委书记", "县长", "副县长")
_SKY = ("晴", "多云", "阴", "小雨", "阵雨", "小雪")
_WIND = ("东北", "西北", "东南", "西南", "偏北", "偏南")
_LABELS = ("【要闻】", "【视频】", "【本地】", "[头条]", "【关注】")

TEMPLATES = ("meeting", "inspection", "signing", "briefing", "notice", "closure", "accident",
             "weather", "video")
SHORT_TEMPLATES = ("notice", "closure", "weather", "video")
LONG_VARIANTS = ("traditional", "width", "credit", "label", "trimmed", "corrected", "undated",
                 "traditional+credit")
SHORT_VARIANTS = ("traditional", "width", "credit", "label", "traditional+credit")


# Places and surnames no lexicon here knows (Shaanxi's cities and counties, rare
# surnames): ``Reports(unknown=True)`` writes reports whose people and places
# dedupe cannot read, to measure what the other specifics and the length do.
_UNKNOWN_CITIES = ("榆林", "延安", "铜川", "宝鸡", "渭南", "汉中", "安康", "商洛", "咸阳")
_UNKNOWN_COUNTIES = ("府谷", "神木", "靖边", "定边", "横山", "米脂", "佳县", "吴堡", "清涧",
                     "子洲", "绥德", "富县", "洛川", "黄陵", "宜君", "凤翔", "岐山", "扶风")
_UNKNOWN_SURNAMES = "仝亢禚隗佘乜郏逄缑钭"


class Reports:
    """Draws reports from small pools, deterministically from a seed."""

    def __init__(self, seed: int, unknown: bool = False) -> None:
        self.rng = random.Random(seed)
        self.writer = Writer(seed)
        self.surnames = _UNKNOWN_SURNAMES if unknown else _SURNAMES
        self.cities = _UNKNOWN_CITIES if unknown else _CITIES
        self.counties = _UNKNOWN_COUNTIES if unknown else _COUNTIES
        # Few people per place: reports often share their host with another.
        self.people = {p: [self._name() for _ in range(3)] for p in self.cities + self.counties}

    def _name(self) -> str:
        r = self.rng
        return r.choice(self.surnames) + "".join(r.choices(_GIVEN, k=r.choice((1, 2))))

    def _day(self) -> tuple[int, int]:
        return self.rng.randint(1, 12), self.rng.randint(1, 28)

    def meeting(self) -> str:
        r = self.rng
        city = r.choice(self.cities)
        who, role = r.choice(self.people[city]), r.choice(_ROLES[:2])
        m, d = self._day()
        topic = r.choice(_TOPICS)
        n = r.randint(5, 40)
        return "\n".join([
            f"{who}主持召开{city}市政府常务会议",
            f"{m}月{d}日,{city}{role}{who}主持召开市政府常务会议,专题研究{topic}工作,"
            f"听取{n}个部门工作汇报。",
            f"会议指出,今年以来全市完成{topic}投资{r.randint(12, 480)}亿元,同比增长"
            f"{r.randint(2, 19)}.{r.randint(0, 9)}%,新开工项目{r.randint(8, 160)}个。",
            "会议传达学习了省委、省政府有关会议精神,审议了关于进一步优化营商环境的若干措施等"
            "文件。会议要求,各县(市、区)和市直各部门要提高政治站位,强化责任担当,以更加务实"
            "的作风抓好各项工作落实,为全市高质量发展作出新的更大贡献。",
            f"会议强调,要锚定全年目标任务,压实各级责任,{r.choice(('抓进度', '抓质量', '抓安全'))}"
            f"、强调度,确保各项工作落地见效。",
        ])

    def inspection(self) -> str:
        r = self.rng
        county = r.choice(self.counties)
        who = r.choice(self.people[county])
        m, d = self._day()
        town = r.choice(_TOWNS)
        return "\n".join([
            f"{who}到{county}{town}调研{r.choice(_TOPICS)}工作",
            f"{m}月{d}日,县委书记{who}深入{county}{town}调研,实地察看"
            f"{r.randint(2, 9)}个项目现场,详细了解项目进度和存在的困难。",
            f"在{town},{who}察看了占地{r.randint(20, 900)}亩的产业园区,园区已入驻企业"
            f"{r.randint(3, 60)}家,年产值{r.randint(1, 90)}亿元。",
            "调研中,县委书记一行还走访了部分企业和农户,听取基层干部群众的意见建议。要求各级"
            "各部门要深入贯彻落实省委、市委决策部署,强化要素保障,优化服务举措,切实解决企业"
            "发展中的堵点难点问题,推动各项工作取得实效。",
            f"{who}强调,要坚持问题导向,建立台账,逐项销号,确保{r.randint(6, 12)}月底前"
            "全部整改到位。",
        ])

    def signing(self) -> str:
        r = self.rng
        city = r.choice(self.cities)
        firm = r.choice(_FIRMS)
        who = r.choice(self.people[city])
        m, d = self._day()
        amount = r.randint(3, 300)
        return "\n".join([
            f"{city}与{firm}签约{amount}亿元项目",
            f"{m}月{d}日,{city}市人民政府与{firm}在{city}举行战略合作签约仪式,"
            f"{city}市长{who}出席并见证签约。",
            f"根据协议,双方将投资{amount}亿元建设{r.choice(_TOPICS)}项目,建成后预计年产值"
            f"{r.randint(5, 200)}亿元,带动就业{r.randint(3, 90)}00人。",
            "企业负责人表示,将充分发挥自身在技术、资金和市场方面的优势,加快项目落地建设,"
            "为地方经济社会发展作出积极贡献。市直有关部门负责人参加签约仪式。",
            f"{who}表示,{city}将全力做好要素保障和服务,推动项目早开工、早投产、早见效。",
        ])

    def briefing(self) -> str:
        r = self.rng
        city = r.choice(self.cities)
        m = r.randint(1, 12)
        return "\n".join([
            f"{city}发布{m}月份经济运行情况",
            f"{m + 0 if m < 12 else 12}月{r.randint(10, 28)}日,{city}市统计局发布数据:"
            f"{m}月份全市规模以上工业增加值同比增长{r.randint(1, 15)}.{r.randint(0, 9)}%,"
            f"社会消费品零售总额{r.randint(30, 300)}.{r.randint(0, 9)}亿元。",
            f"固定资产投资同比增长{r.randint(1, 20)}.{r.randint(0, 9)}%,其中工业投资增长"
            f"{r.randint(1, 30)}.{r.randint(0, 9)}%。",
            "市统计局有关负责人表示,总体来看,全市经济运行延续恢复向好态势,主要指标保持在"
            "合理区间,但外部环境复杂严峻,经济持续回升的基础仍需巩固。下一步,要加大宏观政策"
            "实施力度,着力扩大有效需求,推动经济实现质的有效提升和量的合理增长。",
            f"居民人均可支配收入{r.randint(12000, 42000)}元,同比增长{r.randint(3, 9)}."
            f"{r.randint(0, 9)}%。",
        ])

    def notice(self) -> str:
        r = self.rng
        city, street = r.choice(self.cities), r.choice(_STREETS)
        m, d = self._day()
        h = r.randint(7, 15)
        what = r.choice(("停水", "停电", "停气"))
        return "\n".join([
            f"{city}{street}{what}通知",
            f"因管网检修,{m}月{d}日{h}时至{h + r.randint(2, 8)}时{street}沿线{what},"
            "请提前做好准备。",
        ])

    def closure(self) -> str:
        """A two-line notice with no figure at all: only the streets differ."""
        r = self.rng
        a, b, c = r.sample(_STREETS, 3)
        return "\n".join([
            f"关于{a}封闭施工的通告",
            f"因{r.choice(('管网改造', '道路施工', '雨污分流'))}需要,{a}({b}至{c}段)自即日起"
            "封闭施工,请过往车辆绕行。",
        ])

    def accident(self) -> str:
        r = self.rng
        county = r.choice(self.counties)
        town = r.choice(_TOWNS)
        m, d = self._day()
        what = r.choice(("一起较大道路交通事故", "一起民房火灾", "一起煤气泄漏事故"))
        return "\n".join([
            f"{county}{town}发生{what}",
            f"{m}月{d}日{r.randint(1, 23)}时{r.randint(10, 59)}分许,{county}{town}发生{what},"
            f"造成{r.randint(1, 6)}人死亡、{r.randint(1, 12)}人受伤。",
            f"事故发生后,{county}县长{r.choice(self.people[county])}带队赶赴现场,"
            "组织开展救援和善后处置工作。",
            "事故发生后,县委、县政府高度重视,立即启动应急预案,成立事故处置工作组,全力做好"
            "伤员救治、家属安抚和善后处置等工作。同时,在全县范围内开展安全隐患大排查大整治,"
            "坚决防范和遏制各类事故发生。",
            "目前,事故原因正在调查中。",
        ])

    def weather(self) -> str:
        r = self.rng
        city = r.choice(self.cities)
        m, d = self._day()
        lo = r.randint(-15, 15)
        return "\n".join([
            f"{city}天气预报",
            f"{m}月{d}日,{city}{r.choice(_SKY)},气温{lo}至{lo + r.randint(4, 14)}℃,"
            f"{r.choice(_WIND)}风{r.randint(2, 5)}级。",
        ])

    def video(self) -> str:
        r = self.rng
        city = r.choice(self.cities)
        return f"{r.choice(self.people[city])}主持召开{r.choice(_ORGS)}常务会议"

    # --- republications --------------------------------------------------------
    def republish(self, text: str, kind: str) -> str | None:
        r = self.rng
        lines = text.split("\n")
        if kind == "traditional":
            return self.writer.mirror(text)
        if kind == "width":
            # ASCII punctuation to fullwidth (or back), spaces around figures.
            swapped = text.translate(str.maketrans(",:;()%", "，：；（）％"))
            if swapped == text:
                swapped = text.translate(str.maketrans("，：；（）％", ",:;()%"))
            return re.sub(r"(\d+)", r" \1 ", swapped).replace("\n", "\n\n")
        if kind == "credit":
            line = r.choice((f"责任编辑：{self._name()}", f"来源：{r.choice(_CITIES)}日报",
                             f"（编辑：{self._name()} 审核：{self._name()}）",
                             f"记者 {self._name()} 通讯员 {self._name()}"))
            return "\n".join([*lines, line]) if r.random() < 0.6 else "\n".join(
                [lines[0], line, *lines[1:]])
        if kind == "label":
            return r.choice(_LABELS) + text
        if kind == "traditional+credit":
            credited = self.republish(text, "credit")
            return self.writer.mirror(credited) if credited else None
        if kind == "trimmed":
            return "\n".join(lines[:-1]) if len(lines) >= 4 else None
        if kind == "corrected":
            # One figure in the body corrected (the headline left alone).
            body = "\n".join(lines[1:])
            figures = [m for m in re.finditer(r"\d+", body) if "月" not in body[m.end():m.end() + 1]
                       and "日" not in body[m.end():m.end() + 1]]
            if not figures:
                return None
            m = r.choice(figures)
            fixed = str(int(m.group()) + r.choice((-1, 1)) * r.randint(1, 3))
            return "\n".join([lines[0], body[:m.start()] + fixed + body[m.end():]])
        if kind == "undated":
            dropped = re.sub(r"\d+月\d+日(\d+时\d+分许)?,", "", text, count=1)
            return dropped if dropped != text else None
        raise ValueError(kind)


def formulaic_records(seed: int = SEED, per_template: int = PER_TEMPLATE) -> list[dict[str, Any]]:
    """The labelled set in the order it is deduplicated: records with ``id``,
    ``url``, ``site``, ``title``, ``text`` and the labels ``cluster``,
    ``template`` and ``variant`` ("original" or the republication's kind)."""
    gen = Reports(seed)
    r = gen.rng
    makers: dict[str, Callable[[], str]] = {t: getattr(gen, t) for t in TEMPLATES}
    originals: list[tuple[str, str]] = []
    for template in TEMPLATES:
        seen: set[str] = set()
        while len(seen) < per_template:
            text = makers[template]()
            if text not in seen:
                seen.add(text)
                originals.append((template, text))
    records: list[dict[str, Any]] = []
    for n, (template, text) in enumerate(originals):
        cluster = f"c{n:03d}"
        records.append({"cluster": cluster, "template": template, "variant": "original",
                        "text": text})
        if n % 3 == 0:  # a third are republished, once or twice
            kinds = SHORT_VARIANTS if template in SHORT_TEMPLATES else LONG_VARIANTS
            for kind in r.sample(kinds, r.choice((1, 1, 2))):
                copy = gen.republish(text, kind)
                if copy is not None and copy != text:
                    records.append({"cluster": cluster, "template": template, "variant": kind,
                                    "text": copy})
    r.shuffle(records)
    for i, rec in enumerate(records):
        rec["id"] = f"{r.getrandbits(64):016x}"
        rec["url"] = f"http://www.sxrb.com/sxxww/dfpd/{100000 + i}.shtml"
        rec["site"] = "sxnews"
        rec["title"] = rec["text"].split("\n", 1)[0]
    return [{k: rec[k] for k in ("id", "url", "site", "title", "text", "cluster", "template",
                                 "variant")} for rec in records]


def dumps(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records)



def score(records: list[dict[str, Any]], verdicts: list[Any]) -> dict[str, Any]:
    """Precision and recall of dedupe verdicts (in record order) against the
    clusters: a record called a duplicate of one of its own cluster is right,
    of another cluster wrong (a distinct article lost); a record kept although
    an earlier one of its cluster was kept is a miss."""
    cluster = {rec["id"]: rec["cluster"] for rec in records}
    seen: set[str] = set()
    tp = fp = fn = 0
    wrong: list[tuple[str, str, str]] = []  # (record id, first id, reason)
    missed: list[tuple[str, str]] = []
    for rec, v in zip(records, verdicts, strict=True):
        if v.duplicate:
            if cluster.get(v.first_id or "") == rec["cluster"]:
                tp += 1
            else:
                fp += 1
                wrong.append((rec["id"], v.first_id or "", v.reason()))
        elif rec["cluster"] in seen:
            fn += 1
            missed.append((rec["id"], f"{rec['template']}/{rec['variant']}: {v.reason()}"))
        seen.add(rec["cluster"])
    return {"records": len(records), "duplicates": tp + fn, "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0, "wrong": wrong, "missed": missed}


def fixture_records() -> list[dict[str, Any]]:
    """The committed labelled set (``FIXTURE``), in its order."""
    return [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]


def dedupe_and_score(records: list[dict[str, Any]], config: Any = None,
                     store: Any = None) -> dict[str, Any]:
    """``score`` of the real dedupe path on ``records``: one ``Deduper`` (the
    default settings and an in-memory store unless given), the records in order."""
    from crawler.dedupe import DedupeConfig, Deduper, Doc, SQLiteStore

    deduper = Deduper(config or DedupeConfig(), store or SQLiteStore())
    verdicts = deduper.check_many([Doc(r["id"], r["url"], r["text"]) for r in records])
    deduper.close()
    return score(records, verdicts)


if __name__ == "__main__":
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(dumps(formulaic_records()), encoding="utf-8")
    print(f"wrote {FIXTURE}")
