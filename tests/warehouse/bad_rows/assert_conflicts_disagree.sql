-- A conflicts view that listed agreeing sources too.
create temp table v_conflicts as
select * from main.v_conflicts
union all by name
select
    region, region_code, indicator, indicator_name_zh, measure, period, year, kind, value, unit,
    value_base, base_unit, n_values, n_sources, true as is_latest, doc, report_year, quote, region_key
from main.v_latest_facts
where n_values = 1;
