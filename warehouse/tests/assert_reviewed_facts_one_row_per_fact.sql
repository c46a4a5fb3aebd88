-- int_reviewed_facts, which v_facts reads, holds each fact once and applies each decision to one
-- row at most: a decision matched twice would double a figure.
with

reviewed as (
    select * from intermediate.int_reviewed_facts
),

final as (
    select 'fact' as what, fact_id as id, count(*) as n from reviewed
    group by fact_id
    having count(*) > 1
    union all
    select 'decision', decision_id, count(*) from reviewed
    where decision_id is not null
    group by decision_id
    having count(*) > 1
)

select * from final
