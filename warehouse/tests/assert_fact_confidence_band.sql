-- A fact's confidence is one of the extractor's bands (transforms.records.Confidence), or empty
-- for a fact loaded before gwr stored it: the review queue sorts by it.
select fact_id, confidence
from fct_indicator_value
where confidence is not null and confidence not in ('high', 'medium', 'low')
