-- The same figure (region × indicator × measure × period × year × kind) given different values
-- by different documents (a first estimate revised a year later, a news item that rounds, or
-- an extraction error): one row per figure and document, the value compared in base units.
-- `is_latest` marks the source the other views use (the latest source wins). Contradictions
-- inside one document never load: validation quarantines them.
create or replace view v_conflicts as
with

facts as (
    select * from v_facts
),

latest as (
    select * from v_latest_facts
),

per_document as (
    select
        region_key,
        indicator,
        measure,
        period,
        year,
        kind,
        doc_id,
        any_value(doc) as doc,
        any_value(report_year) as report_year,
        min(value) as value,
        any_value(unit) as unit,
        min(coalesce(value_base, value)) as value_base,
        any_value(base_unit) as base_unit,
        min(quote) as quote
    from facts
    group by region_key, indicator, measure, period, year, kind, doc_id
),

final as (
    select
        latest.region,
        latest.region_code,
        per_document.indicator,
        latest.indicator_name_zh,
        per_document.measure,
        per_document.period,
        per_document.year,
        per_document.kind,
        per_document.value,
        per_document.unit,
        per_document.value_base,
        per_document.base_unit,
        latest.n_values,
        latest.n_sources,
        per_document.doc = latest.doc as is_latest,
        per_document.doc,
        per_document.report_year,
        per_document.quote,
        per_document.region_key
    from per_document
    inner join latest using (region_key, indicator, measure, period, year, kind)
    where latest.n_values > 1
)

select * from final
