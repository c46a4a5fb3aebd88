-- The region list from the registered frame `incoming_regions`, keyed like facts are, with its
-- roll-ups: by GB/T 2260 a code's first two digits are its province's (110000) and its first
-- four its prefecture's (130600), when the list has that division; a province is its own
-- province and a prefecture its own prefecture. A district of a municipality (万州区 under
-- 重庆市) and a county the province administers itself (济源市) have no prefecture.
insert into dim_region (
    region_key, name, adcode, level, parent_adcode, parent_name,
    province_code, province_name, prefecture_code, prefecture_name, name_pinyin
)
with

incoming as (
    select * from incoming_regions
),

keyed as (
    select
        coalesce(cast(adcode as varchar), cast(name as varchar)) as region_key,
        cast(name as varchar) as name,
        cast(adcode as varchar) as adcode,
        -- The list's words for the levels, as the warehouse names them (020_dim_region_rollup.sql).
        case cast(level as varchar)
            when 'city' then 'prefecture'
            when 'other' then 'area'
            else cast(level as varchar)
        end as level,
        cast(parent_adcode as varchar) as parent_adcode,
        cast(parent_name as varchar) as parent_name,
        cast(name_pinyin as varchar) as name_pinyin
    from incoming
    qualify row_number() over (
        partition by coalesce(cast(adcode as varchar), cast(name as varchar)) order by name
    ) = 1
),

final as (
    select
        keyed.region_key,
        keyed.name,
        keyed.adcode,
        keyed.level,
        keyed.parent_adcode,
        keyed.parent_name,
        province.adcode as province_code,
        province.name as province_name,
        prefecture.adcode as prefecture_code,
        prefecture.name as prefecture_name,
        keyed.name_pinyin
    from keyed
    left join keyed as province
        on province.level = 'province'
        and province.adcode = left(keyed.adcode, 2) || '0000'
    left join keyed as prefecture
        on prefecture.level = 'prefecture'
        and prefecture.adcode = left(keyed.adcode, 4) || '00'
)

select * from final
on conflict (region_key) do update set
    name = excluded.name,
    adcode = excluded.adcode,
    level = excluded.level,
    parent_adcode = excluded.parent_adcode,
    parent_name = excluded.parent_name,
    province_code = excluded.province_code,
    province_name = excluded.province_name,
    prefecture_code = excluded.prefecture_code,
    prefecture_name = excluded.prefecture_name,
    name_pinyin = excluded.name_pinyin
