-- Regions by GB/T 2260 adcode when known; multi-jurisdiction areas (成渝地区双城经济圈) and
-- names the lexicon lacks are keyed by name, so no fact is ever left without a region row.
create table if not exists dim_region (
    region_key      varchar primary key,   -- adcode when known, else name
    name            varchar not null,
    adcode          varchar,
    level           varchar,
    parent_adcode   varchar,
    parent_name     varchar
);
