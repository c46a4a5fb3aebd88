-- Internal: the decision in force on each figure: a reviewer's decisions are all kept
-- (review_decision is the history) and the latest on a figure wins. A figure is what the
-- reviewer decided on (figure_id: the extracted fact's id when decided, or the added fact's),
-- so a second look at a row replaces the first decision rather than adding a rival.
-- In schema `intermediate`, which the first intermediate view in sqlfiles.VIEWS creates (this
-- one now, hence the statement below), naming what it reads in `main`.
create schema if not exists intermediate;

create or replace view intermediate.int_latest_decisions as
with

decisions as (
    select * from main.review_decision
),

final as (
    select
        *,
        string_split(changed, ',') as changes
    from decisions
    qualify row_number() over (partition by figure_id order by decided_at desc, decision_id desc) = 1
)

select * from final
