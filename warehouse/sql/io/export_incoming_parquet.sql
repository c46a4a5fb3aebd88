-- The registered frame `incoming_export` as Parquet: column types travel with it (codes stay text).
copy incoming_export to $out (format parquet)
