-- Close the warehouse a writer attached (writer_attach), keeping the DuckDB instance for the next open
-- (warehouse.writers): DETACH closes the file, after a checkpoint unless writer_defer_checkpoint said not to.
detach gwr
