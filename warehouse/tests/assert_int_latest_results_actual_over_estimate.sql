-- int_latest_results, which every result view reads, holds one result for every region ×
-- indicator × measure × period × year that v_latest_facts has a result for, and no other: the
-- stated actual where there is one, else the 预计 estimate, marked is_estimate.
with

results as (
    select * from intermediate.int_latest_results
),

latest as (
    select * from v_latest_facts
),

expected as (
    select
        region_key, indicator, measure, period, year,
        case when bool_or(kind = 'actual') then 'actual' else 'forecast' end as kind
    from latest
    where kind in ('actual', 'forecast')
    group by region_key, indicator, measure, period, year
),

chosen as (
    select
        region_key, indicator, measure, period, year,
        count(*) as n,
        min(kind) as kind,
        bool_and(is_estimate = (kind = 'forecast')) as is_marked
    from results
    group by region_key, indicator, measure, period, year
),

final as (
    select region_key, indicator, measure, period, year, expected.kind as expected, chosen.kind, chosen.n
    from expected
    full join chosen using (region_key, indicator, measure, period, year)
    where chosen.n is distinct from 1
        or chosen.kind is distinct from expected.kind
        or not chosen.is_marked
)

select * from final
