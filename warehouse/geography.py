"""Derived attributes of a region for `dim_region`: its name in pinyin.

A place is written in pinyin without its administrative suffix, syllables joined and
capitalised, as maps and statistics write it in Latin script: 万州区 Wanzhou, 重庆市 Chongqing,
内蒙古自治区 Neimenggu. The suffixes are the extractor's (`transforms.knowledge.regions`), read
from there rather than listed again. pypinyin reads polyphonic characters by the phrase, so the
whole name is read and the suffix's syllables dropped after: 朝阳区 reads Chaoyang where 朝阳
alone reads Zhaoyang. Its readings are not a gazetteer's: a few place names come out wrong
(长治 Zhangzhi, 单县 Danxian).
"""

from __future__ import annotations

from pypinyin import lazy_pinyin


def name_pinyin(name: str) -> str:
    """The region's name in pinyin, without its administrative suffix.

    >>> name_pinyin("万州区"), name_pinyin("重庆市"), name_pinyin("内蒙古自治区"), name_pinyin("朝阳区")
    ('Wanzhou', 'Chongqing', 'Neimenggu', 'Chaoyang')
    """
    from transforms.knowledge.regions import short_form  # the extractor's suffixes, loaded when syncing only

    short = short_form(name)
    syllables = lazy_pinyin(name)
    if len(syllables) != len(name):  # not one syllable a character (Latin letters, digits): read the short form
        syllables = lazy_pinyin(short)
    return "".join(syllables[: len(short)]).capitalize()
