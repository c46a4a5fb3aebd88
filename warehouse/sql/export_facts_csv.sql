-- Header row with v_facts' column names, so csv.DictReader (score.py) reads it as is.
copy (
    select * from v_facts
    order by doc, indicator, year, period, measure, kind, raw_start, region
) to $out (format csv, header true)
