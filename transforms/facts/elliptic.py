"""Words that say nothing of what a figure is: what may stand beside a region in a subject
that names no indicator of its own, for the run to be about the indicator named last
("江西省也达到597.5亿元", "深圳以14324.47亿元位居第一", "福州的增速达到5.4%", "把这一目标确定在"),
or after the region that opens a list item ("许昌等市也将2023年GDP增速目标定为7%")."""

from __future__ import annotations

import re

from transforms.knowledge.lexicon import cue_alternation
from transforms.knowledge.patterns import strip_neutral

# Pronouns and particles, ranks, growth and goal nouns, the verbs that set a goal (cues.csv:
# elliptic_subject, growth_noun), and punctuation, quotes included.
_ELLIPTIC_SUBJECT = re.compile(
    rf"""
    (?: {cue_alternation("elliptic_subject", "growth_noun")}
      | 排名第.位? | 位列第. | 排在第. | 居第. | 位居第.的? | 并列第.
      | 分列(?:第)?[一二三四五六七八九十\d、]{{1,8}}(?:位|名)?     # 池州、芜湖分列二三位
      | 分[^,;:。]{{1,4}}看                                    # 分季度看, 分产业看: a breakdown follows
      | [两三四五六七八九十\d]+个?(?:{cue_alternation("region_class")}|行政区)   # 香洲、金湾和斗门三个行政区
      | [,、\s()“”"])*
    """,
    re.VERBOSE,
)


def is_bare(words: str) -> bool:
    """Whether `words`, the regions taken out, name nothing but times, pronouns, ranks, growth or
    goal nouns.

    >>> is_bare("的增速"), is_bare("等市也将2023年"), is_bare("工业")
    (True, True, False)
    """
    return bool(_ELLIPTIC_SUBJECT.fullmatch(strip_neutral(words)))
