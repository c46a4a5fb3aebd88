-- One table or view, by name, to a Parquet file (types kept: codes stay text).
copy (select * from query_table($relation)) to $out (format parquet)
