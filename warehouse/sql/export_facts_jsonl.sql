-- Newline-delimited JSON objects; DuckDB writes UTF-8 without \u escapes.
copy (
    select * from v_facts
    order by doc, indicator, year, period, measure, kind, raw_start, region
) to $out (format json)
