-- Every fact's region gets a dimension row; one the region list does not know is added by
-- name (or by the code the extractor resolved), so joins to dim_region never lose facts.
insert into dim_region (region_key, name, adcode, level, parent_adcode, parent_name)
with

facts as (
    select * from fct_indicator_value
    where doc_id = $doc_id
),

final as (
    select
        region_key,
        min(region) as name,
        min(case when region_key = region_code then region_code end) as adcode,
        null as level,
        null as parent_adcode,
        null as parent_name
    from facts
    group by region_key
)

select * from final
on conflict do nothing
