"""Regular-expression fragments that several stages share, written once.

Each is a group-free fragment safe to embed in a larger pattern, verbose or not.
"""

from __future__ import annotations

# How a text refers to its own region or to the nation: 全市, 全省, 全疆, 我区, 本县, 全国, 我国.
SELF_REFERENCE = r"(?:全(?:疆|盟|岛|[国省市区县州旗])|我[国省市区县]|本[省市区县])"

# The level a self-reference names, by its last character.
SELF_LEVEL = {"国": "country", "省": "province", "疆": "province", "岛": "province",
              "市": "city", "州": "city", "盟": "city",
              "区": "county", "县": "county", "旗": "county"}

# A year written in digits: 2024年 (never 2024年代).
YEAR = r"(?:19|20)\d{2}\s*年(?!代)"
