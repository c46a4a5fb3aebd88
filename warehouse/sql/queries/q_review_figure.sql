-- The facts named in $fact_ids as reviewed (any fact_id of int_reviewed_facts, an added one
-- included), each with its figure, its span and sentence and, for an extracted fact, its fields
-- as extracted: what a new decision on it starts from (review.decisions).
with

facts as (
    select * from intermediate.int_reviewed_facts
    where list_contains($fact_ids, fact_id)
),

extracted as (
    select * from fct_indicator_value
    where list_contains($fact_ids, fact_id)
),

final as (
    select
        facts.fact_id,
        facts.figure_id,
        facts.figure_indicator,
        facts.doc_id,
        facts.quote,
        facts.raw_start,
        facts.raw_end,
        facts.sentence,
        facts.sentence_raw_start,
        facts.sentence_raw_end,
        facts.region,
        facts.region_key,
        facts.region_code,
        facts.year,
        facts.period,
        facts.indicator,
        facts.measure,
        facts.kind,
        facts.value,
        facts.value_high,
        facts.unit,
        facts.qualifier,
        facts.review,
        facts.is_added,
        extracted.region as extracted_region,
        extracted.year as extracted_year,
        extracted.period as extracted_period,
        extracted.indicator as extracted_indicator,
        extracted.measure as extracted_measure,
        extracted.kind as extracted_kind,
        extracted.value as extracted_value,
        extracted.value_high as extracted_value_high,
        extracted.unit as extracted_unit,
        extracted.qualifier as extracted_qualifier
    from facts
    left join extracted on extracted.fact_id = facts.fact_id
)

select * from final
