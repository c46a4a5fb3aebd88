-- Internal: the target of every region × indicator × measure × period × year that has one, from
-- its latest source (v_latest_facts). v_target_vs_actual and the one-sided views set targets
-- beside results through this view and int_latest_results rather than each choosing again.
-- The intermediate views live in schema `intermediate`, created here (the first of them in
-- sqlfiles.VIEWS), out of `main`, so exports, the snapshot's Parquet files and BI tools reading
-- `main` do not list them; they name what they read in `main` because a view outside it binds
-- unqualified names in its own schema.
create schema if not exists intermediate;

create or replace view intermediate.int_latest_targets as
with

latest as (
    select * from main.v_latest_facts
),

final as (
    select * from latest
    where kind = 'target'
)

select * from final
