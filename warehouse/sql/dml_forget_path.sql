-- The file is gone from the corpus: none of its versions is current any more (rows are kept).
update document_path
set
    is_current = false,
    last_seen_run = $run_id
where path = $path
    and is_current
