"""Indicator facts from a cleaned document (rules: ../shared/eval/README.md).

Per sentence: find figures (`numbers.find_numbers`), group figures that follow one
another with only verbs between them into runs, find the subject before each run
(`_subjects.slots_for`), then decide each figure's measure from the words just before
it and its kind, year, period and region from the sentence (`_context`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transforms import _context as ctx
from transforms._measures import is_start_or_count, measure_of, narrowed
from transforms._pairing import list_words, pair_figures
from transforms._rounded import drop_rounded_milestones
from transforms._subjects import Mention, Slot, earlier_subjects, find_mentions, share_head, slots_for
from transforms.lexicon import indicators, stocks, units
from transforms.numbers import Number, find_numbers
from transforms.records import CleanText, DocumentMeta, Fact

# Words that may stand between a subject and its figures, or between two figures of one
# run, without changing what they are about. Order matters only for readability.
_FILLER = r"""
      同比 | 环比 | 可比 | 比上年同期 | 较上年同期 | 比去年同期 | 较去年同期 | 上年同期 | 去年同期
    | 比上年 | 较上年 | 比去年 | 较去年 | 同期 | 按可比口径 | 可比口径 | 同口径 | 自然口径
    | 全年 | 年度 | 上半年 | 前三季度 | 一季度 | 第一季度 | 分别 | 均 | 共 | 合计 | 总计 | 首次 | 其中
    | 实现 | 完成 | 达到 | 达 | 为 | 是 | 至 | 到 | 了 | 在 | 由 | 将 | 预计 | 力争 | 确保 | 争取 | 有望
    | 增长 | 增速 | 增幅 | 增加 | 上升 | 上涨 | 下降 | 减少 | 回落 | 降低 | 下滑 | 提高 | 提升 | 缩小 | 扩大
    | 稳定 | 保持 | 控制 | 突破 | 超过 | 跨过 | 跨越 | 迈上 | 跃上 | 站上 | 迈过 | 超 | 约 | 近 | 接近
    | 不低于 | 不少于 | 不超过
    | 占 [^,;:。()]{0,14}? (?:的)? (?:比重|比例|份额|的) | 占比
    | \( [^()]{0,6} 目标 | 目标 | \) | 以上 | 左右 | 以内 | 以下
    | 大关 | 台阶 | 关口   # the milestone noun after 迈上6万亿元 before the exact 达到62661亿元
    # a bracketed note on scope, without figures: (扣除留抵退税因素), (GDP), (不含园区)
    | \( [^()\d]{1,12} \)
    | [,、\s]
"""
_FILLER_RUN = re.compile(rf"(?:{_FILLER})*", re.VERBOSE)
_FILLER_TAIL = re.compile(rf"(?:{_FILLER})*$", re.VERBOSE)
_BOUNDARY = re.compile(r"[,;:。!?()]")

# Growth against the start of the year (较年初增长) is no year-on-year growth.
_SINCE_YEAR_START = re.compile(r"[较比]年初")
_MULTI_YEAR = re.compile(r"年均|(?<!全年)(?<!当年)累计|五年来|过去五年|五年间|十年来")  # 全年累计 is one year
# After a flow's figure, the stock it adds up to: "新增市场主体2万家、达到3.16万家".
_STOCKS = frozenset(stocks().values())
_STOCK_AFTER_FLOW = re.compile(r"达到|达|增至|总量|总数|累计")
_ZONE = re.compile(r"经开区|开发区|高新区|园区|产业园|综合保税区|综保区|示范区|公园|景区")
_BUILD_VERB = re.compile(r"竣工|开工|建设|建成|打造|推进|加快|实施|新建|创建|提质|谋划|引进|争创|力争|确保|争取|推动")
_ENTITY = re.compile(r"公司|集团|企业|集群|项目|龙头")
_STOCK_SUBJECT = re.compile(r"[、,\s]*(?:总量|总数|总计|累计)")
# A named port or airport opening the sentence (果园港…, 江北机场…) is one facility.
_FACILITY_OPENING = re.compile(r"^[\u4e00-\u9fff]{1,4}(?:港(?!口)|机场)")
_BRACKET_TARGET = re.compile(r"\([^()]{0,6}目标")
_TARGET_AFTER = re.compile(r"\((?:年度|全年)?(?:目标|计划)(?:值|任务)?\)")



@dataclass(frozen=True, slots=True)
class _Run:
    numbers: list[Number]
    subject_start: int
    subject_end: int  # where the verbs before the first figure begin


# Characters of a gap between two figures that may be neither filler nor punctuation
# (a short word like 总量 in "新增经营主体近2万户、总量达到14.6万户" ends the run).
_MAX_LEFTOVER = 1
# An aside between two figures of one run: "5.53万亿元、稳居全国前十强、增长4.8%".
_ASIDE = re.compile(rf"、[^,;:。、\d]{{1,12}}、(?:{_FILLER})*", re.VERBOSE)


def _leftover(gap: str) -> int:
    """How many characters of `gap` are not filler words."""
    return len(gap) - sum(len(m.group()) for m in _FILLER_RUN.finditer(gap))


def _runs(sentence: str, numbers: list[Number], mentions: list[Mention]) -> Iterator[_Run]:
    i = 0
    while i < len(numbers):
        first = numbers[i]
        before = sentence[: first.start]
        tail = _FILLER_TAIL.search(before)
        subject_end = tail.start() if tail else first.start
        bound = max((m.end() for m in _BOUNDARY.finditer(sentence, 0, subject_end)), default=0)
        prev_end = numbers[i - 1].end if i else 0
        run = [first]
        j = i + 1
        while j < len(numbers):
            gap_start, gap_end = run[-1].end, numbers[j].start
            gap = sentence[gap_start:gap_end]
            # A mention starts a new subject; 分别 starts figures for several earlier subjects
            # ("接待游客1071.2万人次,实现旅游收入43.5亿元,分别增长19.5%、48.3%").
            if any(gap_start <= m.start < gap_end for m in mentions) or "分别" in gap:
                break
            if _leftover(gap) > _MAX_LEFTOVER and not _ASIDE.fullmatch(gap):
                break
            run.append(numbers[j])
            j += 1
        yield _Run(run, max(bound, prev_end), subject_end)
        i = j


def extract_facts(doc: str, raw: str, clean: CleanText, meta: DocumentMeta) -> list[Fact]:
    """Every indicator fact of the document, each stated once, in text order."""
    facts: list[Fact] = []
    seen: set[tuple[object, ...]] = set()
    plan_from = ctx.plan_start(clean, meta)
    for sent in clean.sentences:
        text = clean.text[sent.start : sent.end]
        numbers = find_numbers(text)
        if not numbers:
            continue
        mentions = find_mentions(text)
        if not mentions:
            continue
        role = ctx.section_role(clean, sent.section, meta)
        if plan_from is not None and sent.start >= plan_from:
            role = "plan"
        context_before = clean.text[max(0, sent.start - 300) : sent.start]
        line_before = context_before.rsplit("\n", 1)[-1]
        line_start = clean.text.rfind("\n", 0, sent.start) + 1
        span_paragraph = bool(_SPAN_OPENING.match(clean.text, line_start, sent.end))
        history: list[list[Slot]] = []
        clause_end = 0
        for run in _runs(text, numbers, mentions):
            if ";" in text[clause_end : run.subject_start]:
                history = []  # a bare 分别 or an elliptic subject never reaches back over a semicolon
            clause_end = run.numbers[-1].end
            slots = slots_for(text, run.subject_start, run.subject_end, mentions)
            previous = history[-1] if history else []
            if not slots and _STOCK_SUBJECT.fullmatch(text[run.subject_start : run.subject_end]):
                slots = [Slot(stocks()[s.code], s.region_text, run.subject_start)
                         for s in previous if s.code in stocks()]
            elif not slots and "分别" in text[run.subject_end : run.numbers[0].start]:
                slots = earlier_subjects(history, len(run.numbers))
            elif not slots and previous:
                slots = _elliptic(text[run.subject_start : run.subject_end], previous, run.subject_start)
            history.append(slots)
            # A run that goes on to 年均/累计 ("跨越5000亿元大关,年均增长5.7%") is about a span:
            # only its end levels are facts, as in a paragraph that opens on a span.
            span_run = span_paragraph or bool(_MULTI_YEAR.search(text[run.subject_start : run.numbers[-1].end]))
            for fact in _run_facts(doc, raw, clean, meta, sent.start, text, run, slots, mentions, role, line_before):
                if span_run and not _end_of_span_level(fact):
                    continue
                key = (fact.region, fact.year, fact.period, fact.indicator, fact.measure, fact.kind, fact.value)
                if key not in seen:
                    seen.add(key)
                    facts.append(fact)
    return drop_rounded_milestones(facts)


# A paragraph that opens on a multi-year span ("五年来," "“十四五”时期,") states sums and
# cumulative growth; only levels of non-accumulating indicators are facts (of the span's end).
_SPAN_OPENING = re.compile(r"\s*(?:过去五年|五年来|近五年|这五年|“?十[一二三四五]五”?(?:时期|期间|以来))")


def _clause(text: str, subject_start: int, end: int) -> str:
    """The clause a run sits in: from the punctuation before its subject to `end`."""
    start = max((m.end() for m in re.finditer(r"[,;:。]", text[:subject_start])), default=0)
    return text[start:end]


def _elliptic(subject: str, previous: list[Slot], start: int) -> list[Slot]:
    """A short subject that borrows the head of the one before it ("城镇居民…X元,农村Y元")."""
    word = subject.strip(" ,、;")
    if not 2 <= len(word) <= 4 or len(previous) != 1 or not previous[0].form:
        return []
    codes = share_head(word, previous[0].form)
    return [Slot(code, "", start, word) for code in codes] if codes else []


def _end_of_span_level(fact: Fact) -> bool:
    return fact.measure in ("level", "share") and not indicators()[fact.indicator].accumulates


def _run_facts(
    doc: str, raw: str, clean: CleanText, meta: DocumentMeta, offset: int, text: str,
    run: _Run, slots: list[Slot], mentions: list[Mention], role: str, line_before: str,
) -> Iterator[Fact]:
    if not slots:
        return
    # A development zone that opens the sentence is its topic; elsewhere it is a passing mention.
    opening = _ZONE.search(text[:12])
    facility = _FACILITY_OPENING.match(text)
    if opening and not _BUILD_VERB.search(text[: opening.start()]):
        return
    if facility and not _BUILD_VERB.search(facility.group()):
        return
    if _ZONE.search(text[run.subject_start : run.subject_end]):
        return
    if _ENTITY.search(text[run.subject_start : run.subject_end]):
        return
    pairs = pair_figures(text, run.numbers, run.subject_end, slots)
    # A qualifier written once after a list ("分别增长7%、8%左右") holds for every item.
    last = run.numbers[-1]
    is_list = len(run.numbers) > 1 and all(
        re.fullmatch(r"[、,和及与\s]*", text[a.end : b.start])
        for a, b in zip(run.numbers, run.numbers[1:], strict=False)
    )
    list_q = last.qualifier if is_list and re.search(r"(?:以上|左右|以内|以下)$", text[last.start : last.end]) else None
    if is_list and list_q is None and not text[run.numbers[0].start].isdigit():
        list_q = run.numbers[0].qualifier  # 分别超过8万元、4.5万元: a word before the list holds for all
    forecast = ctx.has_cue("forecast", text) and "预期目标" not in text
    for slot, number in pairs:
        # 年均/累计 before a figure makes it and every later figure of the run a multi-year figure,
        # except a stock's level ("累计达到8.6万户" after a flow is the running total).
        multi_year = _MULTI_YEAR.search(text[run.subject_start : number.end]) and slot.code not in _STOCKS
        if narrowed(slot.region_text, slot.form) or multi_year:
            continue
        idx = run.numbers.index(number)
        zone_start = run.subject_end if idx == 0 else run.numbers[idx - 1].end
        zone = text[zone_start : number.start]
        if idx and slot.code in stocks() and _STOCK_AFTER_FLOW.search(zone):
            slot = Slot(stocks()[slot.code], slot.region_text, slot.start)
        prev_zone = text[run.subject_end : run.numbers[0].start]
        # A later figure of a run separated only by 、 shares the run's verb (分别增长4.8%、13.1%).
        figure = text[number.start : number.end]
        zone += figure[: len(re.split(r"\d", figure, maxsplit=1)[0])]  # a qualifier word (突破) is part of it
        own_words = zone
        if idx and not re.sub(r"[,、和及与\s]", "", zone):
            own_words = list_words(text, run.numbers, run.subject_end, idx)
        measure, value = measure_of(slot.code or "", number, prev_zone, own_words)
        if measure is None and _BRACKET_TARGET.search(zone) and idx:
            measure, value = measure_of(slot.code or "", number, prev_zone, prev_zone)
        # "达到7.5亿元以上、人均达到3200元": a later figure of the run narrowed to a per-capita one.
        if measure is None or is_start_or_count(text, number, zone) or (idx and "人均" in zone):
            continue
        value_high = number.value_high
        if value < 0 and value_high is not None:  # 下降1%—2%: the range is -2 .. -1
            value, value_high = -value_high, -number.value
        before = text[: number.start]
        # A goal quoted beside a result: "(年度目标6%以上)", "增长6%以上(年度目标)", or
        # "年度目标增长10%" inside the figure's own clause.
        bracket_target = bool(
            _BRACKET_TARGET.search(zone)
            or _TARGET_AFTER.match(text, number.end)
            or ctx.has_cue("target_clause", zone if idx else text[run.subject_start : number.start])
        )
        yc = ctx.year_cue(before, meta.year)
        since_year_start = measure == "growth" and _SINCE_YEAR_START.search(text[run.subject_start : number.start])
        if yc.span or (yc.comparison_base and measure == "growth") or since_year_start:
            continue
        if bracket_target:
            kind = "target"
        elif forecast:
            kind = "forecast"
        elif yc.target_year or ctx.has_cue("target", before) or (
            meta.report_type == "work_report" and role == "plan" and not ctx.is_past(yc, meta)
        ):
            kind = "target"
        else:
            kind = "actual"
        # A bracketed 年度目标 is the target of the year the figure beside it reports.
        year = yc.year if yc.year is not None else ctx.default_year(meta, "actual" if bracket_target else kind)
        if year is None:
            continue
        period = ctx.figure_period(meta, before, line_before, kind, bracket_target)
        region, region_code = _region(slot, text, run, meta)
        if not region:
            continue  # a figure of no known region cannot be placed (schemas.facts requires one)
        qualifier = number.qualifier if number.qualifier != "eq" or not list_q else list_q
        unit = units()[number.unit]
        a, b = _quote_span(slot, number, mentions, offset)
        raw_start, raw_end = clean.to_raw(a, b)
        s_start, s_end = clean.to_raw(offset, offset + len(text))
        yield Fact(
            doc=doc, region=region, year=year, period=period, indicator=slot.code or "",
            measure=measure, kind=kind, value=value, unit=number.unit, qualifier=qualifier,  # type: ignore[arg-type]
            quote=raw[raw_start:raw_end], raw_start=raw_start, raw_end=raw_end,
            sentence=text, sentence_raw_start=s_start, sentence_raw_end=s_end,
            value_high=value_high,
            value_base=value * unit.factor, base_unit=unit.base_unit,
            # 确保/力争 govern their own clause: "增长7%,确保总量不低于…;固定资产投资增长7%" is not hard.
            wording=ctx.wording(_clause(text, run.subject_start, number.start), qualifier)  # type: ignore[arg-type]
            if kind == "target" else "none",
            region_code=region_code,
        )


def _region(slot: Slot, text: str, run: _Run, meta: DocumentMeta) -> tuple[str | None, str | None]:
    found = ctx.region_in(slot.region_text, meta) if slot.region_text else None
    if found is None and slot.region_text == "":
        found = ctx.region_in(text[run.subject_start : slot.start], meta)
    if found is not None:
        return found
    return meta.region, meta.region_code


def _quote_span(slot: Slot, number: Number, mentions: list[Mention], offset: int) -> tuple[int, int]:
    start = slot.start
    for m in mentions:
        if m.start >= slot.start and m.end <= number.start and slot.code in m.codes:
            start = m.start
            break
    return offset + min(start, number.start), offset + number.end
