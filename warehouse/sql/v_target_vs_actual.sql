-- "Did they hit it?": each target beside the actual result for the same region, indicator,
-- measure, period and year, wherever the two were reported (a 2024 report's target, the
-- 2025 report's result). When several reports state the same figure, the one from the latest
-- report wins. `met` is null unless both sides exist in comparable units; an `le` target
-- (控制在…以内) is met at or below its bound, every other qualifier at or above its low end
-- (`approx` targets are judged strictly; analysts wanting a tolerance can use the values).
create or replace view v_target_vs_actual as
with

facts as (
    select * from v_facts
),

documents as (
    select * from dim_document
),

ranked as (
    select
        facts.*,
        row_number() over (
            partition by facts.kind, facts.region, facts.indicator, facts.measure, facts.period, facts.year
            order by documents.year desc nulls last, facts.doc desc, facts.raw_start
        ) as rank_in_key
    from facts
    inner join documents on documents.doc_id = facts.doc_id
),

targets as (
    select
        region,
        indicator,
        measure,
        period,
        year,
        value as target_value,
        value_high as target_value_high,
        unit as target_unit,
        value_base as target_value_base,
        base_unit as target_base_unit,
        qualifier as target_qualifier,
        wording as target_wording,
        doc as target_doc,
        quote as target_quote
    from ranked
    where kind = 'target' and rank_in_key = 1
),

actuals as (
    select
        region,
        indicator,
        measure,
        period,
        year,
        value as actual_value,
        unit as actual_unit,
        value_base as actual_value_base,
        base_unit as actual_base_unit,
        qualifier as actual_qualifier,
        doc as actual_doc,
        quote as actual_quote
    from ranked
    where kind = 'actual' and rank_in_key = 1
),

paired as (
    select
        coalesce(targets.region, actuals.region) as region,
        coalesce(targets.indicator, actuals.indicator) as indicator,
        coalesce(targets.measure, actuals.measure) as measure,
        coalesce(targets.period, actuals.period) as period,
        coalesce(targets.year, actuals.year) as year,
        targets.* exclude (region, indicator, measure, period, year),
        actuals.* exclude (region, indicator, measure, period, year)
    from targets
    full outer join actuals
        on targets.region = actuals.region
        and targets.indicator = actuals.indicator
        and targets.measure = actuals.measure
        and targets.period = actuals.period
        and targets.year = actuals.year
),

-- Compare in the written unit when both sides share it, else in the base unit (亿元 vs 万元).
comparable as (
    select
        *,
        case
            when target_unit = actual_unit then target_value
            when target_base_unit = actual_base_unit then target_value_base
        end as target_cmp,
        case when target_unit = actual_unit then target_value_high end as target_high_cmp,
        case
            when target_unit = actual_unit then actual_value
            when target_base_unit = actual_base_unit then actual_value_base
        end as actual_cmp
    from paired
),

final as (
    select
        region,
        indicator,
        measure,
        period,
        year,
        target_value,
        target_value_high,
        target_unit,
        target_qualifier,
        target_wording,
        actual_value,
        actual_unit,
        actual_qualifier,
        case
            when target_cmp is null or actual_cmp is null then null
            when target_qualifier = 'le' then actual_cmp <= coalesce(target_high_cmp, target_cmp)
            else actual_cmp >= target_cmp
        end as met,
        target_doc,
        target_quote,
        actual_doc,
        actual_quote
    from comparable
)

select * from final
