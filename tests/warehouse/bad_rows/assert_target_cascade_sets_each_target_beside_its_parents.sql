-- A cascade that joined sibling regions: 万州区's target set against 北京市's.
create temp table v_target_cascade as
select * from main.v_target_cascade
union all by name
select
    'gdp' as indicator, 'growth' as measure, 'FY' as period, 2024 as year,
    '500101' as child_region_key, '110000' as parent_region_key,
    7.0 as child_value, '%' as child_unit, 6.0 as parent_value, '%' as parent_unit,
    1.0 as excess, true as is_raised;
