"""Stage 4, facts: a clean, described document in, its indicator `Fact`s out — each figure with
its region, year, period, indicator, measure, kind, value, unit, qualifier and source offsets."""

from transforms.facts.document import extract_facts

__all__ = ["extract_facts"]
