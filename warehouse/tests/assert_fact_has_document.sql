-- Facts whose document is missing: an orphan cannot be traced to a source.
select facts.fact_id, facts.doc_id
from fct_indicator_value as facts
left join dim_document as documents on documents.doc_id = facts.doc_id
where documents.doc_id is null
