-- export_relation for a table or view without source paths.
select *
from query_table($relation)
order by all
