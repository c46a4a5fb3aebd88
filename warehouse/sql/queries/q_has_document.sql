select count(*) > 0 as has_document
from dim_document
where doc_id = $doc_id
