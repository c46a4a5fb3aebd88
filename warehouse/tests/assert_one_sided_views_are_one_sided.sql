-- A target listed as without result has no result in any document, and a result listed as
-- without target has no target: otherwise it belongs in v_target_vs_actual.
with

latest as (
    select * from v_latest_facts
),

lonely_targets as (
    select lonely.region_key, lonely.indicator, lonely.measure, lonely.period, lonely.year, 'target' as side
    from v_targets_without_result as lonely
    semi join latest
        on latest.kind in ('actual', 'forecast')
        and latest.region_key = lonely.region_key
        and latest.indicator = lonely.indicator
        and latest.measure = lonely.measure
        and latest.period = lonely.period
        and latest.year = lonely.year
),

lonely_results as (
    select lonely.region_key, lonely.indicator, lonely.measure, lonely.period, lonely.year, 'result' as side
    from v_results_without_target as lonely
    semi join latest
        on latest.kind = 'target'
        and latest.region_key = lonely.region_key
        and latest.indicator = lonely.indicator
        and latest.measure = lonely.measure
        and latest.period = lonely.period
        and latest.year = lonely.year
),

final as (
    select * from lonely_targets
    union all
    select * from lonely_results
)

select * from final
