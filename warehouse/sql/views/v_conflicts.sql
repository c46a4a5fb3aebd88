-- The same figure (region × indicator × measure × period × year × kind) given different values
-- by different documents (a first estimate revised a year later, a news item that misreads, or
-- an extraction error): one row per figure and document. `is_latest` marks the source the other
-- views use (the latest source wins). Contradictions inside one document never load: validation
-- quarantines them.
--
-- Values are compared in a common unit (斤 in 吨 through unit_conversion, every money figure in
-- 元), and only with values they can be compared with (元 and 美元 have no fixed rate). Values
-- that rounding or cutting to the digits each document states explains are not a conflict:
-- a value written with its last digit in place s (3251 亿美元: 1 亿美元; 4.2 万亿元: 0.1 万亿元)
-- stands for a number from v - s/2 (rounded up to it) to v + s (cut to it; mirrored below
-- zero), and a figure is listed only when no number lies in every document's span:
-- 3251 and 3252 亿美元, or 4.2 万亿元 and 42,370.4 亿元, agree; 3.62 and 3.68 万亿元 do not.
create or replace view v_conflicts as
with

facts as (
    select * from v_facts
),

latest as (
    select * from v_latest_facts
),

conversions as (
    select * from unit_conversion
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
        any_value(coalesce(base_unit, unit)) as base_unit,
        min(quote) as quote
    from facts
    group by region_key, indicator, measure, period, year, kind, doc_id
),

compared as (
    select
        per_document.*,
        coalesce(conversions.common_unit, per_document.base_unit) as unit_compared,
        per_document.value_base * coalesce(conversions.factor, 1) as value_compared,
        -- One unit of the last digit the document wrote (3251.0 -> 1, 7.4 -> 0.1), in the common unit.
        case when per_document.value <> 0 then
            power(10, -length(regexp_extract(cast(per_document.value as varchar), '\.(\d*?)0*$', 1)))
            * (per_document.value_base / per_document.value) * coalesce(conversions.factor, 1)
        else 0 end as step
    from per_document
    left join conversions on conversions.base_unit = per_document.base_unit
),

spans as (
    select
        *,
        value_compared - step / 2 - case when value_compared < 0 then step / 2 else 0 end as low,
        value_compared + step / 2 + case when value_compared >= 0 then step / 2 else 0 end as high
    from compared
),

-- No number in every span of one unit: the documents disagree beyond their precision.
disagreeing as (
    select distinct region_key, indicator, measure, period, year, kind
    from spans
    group by region_key, indicator, measure, period, year, kind, unit_compared
    having max(low) > min(high) + 1e-9 * max(abs(value_compared))
),

final as (
    select
        latest.region,
        latest.region_code,
        spans.indicator,
        latest.indicator_name_zh,
        spans.measure,
        spans.period,
        spans.year,
        spans.kind,
        spans.value,
        spans.unit,
        spans.value_base,
        spans.base_unit,
        latest.n_values,
        latest.n_sources,
        spans.doc = latest.doc as is_latest,
        spans.doc,
        spans.report_year,
        spans.quote,
        spans.region_key,
        spans.value_compared,
        spans.unit_compared
    from spans
    inner join disagreeing using (region_key, indicator, measure, period, year, kind)
    inner join latest using (region_key, indicator, measure, period, year, kind)
)

select * from final
