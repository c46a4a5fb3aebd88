-- Documents with their current names and fact counts, without the raw text, for a quick
-- "what is loaded" look from `gwr query`.
create or replace view v_documents as
with

documents as (
    select * from dim_document
),

paths as (
    select * from document_path
),

-- Facts as reviewed: a rejected figure is not counted, an added one is.
facts as (
    select * from intermediate.int_reviewed_facts
    where review is distinct from 'reject'
),

names as (
    select
        doc_id,
        list(path order by path) filter (where is_current) as current_paths,
        count(*) filter (where is_current) as n_current_paths,
        max(last_seen_at) as last_seen_at
    from paths
    group by doc_id
),

fact_counts as (
    select
        doc_id,
        count(*) as n_facts
    from facts
    group by doc_id
),

final as (
    select
        documents.doc_id,
        documents.doc,
        documents.title,
        documents.region,
        documents.region_code,
        documents.year,
        documents.report_type,
        documents.published,
        documents.encoding,
        documents.source_format,
        documents.n_chars,
        documents.extractor_version,
        coalesce(names.n_current_paths, 0) > 0 as is_current,
        names.current_paths,
        coalesce(fact_counts.n_facts, 0) as n_facts,
        documents.first_loaded_run,
        documents.loaded_at,
        names.last_seen_at
    from documents
    left join names on names.doc_id = documents.doc_id
    left join fact_counts on fact_counts.doc_id = documents.doc_id
)

select * from final
