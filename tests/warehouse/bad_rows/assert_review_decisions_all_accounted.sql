-- A decision view that forgot rejections: a decision is made, and the view drops it.
insert into review_decision (decision_id, figure_id, doc_id, raw_start, raw_end, quote, figure_indicator, action,
                             changed, reviewer, decided_at, via)
select 'dropped', fact_id, doc_id, raw_start, raw_end, quote, indicator, 'reject', '', 'tester', now(), 'browser'
from fct_indicator_value
limit 1;
create temp table v_review_decisions as
select * from main.v_review_decisions
where action <> 'reject';
