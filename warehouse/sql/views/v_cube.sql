-- The portal-style cube: one value per indicator × measure × region × year × period (an
-- indicator's level and its growth are two series, as on a statistics portal), with the
-- dimensions' attributes beside it for pivoting. The value is the stated result, or the
-- 预计 estimate where no result is stated (`is_estimate`); targets are not in the cube
-- (see v_target_vs_actual). The latest source wins.
create or replace view v_cube as
with

results as (
    select * from intermediate.int_latest_results
),

indicators as (
    select * from dim_indicator
),

periods as (
    select * from dim_period
),

final as (
    select
        results.indicator,
        coalesce(indicators.name_zh, results.indicator_name_zh) as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        indicators.category,
        results.measure,
        results.region_key,
        results.region,
        results.region_code,
        results.region_level,
        results.year,
        results.period,
        periods.label_zh as period_label_zh,
        periods.start_month,
        periods.end_month,
        results.value,
        results.unit,
        results.value_base,
        results.base_unit,
        results.qualifier,
        results.is_estimate,
        results.n_sources,
        results.doc,
        results.quote,
        results.period_start,
        results.period_end,
        results.province_code,
        results.province_name,
        results.prefecture_code,
        results.prefecture_name
    from results
    left join indicators on indicators.code = results.indicator
    left join periods on periods.period = results.period
)

select * from final
