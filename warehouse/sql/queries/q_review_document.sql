-- One current document for gwr review's document page: its metadata and raw text (every offset
-- refers to it), under the name v_facts gives it. No row for a document that is not loaded or no
-- longer current.
with

documents as (
    select * from dim_document
    where doc_id = $doc_id
),

current_paths as (
    select doc_id, min(doc) as doc from document_path
    where is_current and doc_id = $doc_id
    group by doc_id
),

named as (
    select doc_id, any_value(doc) as doc from v_facts
    where doc_id = $doc_id
    group by doc_id
),

final as (
    select
        documents.doc_id,
        coalesce(named.doc, current_paths.doc) as doc,
        documents.title,
        documents.region,
        documents.region_code,
        documents.year,
        documents.report_type,
        documents.raw_text
    from documents
    inner join current_paths on current_paths.doc_id = documents.doc_id
    left join named on named.doc_id = documents.doc_id
)

select * from final
