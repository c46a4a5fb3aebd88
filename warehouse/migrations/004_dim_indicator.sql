-- The indicator lexicon as synced by the flow; `scored` marks codes of the acceptance set.
create table if not exists dim_indicator (
    code        varchar primary key,
    name_zh     varchar not null,
    name_en     varchar,
    category    varchar,
    level_unit  varchar,
    scored      boolean not null default false
);
