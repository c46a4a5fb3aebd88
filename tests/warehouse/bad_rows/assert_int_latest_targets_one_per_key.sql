-- A targets view that forgot to keep only targets: a result shares its key with a target (the
-- 2024 retail sales), so the pairing would see that key twice. Re-created in place, as a changed
-- view file would be: a qualified name cannot be shadowed by a temp table.
create or replace view intermediate.int_latest_targets as
select * from main.v_latest_facts;
