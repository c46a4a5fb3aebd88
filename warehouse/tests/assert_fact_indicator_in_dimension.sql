-- Facts of an indicator code the lexicon does not know (a typo in the extractor, or a lexicon
-- that was never synced).
select facts.fact_id, facts.indicator
from fct_indicator_value as facts
left join dim_indicator as indicators on indicators.code = facts.indicator
where indicators.code is null
