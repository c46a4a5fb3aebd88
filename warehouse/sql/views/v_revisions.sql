-- A figure's first estimate beside its final figure: the result of a year as first stated
-- (a 预计 estimate in the next January's work report, or a figure stated before the statistics
-- were final) and as a later document states it (the statistical bulletin, a five-year review:
-- 河北 GDP 2020, 3.62 万亿元 in the 2021 report, 3.68 in the 2026 one). One row per region ×
-- indicator × measure × period × year stated by two or more documents, the first against the
-- final: the first is the earliest report from the figure's year on (a 预计 estimate before a
-- stated result of the same report year), the final the latest source of the result
-- (v_latest_facts). The final is later: from a later report year, or the same year's stated
-- result replacing its 预计 estimate.
--
-- revision: final minus first, in the first's unit (percentage points for rates), converted
--   through base units and unit_conversion; null when no rate converts one into the other.
-- relative_revision: the revision as a share of the first figure (0.0166: 1.66 % up).
create or replace view v_revisions as
with

statements as (
    select * from v_facts
    where kind in ('actual', 'forecast')
),

finals as (
    select
        latest.*,
        statements.doc_id
    from v_latest_facts as latest
    inner join statements on statements.fact_id = latest.fact_id
    where latest.kind = 'actual'
),

conversions as (
    select * from unit_conversion
),

-- A figure stated before its year began is a projection, not a first estimate of a result.
firsts as (
    select * from statements
    where report_year >= year
    qualify row_number() over (
        partition by region_key, indicator, measure, period, year
        order by report_year nulls last, kind = 'actual', doc, raw_start
    ) = 1
),

paired as (
    select
        finals.region,
        finals.region_code,
        finals.indicator,
        finals.indicator_name_zh,
        finals.measure,
        finals.period,
        finals.year,
        firsts.kind = 'forecast' as first_is_forecast,
        firsts.value as first_value,
        firsts.unit as first_unit,
        firsts.doc as first_doc,
        firsts.report_year as first_report_year,
        firsts.quote as first_quote,
        finals.value as final_value,
        finals.unit as final_unit,
        finals.doc as final_doc,
        finals.report_year as final_report_year,
        finals.quote as final_quote,
        case
            when finals.unit = firsts.unit then finals.value
            when coalesce(final_rate.common_unit, finals.base_unit) = coalesce(first_rate.common_unit, firsts.base_unit)
                and firsts.value <> 0
                then finals.value_base * coalesce(final_rate.factor, 1) / coalesce(first_rate.factor, 1)
                    / (firsts.value_base / firsts.value)
        end as final_in_first_unit,
        finals.region_key,
        finals.period_start,
        finals.period_end
    from finals
    inner join firsts using (region_key, indicator, measure, period, year)
    left join conversions as first_rate on first_rate.base_unit = firsts.base_unit
    left join conversions as final_rate on final_rate.base_unit = finals.base_unit
    where firsts.doc_id <> finals.doc_id
        and (finals.report_year > firsts.report_year
             or (finals.report_year = firsts.report_year and firsts.kind = 'forecast'))
),

final as (
    select
        * exclude (final_in_first_unit, region_key, period_start, period_end),
        round(final_in_first_unit, 6) as final_in_first_unit,
        round(final_in_first_unit - first_value, 6) as revision,
        round((final_in_first_unit - first_value) / nullif(first_value, 0), 6) as relative_revision,
        region_key,
        period_start,
        period_end
    from paired
)

select * from final
