-- One figure per region × indicator × measure × period × year × kind, however many documents
-- state it: the latest source wins (the report of the latest year; then a work report over a
-- progress report over news; then the document name, last first). `n_sources` counts the
-- documents that state the figure and `n_values` the different values they give (compared in
-- base units); v_conflicts lists the figures where that is more than one. Regions are keyed by
-- adcode (else name), so 万州区 and 重庆市万州区 are one region; `region` is its dimension name.
create or replace view v_latest_facts as
with

facts as (
    select * from v_facts
),

regions as (
    select * from dim_region
),

ranked as (
    select
        facts.*,
        row_number() over (
            partition by facts.region_key, facts.indicator, facts.measure, facts.period, facts.year, facts.kind
            order by
                facts.report_year desc nulls last,
                case facts.report_type
                    when 'work_report' then 1 when 'progress_report' then 2 when 'news' then 3 else 4
                end,
                facts.doc desc,
                facts.raw_start
        ) as source_rank,
        count(distinct facts.doc_id) over (
            partition by facts.region_key, facts.indicator, facts.measure, facts.period, facts.year, facts.kind
        ) as n_sources,
        count(distinct coalesce(facts.value_base, facts.value)) over (
            partition by facts.region_key, facts.indicator, facts.measure, facts.period, facts.year, facts.kind
        ) as n_values
    from facts
),

final as (
    select
        ranked.region_key,
        coalesce(regions.name, ranked.region) as region,
        regions.adcode as region_code,
        regions.level as region_level,
        ranked.indicator,
        ranked.indicator_name_zh,
        ranked.measure,
        ranked.period,
        ranked.year,
        ranked.kind,
        ranked.value,
        ranked.value_high,
        ranked.unit,
        ranked.value_base,
        ranked.base_unit,
        ranked.qualifier,
        ranked.wording,
        ranked.n_sources,
        ranked.n_values,
        ranked.doc,
        ranked.report_year,
        ranked.report_type,
        ranked.quote,
        ranked.fact_id,
        ranked.period_start,
        ranked.period_end,
        ranked.province_code,
        ranked.province_name,
        ranked.prefecture_code,
        ranked.prefecture_name
    from ranked
    left join regions on regions.region_key = ranked.region_key
    where ranked.source_rank = 1
)

select * from final
