-- The same figure at the same place of the same document, loaded twice. fact_id is the
-- primary key, so this guards the hash itself: two ids for one key means the id changed.
select doc_id, indicator, measure, kind, year, period, region, raw_start, raw_end, count(*) as n
from fct_indicator_value
group by all
having count(*) > 1
