-- The blocks the file's header says are in use: a file shorter than that was cut off. (The
-- total also counts free blocks at the end that DuckDB need not have written, so a whole
-- file can be shorter than block_size * total_blocks; it is never shorter than the used ones.)
select block_size, used_blocks
from pragma_database_size()
where database_name = current_database()
