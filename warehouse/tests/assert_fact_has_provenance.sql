-- Every fact must point at its quote in the document's raw text: a non-empty quote, offsets
-- inside the text, and the text at those offsets equal to the quote (offsets are code points;
-- DuckDB's substr counts code points too, and is 1-based).
with

facts as (
    select * from fct_indicator_value
),

documents as (
    select * from dim_document
),

final as (
    select
        facts.fact_id,
        facts.doc_id,
        facts.quote,
        facts.raw_start,
        facts.raw_end
    from facts
    inner join documents on documents.doc_id = facts.doc_id
    where coalesce(facts.quote, '') = ''
        or facts.raw_start < 0
        or facts.raw_end <= facts.raw_start
        or facts.raw_end > length(documents.raw_text)
        or substr(documents.raw_text, facts.raw_start + 1, facts.raw_end - facts.raw_start) <> facts.quote
        or facts.sentence_raw_start > facts.raw_start
        or facts.sentence_raw_end < facts.raw_end
)

select * from final
