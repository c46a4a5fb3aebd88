-- A ranking that let two sources through.
create temp table v_latest_facts as
select * from main.v_latest_facts
union all
select * from main.v_latest_facts;
