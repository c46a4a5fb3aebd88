-- A series has one stated result per region × indicator × measure × period × year, and it is
-- a result: the latest source's actual for that key.
with

series as (
    select * from v_indicator_series
),

actuals as (
    select * from v_latest_facts
    where kind = 'actual'
),

duplicated as (
    select region_key, indicator, measure, period, year
    from series
    group by region_key, indicator, measure, period, year
    having count(*) > 1
),

not_a_result as (
    select series.region_key, series.indicator, series.measure, series.period, series.year
    from series
    anti join actuals
        on actuals.region_key = series.region_key
        and actuals.indicator = series.indicator
        and actuals.measure = series.measure
        and actuals.period = series.period
        and actuals.year = series.year
        and actuals.value = series.value
),

final as (
    select * from duplicated
    union all
    select * from not_a_result
)

select * from final
