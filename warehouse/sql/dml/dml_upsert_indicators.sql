-- The lexicon from the registered frame `incoming_indicators`; a changed name or category
-- replaces the old one, a code no longer in the lexicon is kept for the facts that use it.
insert into dim_indicator (code, name_zh, name_en, category, level_unit, scored, direction)
with

incoming as (
    select * from incoming_indicators
),

final as (
    select
        cast(code as varchar) as code,
        cast(name_zh as varchar) as name_zh,
        cast(name_en as varchar) as name_en,
        cast(category as varchar) as category,
        cast(level_unit as varchar) as level_unit,
        coalesce(cast(scored as boolean), false) as scored,
        coalesce(cast(direction as varchar), 'none') as direction
    from incoming
    qualify row_number() over (partition by code order by name_zh) = 1
)

select * from final
on conflict (code) do update set
    name_zh = excluded.name_zh,
    name_en = excluded.name_en,
    category = excluded.category,
    level_unit = excluded.level_unit,
    scored = excluded.scored,
    direction = excluded.direction
