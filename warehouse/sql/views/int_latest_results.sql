-- Internal: the result of every region × indicator × measure × period × year that has one: the
-- stated actual, else the 预计 estimate standing in for it (`is_estimate`), each from its latest
-- source (v_latest_facts). What v_target_vs_actual, the one-sided views and v_cube call a
-- result. In schema `intermediate`, which int_latest_targets (installed first) creates.
create or replace view intermediate.int_latest_results as
with

latest as (
    select * from main.v_latest_facts
),

final as (
    select
        *,
        kind = 'forecast' as is_estimate
    from latest
    where kind in ('actual', 'forecast')
    qualify row_number() over (
        partition by region_key, indicator, measure, period, year
        order by kind = 'actual' desc
    ) = 1
)

select * from final
