-- Every row of v_target_cascade sets a region's target beside its parent's: the parent is the
-- region's parent division in dim_region (全国 for a province), and the excess and is_raised
-- are the difference of the two targets.
select
    cascade.child_region_key,
    cascade.parent_region_key,
    cascade.indicator,
    cascade.measure,
    cascade.period,
    cascade.year
from v_target_cascade as cascade
left join dim_region as child on child.region_key = cascade.child_region_key
where cascade.parent_region_key is distinct from
        coalesce(child.parent_adcode, case when child.level = 'province' then '全国' end)
    or (cascade.child_unit = cascade.parent_unit
        and cascade.excess is distinct from round(cascade.child_value - cascade.parent_value, 6))
    or cascade.is_raised is distinct from (cascade.excess > 0)
