-- Tables and views of the opened file's main schema: what tells a gwr warehouse, an older
-- one, an empty file and someone else's database apart before anything is written.
select table_name
from information_schema.tables
where table_catalog = current_database()
    and table_schema = 'main'
order by table_name
