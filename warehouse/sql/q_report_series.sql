-- Report: one indicator's whole-year series for every region that has at least two years of it.
with

series as (
    select * from v_indicator_series
    where indicator = $indicator
        and measure = $measure
        and period = 'FY'
),

final as (
    select region, year, value, unit
    from series
    qualify count(*) over (partition by region_key) >= 2
)

select * from final
order by region, year
