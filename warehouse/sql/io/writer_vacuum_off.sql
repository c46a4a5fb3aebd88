-- Back to what a writer's instance was made with (warehouse.connection.NO_VACUUM): it is kept for the
-- next open (warehouse.writers).
set global max_vacuum_tasks = 0
