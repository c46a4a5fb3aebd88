-- Every document of the registered `incoming_documents` (one row per document of the segment)
-- not loaded yet; those already loaded were refreshed by `dml_update_documents`.
insert into dim_document (
    doc_id, doc, path, title, region, region_code, year, report_type, published, encoding,
    source_format, n_chars, raw_text, extractor_version, first_loaded_run, loaded_at
)
with

incoming as (
    select * from incoming_documents
),

final as (
    select
        cast(doc_id as varchar) as doc_id,
        cast(doc as varchar) as doc,
        cast(path as varchar) as path,
        cast(title as varchar) as title,
        cast(region as varchar) as region,
        cast(region_code as varchar) as region_code,
        cast(year as integer) as year,
        cast(report_type as varchar) as report_type,
        cast(published as date) as published,
        cast(encoding as varchar) as encoding,
        cast(source_format as varchar) as source_format,
        cast(n_chars as integer) as n_chars,
        cast(raw_text as varchar) as raw_text,
        cast(extractor_version as varchar) as extractor_version,
        cast($run_id as varchar) as first_loaded_run,
        cast($now as timestamp) as loaded_at
    from incoming
    where cast(doc_id as varchar) not in (select doc_id from dim_document)
)

select * from final
