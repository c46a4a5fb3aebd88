-- The old full outer join: a target with no result.
create temp table v_target_vs_actual as
select * from main.v_target_vs_actual
union all
select * replace (null as actual_value, null as actual_quote) from main.v_target_vs_actual;
