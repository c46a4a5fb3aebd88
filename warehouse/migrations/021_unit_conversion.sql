-- Rates between base units that measure the same quantity, so a target in 亿斤 is compared
-- with a result in 万吨 and a figure stated in both is not taken for two different figures.
-- One row per base unit with a rate: how many of its common unit one of it is. A base unit
-- without a row is its own common unit; units of different common units (元 and 美元: no fixed
-- rate) are never compared. A new rate is a new row (and a migration that inserts it).
create table if not exists unit_conversion (
    base_unit    varchar primary key,
    common_unit  varchar not null,
    factor       double not null check (factor > 0),
    note         varchar not null
);

insert into unit_conversion
values ('斤', '吨', 0.0005, '1 吨 = 2,000 市斤 (1 斤 = 500 g)')
on conflict do nothing;
