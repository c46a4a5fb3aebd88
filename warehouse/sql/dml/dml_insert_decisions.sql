-- Reviewer's decisions from the registered frame `incoming_decisions` (warehouse.decisions), all
-- in the caller's transaction: an import is applied whole or not at all. Casts are explicit
-- because an all-null column of a frame arrives without a useful type. decided_at is the
-- time of the write, so the latest decision is the last one written.
insert into review_decision
with

incoming as (
    select * from incoming_decisions
),

final as (
    select
        cast(decision_id as varchar) as decision_id,
        cast(figure_id as varchar) as figure_id,
        cast(doc_id as varchar) as doc_id,
        cast(raw_start as integer) as raw_start,
        cast(raw_end as integer) as raw_end,
        cast(quote as varchar) as quote,
        cast(figure_indicator as varchar) as figure_indicator,
        cast(action as varchar) as action,
        cast(changed as varchar) as changed,
        cast(region as varchar) as region,
        cast(region_key as varchar) as region_key,
        cast(region_code as varchar) as region_code,
        cast(year as integer) as year,
        cast(period as varchar) as period,
        cast(indicator as varchar) as indicator,
        cast(measure as varchar) as measure,
        cast(kind as varchar) as kind,
        cast(value as double) as value,
        cast(value_high as double) as value_high,
        cast(unit as varchar) as unit,
        cast(value_base as double) as value_base,
        cast(base_unit as varchar) as base_unit,
        cast(qualifier as varchar) as qualifier,
        cast(sentence as varchar) as sentence,
        cast(sentence_raw_start as integer) as sentence_raw_start,
        cast(sentence_raw_end as integer) as sentence_raw_end,
        cast(note as varchar) as note,
        cast(reviewer as varchar) as reviewer,
        -- In the order given, a microsecond apart: the last of an import wins over the first.
        cast($now as timestamp) + to_microseconds(cast(seq as bigint)) as decided_at,
        cast(via as varchar) as via
    from incoming
)

select * from final
