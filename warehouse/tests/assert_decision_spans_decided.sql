-- Every decision whose document is loaded has its span decided (decision_span), and as the
-- document's text says: the loader and the reviewer's writes keep the table whole.
with

decisions as (
    select * from review_decision
),

documents as (
    select * from dim_document
),

spans as (
    select * from decision_span
),

checked as (
    select
        decisions.decision_id,
        spans.decision_id is not null as decided,
        spans.span_found,
        substr(documents.raw_text, decisions.raw_start + 1, decisions.raw_end - decisions.raw_start)
            = decisions.quote as text_holds_quote
    from decisions
    inner join documents on documents.doc_id = decisions.doc_id
    left join spans on spans.decision_id = decisions.decision_id
),

final as (
    select * from checked
    where not decided or span_found is distinct from text_holds_quote
)

select * from final
