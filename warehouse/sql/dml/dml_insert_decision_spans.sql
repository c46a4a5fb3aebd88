-- For the decisions just recorded (the registered `incoming_decisions`, in the caller's
-- transaction) whose document is loaded: whether the document's text holds the quote at the
-- decision's span (decision_span, migration 032). A decision on a document not loaded yet is
-- decided when the document loads (dml_insert_document_spans).
insert into decision_span
select
    decisions.decision_id,
    substr(documents.raw_text, decisions.raw_start + 1, decisions.raw_end - decisions.raw_start)
        = decisions.quote as span_found
from review_decision as decisions
inner join dim_document as documents on documents.doc_id = decisions.doc_id
where decisions.decision_id in (select cast(decision_id as varchar) from incoming_decisions)
    and decisions.decision_id not in (select decision_id from decision_span)
