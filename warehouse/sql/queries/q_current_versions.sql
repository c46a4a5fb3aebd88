-- path -> sha256 of the bytes last loaded from it, for the flow's "new / changed / unchanged".
select
    path,
    doc_id
from document_path
where is_current
order by path
