-- Report: one indicator's whole-year series for every region that has at least two years of it,
-- in one unit: the unit most of its figures are written in (万人 and 人 both as 万人), through
-- base units. A figure whose unit cannot be converted into it is left out.
with

series as (
    select * from v_indicator_series
    where indicator = $indicator
        and measure = $measure
        and period = 'FY'
),

chosen as (
    select
        unit,
        base_unit,
        max(value_base / value) as factor
    from series
    where value <> 0 and value_base is not null
    group by unit, base_unit
    order by count(*) desc, unit
    limit 1
),

in_one_unit as (
    select
        series.region,
        series.region_key,
        series.year,
        series.indicator_name_zh,
        coalesce(chosen.unit, series.unit) as unit,
        case
            when chosen.unit is null or series.unit = chosen.unit then series.value
            when series.base_unit = chosen.base_unit then series.value_base / chosen.factor
        end as value
    from series
    left join chosen on true
),

final as (
    select *
    from in_one_unit
    where value is not null
    qualify count(*) over (partition by region_key) >= 2
)

select region, year, round(value, 6) as value, unit, indicator_name_zh from final
order by region, year
