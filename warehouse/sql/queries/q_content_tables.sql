-- The base tables whose rows a published snapshot must hold as the warehouse does: all but
-- run_log, which gains a row every run (the snapshot's says which run published it).
select table_name
from information_schema.tables
where table_catalog = current_database()
    and table_schema = 'main'
    and table_type = 'BASE TABLE'
    and table_name <> 'run_log'
order by table_name
