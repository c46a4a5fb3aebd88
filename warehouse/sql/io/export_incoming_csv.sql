-- The registered frame `incoming_export` as CSV with a header row.
copy incoming_export to $out (format csv, header true)
