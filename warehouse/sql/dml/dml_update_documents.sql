-- The documents of the registered `incoming_documents` already loaded (same bytes => same doc_id):
-- a re-extraction refreshes what the extractor decides (metadata, version) but keeps the first
-- name, path, text and run the document was loaded under. `dml_insert_documents` then adds the
-- others; the two are what one insert ... on conflict do update did, without DuckDB checking
-- every incoming row against the key index for a conflict that a new document cannot have
-- (three quarters of the statement's time on a cold load).
update dim_document set
    title = cast(incoming.title as varchar),
    region = cast(incoming.region as varchar),
    region_code = cast(incoming.region_code as varchar),
    year = cast(incoming.year as integer),
    report_type = cast(incoming.report_type as varchar),
    published = cast(incoming.published as date),
    encoding = cast(incoming.encoding as varchar),
    source_format = cast(incoming.source_format as varchar),
    n_chars = cast(incoming.n_chars as integer),
    extractor_version = cast(incoming.extractor_version as varchar),
    loaded_at = cast($now as timestamp)
from incoming_documents as incoming
where dim_document.doc_id = cast(incoming.doc_id as varchar)
