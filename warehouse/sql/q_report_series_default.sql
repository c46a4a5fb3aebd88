-- Report: the indicator and measure with the most regions having a whole-year series (GDP growth
-- on most corpora), for the series chart when none is asked for.
select indicator, measure
from v_indicator_series
where period = 'FY'
group by indicator, measure
order by count(distinct region_key) desc, count(*) desc, indicator, measure
limit 1
