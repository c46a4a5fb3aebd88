"""Helpers for extraction tables: wrap one real sentence in a minimal report and extract it."""

from __future__ import annotations

import datetime as dt

from transforms import process_text
from transforms.knowledge.lexicon import indicators
from transforms.records import Fact

# The day the tests read their texts on: the pure stages are given the date, they never read the clock.
TODAY = dt.date(2026, 12, 7)
HEAD = "2024年重庆市万州区政府工作报告\n——2024年1月10日在重庆市万州区第六届人民代表大会第五次会议上\n"


def work_report(review: str = "", plan: str = "") -> str:
    """A 2024 district work report whose review (2023) and plan (2024) sections hold the given text."""
    return f"{HEAD}一、2023年工作回顾\n{review}\n二、2024年工作安排\n{plan}\n"


def news(body: str, date: str = "2023-12-25") -> str:
    return f"重庆经济观察\n来源:重庆日报{date}\n{body}\n"


def page(body: str, title: str, date: str = "Fri, 12 Aug 2022 03:50:27 GMT") -> str:
    """A news page as the RSS mirrors keep it: front matter with title and date, then the body."""
    return f"---\ntitle: '{title}'\nauthor: 新浪财经\ndate: {date}\n---\n\n<div>\n<p>{body}</p>\n</div>\n"


def dateline(body: str, stamp: str = "2023-07-21 17:05") -> str:
    """A news article as the news corpus keeps it: one line after a "date time,正文:" prefix."""
    return f"{stamp}，正文：{body}"


def extract(raw: str, doc: str = "t.txt") -> list[Fact]:
    return process_text(doc, raw, TODAY)[2]


def summary(facts: list[Fact]) -> set[tuple[object, ...]]:
    """Scored fields of each fact of a scored indicator: (region, year, period, indicator, measure, kind,
    value, unit, qualifier). Facts of near-miss indicators are left out, as the scorer does."""
    return {
        (f.region, f.year, f.period, f.indicator, f.measure, f.kind, f.value, f.unit, f.qualifier)
        for f in facts
        if indicators()[f.indicator].scored
    }
