-- The path now holds other bytes: its earlier versions stop being current (they are kept).
update document_path
set is_current = false
where path = $path
    and doc_id <> $doc_id
    and is_current
