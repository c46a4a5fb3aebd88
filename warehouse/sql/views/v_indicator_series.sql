-- A region's indicator over the years: stated results only (no targets, no 预计 estimates),
-- one row per region × indicator × measure × period × year, the latest source winning, with
-- how many documents state it and how many different values they give. `previous_value` is
-- the series' value for the year before, when known in the same unit, and `change` the
-- difference (percentage points for a growth rate).
create or replace view v_indicator_series as
with

latest as (
    select * from v_latest_facts
),

results as (
    select * from latest
    where kind = 'actual'
),

-- Each result as the previous value of the year after it, when stated in the same unit.
previous as (
    select region_key, indicator, measure, period, year + 1 as year, unit, value as previous_value
    from results
),

with_previous as (
    select
        results.*,
        previous.previous_value
    from results
    left join previous using (region_key, indicator, measure, period, year, unit)
),

final as (
    select
        region,
        region_code,
        indicator,
        indicator_name_zh,
        measure,
        period,
        year,
        value,
        value_high,
        unit,
        value_base,
        base_unit,
        qualifier,
        previous_value,
        value - previous_value as change,
        n_sources,
        n_values,
        doc,
        report_year,
        quote,
        region_key,
        period_start,
        period_end,
        region_level,
        province_code,
        province_name,
        prefecture_code,
        prefecture_name
    from with_previous
)

select * from final
