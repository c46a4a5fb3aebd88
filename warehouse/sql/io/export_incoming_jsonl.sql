-- The registered frame `incoming_export` as one JSON object a line, typed: numbers as numbers,
-- codes and text as strings, JSON columns as objects, absent values as null.
copy incoming_export to $out (format json)
