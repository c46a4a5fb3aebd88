-- Rows of `incoming_paths` whose document is not in the warehouse.
select seen.path, seen.doc_id
from incoming_paths as seen
anti join dim_document as d on d.doc_id = seen.doc_id
