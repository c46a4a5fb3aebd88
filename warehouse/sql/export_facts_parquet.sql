copy (
    select * from v_facts
    order by doc, indicator, year, period, measure, kind, raw_start, region
) to $out (format parquet)
