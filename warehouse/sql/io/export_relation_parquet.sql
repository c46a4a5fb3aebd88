-- One table or view, by name, to a Parquet file (types kept: codes stay text). A row group is
-- at most 16 MB before compression: the writer holds one in memory, and a row group of every
-- document's text would be the whole table (dim_document: 400 MB at 5,000 documents).
copy (select * from query_table($relation)) to $out (format parquet, row_group_size_bytes '16MB')
