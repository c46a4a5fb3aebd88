-- The flat fact table analysts and the export read: one row per fact of a current document,
-- with the acceptance-set fields first. Duplicate content under two names is reported once,
-- under the name it was first loaded as while that name is current, else its first current
-- name in path order, so figures are never double counted. Facts are read as reviewed
-- (intermediate.int_reviewed_facts): a rejected figure is left out, a corrected one carries its
-- corrected fields (`reviewed`, the extractor's value beside it), an added one is in. Each fact
-- carries the dates its period spans (`period_start`, `period_end`: a time axis for BI tools)
-- and its region's level, province and prefecture (roll-ups), from dim_period and dim_region.
create or replace view v_facts as
with

facts as (
    select * from intermediate.int_reviewed_facts
    where review is distinct from 'reject'
),

documents as (
    select * from dim_document
),

paths as (
    select * from document_path
),

indicators as (
    select * from dim_indicator
),

periods as (
    select * from dim_period
),

regions as (
    select * from dim_region
),

current_path as (
    select
        paths.doc_id,
        paths.doc,
        paths.path
    from paths
    inner join documents on documents.doc_id = paths.doc_id
    where paths.is_current
    qualify row_number() over (
        partition by paths.doc_id
        order by (paths.path = documents.path) desc, paths.path
    ) = 1
),

final as (
    select
        current_path.doc,
        facts.region,
        facts.year,
        facts.period,
        facts.indicator,
        facts.measure,
        facts.kind,
        facts.value,
        facts.unit,
        facts.qualifier,
        facts.quote,
        facts.sentence,
        facts.value_high,
        facts.value_base,
        facts.base_unit,
        facts.wording,
        facts.region_code,
        indicators.name_zh as indicator_name_zh,
        documents.report_type,
        facts.doc_id,
        current_path.path,
        facts.raw_start,
        facts.raw_end,
        facts.extractor_version,
        facts.fact_id,
        facts.region_key,
        documents.year as report_year,
        facts.confidence,
        facts.reviewed,
        facts.review,
        facts.extracted_value,
        facts.review_changed,
        facts.review_note,
        facts.figure_id,
        make_date(facts.year, periods.start_month, 1) as period_start,
        last_day(make_date(facts.year, periods.end_month, 1)) as period_end,
        regions.level as region_level,
        regions.province_code,
        regions.province_name,
        regions.prefecture_code,
        regions.prefecture_name
    from facts
    inner join current_path on current_path.doc_id = facts.doc_id
    inner join documents on documents.doc_id = facts.doc_id
    left join indicators on indicators.code = facts.indicator
    left join periods on periods.period = facts.period
    left join regions on regions.region_key = facts.region_key
)

select * from final
