-- A pairing that joined a key twice, shadowed by a temp table as a changed view would produce.
create temp table v_target_vs_actual as
select * from main.v_target_vs_actual
union all
select * from main.v_target_vs_actual;
