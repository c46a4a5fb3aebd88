-- A reviewed-facts view that joined the decisions without choosing one per fact: every fact
-- twice. Re-created in place, as a changed view file would be: a qualified name cannot be
-- shadowed by a temp table.
create or replace view intermediate.int_reviewed_facts as
select fact_id, cast(null as varchar) as decision_id from main.fct_indicator_value
union all
select fact_id, cast(null as varchar) from main.fct_indicator_value;
