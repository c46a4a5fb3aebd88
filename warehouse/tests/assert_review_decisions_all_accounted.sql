-- No decision is dropped silently: v_review_decisions lists every decision once, with one of its
-- statuses; exactly one decision per figure is in force (not superseded); an orphaned one says
-- why, and no other does.
with

decisions as (
    select * from review_decision
),

accounted as (
    select * from v_review_decisions
),

listed as (
    select decisions.decision_id, count(accounted.decision_id) as n
    from decisions
    left join accounted on accounted.decision_id = decisions.decision_id
    group by decisions.decision_id
),

in_force as (
    select figure_id, count(*) filter (where status <> 'superseded') as n
    from accounted
    group by figure_id
),

final as (
    select 'listed ' || n || ' times' as problem, decision_id as id from listed
    where n <> 1
    union all
    select 'status ' || coalesce(status, 'missing'), decision_id from accounted
    where status is null or status not in ('applied', 'added', 'moot', 'superseded', 'orphaned')
        or (status = 'orphaned') <> (orphan_reason is not null)
    union all
    select n || ' decisions in force', figure_id from in_force
    where n <> 1
)

select * from final
