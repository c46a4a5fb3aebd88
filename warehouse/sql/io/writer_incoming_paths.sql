-- The paths a run saw, as the table `incoming_paths` (path, doc, doc_id) the path statements
-- read, from three bound lists: a rerun over an unchanged inbox records its paths without
-- importing pyarrow (and with it numpy and pandas), half a second of a command that loads nothing.
create or replace temp table incoming_paths as
select
    unnest(cast($paths as varchar[])) as path,
    unnest(cast($docs as varchar[])) as doc,
    unnest(cast($doc_ids as varchar[])) as doc_id
