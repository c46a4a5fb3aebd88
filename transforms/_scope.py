"""Figures that are outside the scope of the region's indicators.

A development zone, a park, a single company or project, or a named port opening the
sentence is the subject of its figures; those figures are not the region's (README:
"a figure about a single company, a single industry cluster, or a development zone").
Figures over several years ("年均", "累计", "五年来") are no one year's fact.
"""

from __future__ import annotations

import re

from transforms._runs import Run
from transforms.lexicon import cue_alternation, cue_regex

_ZONE = cue_regex("zone")
_BUILD_VERB = cue_regex("build_verb")
_ENTITY = cue_regex("entity")
# A named port or airport opening the sentence (果园港…, 江北机场…) is one facility.
_FACILITY_OPENING = re.compile(r"^[\u4e00-\u9fff]{1,4}(?:港(?!口)|机场)")
# How far into a sentence a zone still opens it as its topic.
_OPENING_CHARS = 12

# 年均, 五年来…, and 累计 other than 全年累计/当年累计 (one year's total).
MULTI_YEAR = re.compile(rf"{cue_alternation('multi_year')}|(?<!全年)(?<!当年)累计")


def run_out_of_scope(sentence: str, run: Run) -> bool:
    """Whether a run's figures are about a zone, a facility or a single entity, not the region."""
    # A development zone that opens the sentence is its topic; elsewhere it is a passing mention.
    opening = _ZONE.search(sentence[:_OPENING_CHARS])
    if opening and not _BUILD_VERB.search(sentence[: opening.start()]):
        return True
    facility = _FACILITY_OPENING.match(sentence)
    if facility and not _BUILD_VERB.search(facility.group()):
        return True
    subject = sentence[run.subject_start : run.subject_end]
    return bool(_ZONE.search(subject) or _ENTITY.search(subject))
