-- The warehouse, read-only, under a fixed name the copy below can refer to: the way a publish reads a
-- warehouse another program holds open (publish_attach_warehouse_writable says why not always).
attach $path as gwr (read_only)
