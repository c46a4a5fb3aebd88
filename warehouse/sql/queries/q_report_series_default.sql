-- Report: the series chart's indicator when none is asked for: GDP growth, the headline figure,
-- when some region has two or more years of it; else the indicator and measure whose
-- whole-year series spans two or more years in the most regions.
with

series as (
    select region_key, indicator, measure
    from v_indicator_series
    where period = 'FY'
    group by region_key, indicator, measure
    having count(*) >= 2
),

final as (
    select indicator, measure, count(*) as n_regions
    from series
    group by indicator, measure
)

select indicator, measure
from final
order by (indicator = 'gdp' and measure = 'growth') desc, n_regions desc, indicator, measure
limit 1
