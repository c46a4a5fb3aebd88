-- gwr review's home page: every current document, under the name v_facts gives it, with its
-- facts as reviewed (rejected ones apart) and how many a reviewer has decided on.
with

documents as (
    select * from v_documents
    where is_current
),

named as (
    select doc_id, any_value(doc) as doc from v_facts
    group by doc_id
),

facts as (
    select * from intermediate.int_reviewed_facts
),

counts as (
    select
        doc_id,
        count(*) filter (where review is distinct from 'reject') as n_facts,
        count(*) filter (where reviewed) as n_reviewed,
        count(*) filter (where review = 'reject') as n_rejected
    from facts
    group by doc_id
),

final as (
    select
        documents.doc_id,
        coalesce(named.doc, documents.doc) as doc,
        documents.title,
        documents.region,
        documents.year,
        documents.report_type,
        coalesce(counts.n_facts, 0) as n_facts,
        coalesce(counts.n_reviewed, 0) as n_reviewed,
        coalesce(counts.n_rejected, 0) as n_rejected
    from documents
    left join named on named.doc_id = documents.doc_id
    left join counts on counts.doc_id = documents.doc_id
)

select * from final
order by doc
