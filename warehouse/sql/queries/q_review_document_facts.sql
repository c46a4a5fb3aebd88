-- The facts of one document as reviewed, rejected ones included, in text order: what gwr
-- review's document page highlights and lists.
with

facts as (
    select * from intermediate.int_reviewed_facts
    where doc_id = $doc_id
),

indicators as (
    select * from dim_indicator
),

final as (
    select
        facts.fact_id,
        facts.figure_id,
        facts.doc_id,
        facts.region,
        facts.region_key,
        facts.year,
        facts.period,
        facts.indicator,
        indicators.name_zh as indicator_name_zh,
        facts.measure,
        facts.kind,
        facts.value,
        facts.value_high,
        facts.unit,
        facts.qualifier,
        facts.quote,
        facts.raw_start,
        facts.raw_end,
        facts.sentence_raw_start,
        facts.sentence_raw_end,
        facts.confidence,
        facts.reviewed,
        facts.review,
        facts.review_note,
        facts.is_added,
        facts.extracted_value,
        facts.review_changed
    from facts
    left join indicators on indicators.code = facts.indicator
)

select * from final
order by raw_start, raw_end, indicator
