-- Every reviewer's decision, the whole history, with what became of it now: `applied` (its
-- figure is extracted and the decision is on it), `added` (its figure is no longer extracted, or
-- never was: it stands as an added fact), `moot` (a rejected figure the extractor no longer
-- yields: nothing left to reject), `superseded` (a later decision on the same figure is in
-- force) or `orphaned` (its span cannot be found: the document is not loaded or not current
-- under any path, or its text at the span is no longer the quote). Nothing is dropped silently:
-- an orphaned decision applies again once its document is back.
create or replace view v_review_decisions as
with

decisions as (
    select * from review_decision
),

latest as (
    select * from intermediate.int_latest_decisions
),

reviewed as (
    select * from intermediate.int_reviewed_facts
    where decision_id is not null
),

documents as (
    select * from dim_document
),

spans as (
    select * from decision_span
),

current_documents as (
    select distinct doc_id from document_path
    where is_current
),

judged as (
    select
        decisions.*,
        latest.decision_id is not null as is_latest,
        reviewed.fact_id,
        reviewed.is_added,
        documents.doc_id is not null as document_loaded,
        current_documents.doc_id is not null as document_current,
        spans.span_found,
        documents.doc
    from decisions
    left join latest on latest.decision_id = decisions.decision_id
    left join reviewed on reviewed.decision_id = decisions.decision_id
    left join documents on documents.doc_id = decisions.doc_id
    left join spans on spans.decision_id = decisions.decision_id
    left join current_documents on current_documents.doc_id = decisions.doc_id
),

final as (
    select
        decision_id,
        case
            when not is_latest then 'superseded'
            when not document_loaded or not document_current or not coalesce(span_found, false) then 'orphaned'
            when fact_id is not null and not is_added then 'applied'
            when fact_id is not null then 'added'
            when action = 'reject' then 'moot'
            else 'orphaned'
        end as status,
        case
            when not is_latest then null
            when not document_loaded then 'document not loaded'
            when not document_current then 'document no longer current under any path'
            when not coalesce(span_found, false) then 'the text at the span is no longer the quote'
        end as orphan_reason,
        action,
        changed,
        doc,
        doc_id,
        raw_start,
        raw_end,
        quote,
        region,
        year,
        period,
        indicator,
        measure,
        kind,
        value,
        value_high,
        unit,
        qualifier,
        note,
        reviewer,
        decided_at,
        via,
        is_latest,
        fact_id,
        figure_id,
        figure_indicator
    from judged
)

select * from final
