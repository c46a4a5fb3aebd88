-- Targets no document reports a result for (neither an actual nor a 预计 estimate): the
-- year is still running, or the result was never published in the loaded documents.
-- One row per region × indicator × measure × period × year; the latest target wins.
create or replace view v_targets_without_result as
with

targets as (
    select * from intermediate.int_latest_targets
),

results as (
    select * from intermediate.int_latest_results
),

final as (
    select
        targets.region,
        targets.region_code,
        targets.indicator,
        targets.indicator_name_zh,
        targets.measure,
        targets.period,
        targets.year,
        targets.value as target_value,
        targets.value_high as target_value_high,
        targets.unit as target_unit,
        targets.qualifier as target_qualifier,
        targets.wording as target_wording,
        targets.n_sources,
        targets.doc as target_doc,
        targets.quote as target_quote,
        targets.region_key,
        targets.period_start,
        targets.period_end,
        targets.region_level,
        targets.province_code,
        targets.province_name,
        targets.prefecture_code,
        targets.prefecture_name
    from targets
    anti join results using (region_key, indicator, measure, period, year)
)

select * from final
