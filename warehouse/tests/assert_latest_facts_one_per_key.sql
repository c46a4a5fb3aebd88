-- v_latest_facts, which every economist's view reads, keeps one source per figure.
select region_key, indicator, measure, period, year, kind, count(*) as n
from v_latest_facts
group by region_key, indicator, measure, period, year, kind
having count(*) > 1
