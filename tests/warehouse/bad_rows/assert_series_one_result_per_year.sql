-- A series that let a target in.
create temp table v_indicator_series as
select * from main.v_indicator_series
union all by name
select
    region, region_code, indicator, indicator_name_zh, measure, period, year, value, value_high, unit,
    value_base, base_unit, qualifier, n_sources, n_values, doc, report_year, quote, region_key
from main.v_latest_facts
where kind = 'target';
