-- How much of a fact its own words state (transforms.records.Fact.confidence: high, medium or
-- low, from the extractor's evidence), so the review queue shows the least confident first.
-- Facts loaded before it have none until their document is re-extracted.
alter table fct_indicator_value add column if not exists confidence varchar;
