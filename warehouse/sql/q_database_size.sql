-- The blocks the file's header says it holds: a file shorter than that was cut off.
select block_size, total_blocks
from pragma_database_size()
where database_name = current_database()
