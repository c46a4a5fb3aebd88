-- Report: figures that documents disagree on.
select region, indicator_name_zh, measure, period, year, kind, value, unit, doc, is_latest, quote
from v_conflicts
order by region, indicator_name_zh, year, kind, value
