-- A rejection that carries a corrected indicator, as a careless writer would store it.
insert into review_decision (decision_id, figure_id, doc_id, raw_start, raw_end, quote, figure_indicator, action,
                             changed, indicator, reviewer, decided_at, via)
select 'bad', fact_id, doc_id, raw_start, raw_end, quote, indicator, 'reject', 'indicator', 'gdp', 'tester', now(),
       'browser'
from fct_indicator_value
limit 1;
