"""What a reader of a news text remembers from the sentences before a figure.

News, bulletins and progress reports speak of many regions: a sentence that names no region
or indicator of its own is read with those the paragraph named before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Place = tuple[str | None, str | None]  # (name, adcode)
NATION: Place = ("全国", None)


@dataclass(slots=True)
class Reading:
    """What a reader of a news text remembers from the sentences before: the last region
    named at each level and the region the paragraph is about, the last indicator the
    paragraph named (at its start, the one the headline names), the period of the lead, and
    the region the paragraph before was about, which a paragraph that opens by breaking the
    one before down goes on with ("南京地区生产总值6612.35亿元…" then "分产业看,第一产业增加值…")."""

    headline_indicator: tuple[str, ...] = ()
    lead_period: str = "FY"
    by_level: dict[str, Place] = field(default_factory=dict)
    topic: Place | None = None
    indicator: tuple[str, ...] = ()
    paragraph: int = -1
    topic_before: Place | None = None
    # The indicator the lead names, for the paragraphs after it when the headline names none.
    lead_indicator: tuple[str, ...] = ()
    lead_end: int = 0

    def new_paragraph(self, start: int, continues: bool, under_heading: bool = False) -> None:
        """A paragraph under a heading line that names its region ("北京 11404.3亿元 8%", then
        "前三季度,全市实现…") keeps the heading's regions: its 全市 is the heading's city."""
        self.topic_before = (self.topic or self.topic_before) if continues or under_heading else None
        after_lead = self.lead_indicator if start >= self.lead_end else ()
        self.paragraph, self.topic = start, None
        self.by_level = self.by_level if under_heading else {}
        self.indicator = self.headline_indicator or after_lead

    def snapshot(self) -> Reading:
        return Reading(self.headline_indicator, self.lead_period, dict(self.by_level), self.topic,
                       self.indicator, self.paragraph, self.topic_before, self.lead_indicator, self.lead_end)
