-- int_latest_targets, which the target views read, holds one target per region × indicator ×
-- measure × period × year: a second row, or a result among them, would pair a goal twice.
select region_key, indicator, measure, period, year, list(kind order by kind) as kinds
from intermediate.int_latest_targets
group by region_key, indicator, measure, period, year
having count(*) > 1 or bool_or(kind <> 'target')
