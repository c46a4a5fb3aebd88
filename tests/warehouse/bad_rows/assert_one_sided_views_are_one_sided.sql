-- A "without result" view that forgot its anti join.
create temp table v_targets_without_result as
select
    region, region_code, indicator, indicator_name_zh, measure, period, year, value as target_value,
    value_high as target_value_high, unit as target_unit, qualifier as target_qualifier,
    wording as target_wording, n_sources, doc as target_doc, quote as target_quote, region_key
from main.v_latest_facts
where kind = 'target';
