-- Whether a reviewer's decision finds its quote at its span in its document's text, one row per
-- decision whose document is loaded. A document's text never changes for its sha256 (doc_id), so
-- this is decided once: when the decision is recorded on a loaded document
-- (dml_insert_decision_spans), or when its document is first loaded (dml_insert_document_spans).
-- The views read it instead of every document's text: DuckDB decompresses a whole row group of
-- text to read one document's, even to join it with no decision at all (40-80 ms a query of
-- v_facts at 1,000 documents, 0.7 s at 20,000 with 300 decisions). Decisions recorded before this
-- table are decided here, once.
create table if not exists decision_span (
    decision_id  varchar primary key,
    span_found   boolean not null
);

insert into decision_span
select
    decisions.decision_id,
    substr(documents.raw_text, decisions.raw_start + 1, decisions.raw_end - decisions.raw_start)
        = decisions.quote as span_found
from review_decision as decisions
inner join dim_document as documents on documents.doc_id = decisions.doc_id
where decisions.decision_id not in (select decision_id from decision_span);
