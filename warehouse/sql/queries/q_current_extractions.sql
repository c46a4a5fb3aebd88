-- path -> sha256 of its current content and the extractor version that loaded that content,
-- for the flow's triage: content an older extractor loaded is read again.
select
    p.path,
    p.doc_id,
    d.extractor_version
from document_path as p
inner join dim_document as d on d.doc_id = p.doc_id
where p.is_current
order by p.path
