-- A decision written by a program that does not decide its span (decision_span), as gwr's writers do.
insert into review_decision (decision_id, figure_id, doc_id, raw_start, raw_end, quote, figure_indicator, action,
                             changed, reviewer, decided_at, via)
select 'undecided', fact_id, doc_id, raw_start, raw_end, quote, indicator, 'accept', '', 'tester', now(), 'browser'
from fct_indicator_value
limit 1;
