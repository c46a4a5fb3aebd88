-- One table or view, by name, in a stable row order (every column, left to right), with its
-- source paths made relative to the folder the documents were loaded from ($root): a `path`
-- column and the `current_paths` list of v_documents. Other columns pass through unchanged.
select * replace (
    case when starts_with(path, $root) then substr(path, length($root) + 1) else path end as path
)
from query_table($relation)
order by all
