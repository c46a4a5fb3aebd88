-- Fold the write-ahead log into the file, merging the small row groups runs left (writer_vacuum_on).
checkpoint gwr
