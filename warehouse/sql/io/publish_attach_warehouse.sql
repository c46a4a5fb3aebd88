-- The warehouse, read-only, under a fixed name the copy below can refer to.
attach $path as gwr (read_only)
