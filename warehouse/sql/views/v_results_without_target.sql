-- Results (actuals, or a 预计 estimate where no actual is stated) for which no document gives
-- a target. One row per region × indicator × measure × period × year; the latest source wins.
create or replace view v_results_without_target as
with

latest as (
    select * from v_latest_facts
),

targets as (
    select * from latest
    where kind = 'target'
),

results as (
    select * from latest
    where kind in ('actual', 'forecast')
    qualify row_number() over (
        partition by region_key, indicator, measure, period, year
        order by kind = 'actual' desc
    ) = 1
),

final as (
    select
        results.region,
        results.region_code,
        results.indicator,
        results.indicator_name_zh,
        results.measure,
        results.period,
        results.year,
        results.value as actual_value,
        results.value_high as actual_value_high,
        results.unit as actual_unit,
        results.qualifier as actual_qualifier,
        results.kind = 'forecast' as actual_is_forecast,
        results.n_sources,
        results.doc as actual_doc,
        results.quote as actual_quote,
        results.region_key
    from results
    anti join targets
        on targets.region_key = results.region_key
        and targets.indicator = results.indicator
        and targets.measure = results.measure
        and targets.period = results.period
        and targets.year = results.year
)

select * from final
