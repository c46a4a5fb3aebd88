-- The warehouse, read-only, under a fixed name the copy below can refer to. A publish that folds the
-- run's write-ahead log into the file attaches it writable instead, as a writer does (writer_attach).
attach $path as gwr (read_only)
