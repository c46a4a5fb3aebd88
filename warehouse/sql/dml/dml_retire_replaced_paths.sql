-- Every row of the registered `incoming_paths` (path, doc, doc_id): a path that now holds
-- other bytes stops pointing at its earlier versions (they are kept as history).
update document_path
set is_current = false
from incoming_paths as seen
where document_path.path = seen.path
    and document_path.doc_id <> seen.doc_id
    and document_path.is_current
