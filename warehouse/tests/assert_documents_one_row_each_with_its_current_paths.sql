-- v_documents, the "what is loaded" answer, lists every document once, with exactly the paths
-- document_path says hold it now (none: empty), and is_current when there is one.
with

listed as (
    select * from v_documents
),

documents as (
    select * from dim_document
),

current_paths as (
    select doc_id, list(path order by path) as paths
    from document_path
    where is_current
    group by doc_id
),

listed_twice as (
    select doc_id, 'listed twice' as problem
    from listed
    group by doc_id
    having count(*) > 1
),

not_as_loaded as (
    select coalesce(documents.doc_id, listed.doc_id) as doc_id, 'not as loaded' as problem
    from documents
    full join listed on listed.doc_id = documents.doc_id
    left join current_paths on current_paths.doc_id = coalesce(documents.doc_id, listed.doc_id)
    where documents.doc_id is null
        or listed.doc_id is null
        or listed.current_paths is distinct from current_paths.paths
        or listed.is_current <> (current_paths.paths is not null)
),

final as (
    select * from listed_twice
    union all
    select * from not_as_loaded
)

select * from final
