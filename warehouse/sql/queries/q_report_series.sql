-- Report: one indicator's whole-year series for every region that has at least two years of it.
with

series as (
    select * from v_indicator_series
    where indicator = $indicator
        and measure = $measure
        and period = 'FY'
),

final as (
    -- In base units, so 万人 and 人 (or 亿元 and 万亿元) figures of one series line up.
    select region, year, value_base as value, base_unit as unit
    from series
    qualify count(*) over (partition by region_key) >= 2
)

select * from final
order by region, year
