-- For the documents of the registered `incoming_documents` this run loaded first: whether their
-- text holds each earlier decision's quote at its span (decision_span, migration 032), read from
-- the batch's own text rather than from dim_document's (which DuckDB would decompress a row group
-- at a time). A document loaded before keeps the text it was first loaded with, and its decisions
-- were decided then.
insert into decision_span
select
    decisions.decision_id,
    substr(cast(incoming.raw_text as varchar), decisions.raw_start + 1, decisions.raw_end - decisions.raw_start)
        = decisions.quote as span_found
from review_decision as decisions
inner join incoming_documents as incoming on cast(incoming.doc_id as varchar) = decisions.doc_id
inner join dim_document as documents on documents.doc_id = decisions.doc_id
where documents.first_loaded_run = $run_id
    and decisions.decision_id not in (select decision_id from decision_span)
