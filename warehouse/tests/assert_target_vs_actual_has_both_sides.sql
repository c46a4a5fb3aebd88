-- Every row of v_target_vs_actual has a target and a result; one-sided figures belong in
-- v_targets_without_result and v_results_without_target.
select region_key, indicator, measure, period, year
from v_target_vs_actual
where target_value is null
    or actual_value is null
    or target_quote is null
    or actual_quote is null
