-- The region list from the registered frame `incoming_regions`, keyed like facts are.
insert into dim_region (region_key, name, adcode, level, parent_adcode, parent_name)
with

incoming as (
    select * from incoming_regions
),

final as (
    select
        coalesce(cast(adcode as varchar), cast(name as varchar)) as region_key,
        cast(name as varchar) as name,
        cast(adcode as varchar) as adcode,
        cast(level as varchar) as level,
        cast(parent_adcode as varchar) as parent_adcode,
        cast(parent_name as varchar) as parent_name
    from incoming
    qualify row_number() over (
        partition by coalesce(cast(adcode as varchar), cast(name as varchar)) order by name
    ) = 1
)

select * from final
on conflict (region_key) do update set
    name = excluded.name,
    adcode = excluded.adcode,
    level = excluded.level,
    parent_adcode = excluded.parent_adcode,
    parent_name = excluded.parent_name
