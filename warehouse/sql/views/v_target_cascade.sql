-- Targets down the hierarchy (层层加码): every target beside its parent region's target for the
-- same indicator, measure, period and year. The parent is the region's parent division in
-- dim_region (a county's prefecture, or its province where it has none; a prefecture's
-- province) and, for a province, the country (全国). One row per parent × child; the latest
-- source of each target wins (int_latest_targets). Rates only (growth, share, change in points):
-- a level target of a part is not comparable with its whole's.
--
-- excess: the child's target minus the parent's, in their unit (percentage points), on the
--   targets' low ends (6.5 % 以上 against 6 % 左右: 0.5); null when the units differ.
-- is_raised: the child sets more than its parent (excess > 0): more is better for most
--   indicators, so this is the 加码 the literature measures; read it with `direction`.
create or replace view v_target_cascade as
with

targets as (
    select * from intermediate.int_latest_targets
    where measure in ('growth', 'share', 'pp_change')
),

regions as (
    select * from dim_region
),

indicators as (
    select * from dim_indicator
),

-- Each target with the key of its region's parent: the parent division, or 全国 for a province.
children as (
    select
        targets.*,
        coalesce(regions.parent_adcode, case when regions.level = 'province' then '全国' end) as parent_key
    from targets
    inner join regions on regions.region_key = targets.region_key
),

final as (
    select
        children.indicator,
        coalesce(indicators.name_zh, children.indicator_name_zh) as indicator_name_zh,
        coalesce(indicators.direction, 'none') as direction,
        children.measure,
        children.period,
        children.year,
        parents.region as parent_region,
        parents.region_code as parent_region_code,
        parents.region_level as parent_level,
        parents.value as parent_value,
        parents.value_high as parent_value_high,
        parents.unit as parent_unit,
        parents.qualifier as parent_qualifier,
        parents.wording as parent_wording,
        children.region as child_region,
        children.region_code as child_region_code,
        children.region_level as child_level,
        children.value as child_value,
        children.value_high as child_value_high,
        children.unit as child_unit,
        children.qualifier as child_qualifier,
        children.wording as child_wording,
        case when children.unit = parents.unit then round(children.value - parents.value, 6) end as excess,
        case when children.unit = parents.unit then children.value > parents.value end as is_raised,
        parents.doc as parent_doc,
        parents.quote as parent_quote,
        children.doc as child_doc,
        children.quote as child_quote,
        parents.region_key as parent_region_key,
        children.region_key as child_region_key,
        children.period_start,
        children.period_end
    from children
    inner join targets as parents
        on parents.region_key = children.parent_key
        and parents.indicator = children.indicator
        and parents.measure = children.measure
        and parents.period = children.period
        and parents.year = children.year
    left join indicators on indicators.code = children.indicator
)

select * from final
