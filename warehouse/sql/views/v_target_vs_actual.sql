-- "Did they hit it?": one row per region × indicator × measure × period × year that has both
-- a target and a result, wherever each was reported (a 2024 report's target, the 2025 report's
-- result); the latest source of each side wins (int_latest_targets, int_latest_results). The result is the stated
-- actual; when only a 预计 estimate exists it stands in, with actual_is_forecast = true.
-- One-sided figures are in v_targets_without_result and v_results_without_target.
--
-- gap: actual minus target in the target's unit (percentage points for rates), against the
--   target's low end (its high end for a ceiling or a down indicator).
-- met: honours the qualifier and which way is good (dim_indicator.direction):
--   a ceiling (le, 控制在…以内) is met at or below it and a floor (ge, 以上) at or above it;
--   otherwise an up indicator is met at or above the target's low end, a down indicator
--   (unemployment, prices, energy intensity) at or below its high end, and an indicator with
--   no good direction within the target's range (at the point itself when it is no range).
-- met_within_tolerance: for 左右 (approx) targets only, met allowing the actual to miss by the
--   tolerance: 0.5 percentage points for a rate (%), else 2 % of the target. Null otherwise.
-- Values are compared in the written unit when both sides share it, else in base units, and
-- across base units where unit_conversion has a rate (亿斤 against 万吨): `actual_in_target_unit`.
-- comparable / incomparable_reason: false, and why, when the units have no rate between them
--   (亿元 against 亿美元); met, gap and met_within_tolerance are then null, for that reason only.
-- plausibility: implausible when the pair looks like two different figures (an extraction or
--   pairing error to check): a level or share whose result is more than 4 times, or less than a
--   quarter of, its target (a target of 3,500 jobs against 22,000), or a rate (growth, change in
--   percentage points) more than 20 points from it; not_comparable when the units are not.
create or replace view v_target_vs_actual as
with

targets as (
    select * from intermediate.int_latest_targets
),

-- The stated result, else the 预计 estimate.
results as (
    select * from intermediate.int_latest_results
),

indicators as (
    select * from dim_indicator
),

conversions as (
    select * from unit_conversion
),

paired as (
    select
        targets.region_key,
        targets.region,
        targets.region_code,
        targets.indicator,
        coalesce(indicators.name_zh, targets.indicator_name_zh) as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        coalesce(indicators.direction, 'none') as direction,
        targets.measure,
        targets.period,
        targets.year,
        targets.value as target_value,
        targets.value_high as target_value_high,
        targets.unit as target_unit,
        targets.qualifier as target_qualifier,
        targets.wording as target_wording,
        results.value as actual_value,
        results.unit as actual_unit,
        results.qualifier as actual_qualifier,
        results.is_estimate as actual_is_forecast,
        -- Both sides in the target's unit: the actual converted through base units when needed,
        -- and through the rate between base units (斤 to 吨) when they differ.
        case
            when results.unit = targets.unit then results.value
            when coalesce(result_rate.common_unit, results.base_unit) = coalesce(target_rate.common_unit, targets.base_unit)
                and targets.value <> 0
                then results.value_base * coalesce(result_rate.factor, 1) / coalesce(target_rate.factor, 1)
                    / (targets.value_base / targets.value)
        end as actual_in_target_unit,
        targets.unit = '%' as is_rate,
        targets.doc as target_doc,
        targets.quote as target_quote,
        results.doc as actual_doc,
        results.quote as actual_quote,
        targets.period_start,
        targets.period_end,
        targets.region_level,
        targets.province_code,
        targets.province_name,
        targets.prefecture_code,
        targets.prefecture_name
    from targets
    inner join results using (region_key, indicator, measure, period, year)
    left join indicators on indicators.code = targets.indicator
    left join conversions as target_rate on target_rate.base_unit = targets.base_unit
    left join conversions as result_rate on result_rate.base_unit = results.base_unit
),

judged as (
    select
        *,
        coalesce(target_value_high, target_value) as target_high,
        case when is_rate then 0.5 else abs(target_value) * 0.02 end as tolerance,
        case
            when target_qualifier = 'le' or (target_qualifier <> 'ge' and direction = 'down')
                then 'at_most'
            when target_qualifier = 'ge' or direction = 'up'
                then 'at_least'
            else 'within'
        end as rule
    from paired
),

final as (
    select
        region,
        region_code,
        indicator,
        indicator_name_zh,
        indicator_name_en,
        direction,
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
        actual_is_forecast,
        -- rounded: 719.17 - 750 is -30.83, not -30.830000000000041
        round(actual_in_target_unit - case when rule = 'at_most' then target_high else target_value end, 6) as gap,
        case rule
            when 'at_most' then actual_in_target_unit <= target_high
            when 'at_least' then actual_in_target_unit >= target_value
            else actual_in_target_unit between target_value and target_high
        end as met,
        case when target_qualifier = 'approx' then
            case rule
                when 'at_most' then actual_in_target_unit <= target_high + tolerance
                when 'at_least' then actual_in_target_unit >= target_value - tolerance
                else actual_in_target_unit between target_value - tolerance and target_high + tolerance
            end
        end as met_within_tolerance,
        case when target_qualifier = 'approx' then tolerance end as tolerance,
        target_doc,
        target_quote,
        actual_doc,
        actual_quote,
        region_key,
        period_start,
        period_end,
        region_level,
        province_code,
        province_name,
        prefecture_code,
        prefecture_name,
        round(actual_in_target_unit, 6) as actual_in_target_unit,
        actual_in_target_unit is not null as comparable,
        case when actual_in_target_unit is null then
            'target in ' || target_unit || ', result in ' || actual_unit || ': no rate converts one into the other'
        end as incomparable_reason,
        round(actual_in_target_unit / nullif(target_value, 0), 4) as actual_to_target,
        case
            when actual_in_target_unit is null then 'not_comparable'
            when measure in ('growth', 'pp_change') then
                case when abs(actual_in_target_unit - target_value) > 20 then 'implausible' else 'plausible' end
            when target_value > 0 and actual_in_target_unit / target_value between 0.25 and 4 then 'plausible'
            else 'implausible'
        end as plausibility
    from judged
)

select * from final
