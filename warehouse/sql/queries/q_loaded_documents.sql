-- Which of the given contents (sha256) are loaded, under any name.
with

asked as (
    select distinct unnest(cast($doc_ids as varchar[])) as doc_id
)

select asked.doc_id
from asked
semi join dim_document as d on d.doc_id = asked.doc_id
