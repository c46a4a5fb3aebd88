-- Results (actuals, or a 预计 estimate where no actual is stated) for which no document gives
-- a target. One row per region × indicator × measure × period × year; the latest source wins.
create or replace view v_results_without_target as
with

results as (
    select * from intermediate.int_latest_results
),

targets as (
    select * from intermediate.int_latest_targets
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
        results.is_estimate as actual_is_forecast,
        results.n_sources,
        results.doc as actual_doc,
        results.quote as actual_quote,
        results.region_key,
        results.period_start,
        results.period_end,
        results.region_level,
        results.province_code,
        results.province_name,
        results.prefecture_code,
        results.prefecture_name
    from results
    anti join targets using (region_key, indicator, measure, period, year)
)

select * from final
