-- Report: targets beside results, newest year first.
select
    region,
    indicator,
    indicator_name_zh,
    measure,
    year,
    target_value,
    target_unit,
    target_qualifier,
    actual_value,
    actual_unit,
    actual_is_forecast,
    gap,
    met,
    met_within_tolerance,
    plausibility
from v_target_vs_actual
order by year desc, region, indicator, measure
