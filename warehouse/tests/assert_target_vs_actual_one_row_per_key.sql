-- v_target_vs_actual pairs one target with one result per region × indicator × measure ×
-- period × year; a second row for a key would count a goal twice.
select region_key, indicator, measure, period, year, count(*) as n
from v_target_vs_actual
group by region_key, indicator, measure, period, year
having count(*) > 1
