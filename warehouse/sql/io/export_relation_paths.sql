-- export_relation for v_documents, whose current paths are a list.
select * replace (
    list_transform(
        current_paths, lambda p: case when starts_with(p, $root) then substr(p, length($root) + 1) else p end
    ) as current_paths
)
from query_table($relation)
order by all
