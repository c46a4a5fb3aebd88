-- Roll-ups for BI tools: every administrative region carries its province and its prefecture
-- (code and name), so facts of a county add up to its prefecture and province without a
-- recursive join, and a pinyin name a Latin-script search finds. The run's dimension sync fills
-- them (dml_upsert_regions.sql); a region only a fact named (dml_ensure_regions.sql) has none.
alter table dim_region add column if not exists province_code varchar;
alter table dim_region add column if not exists province_name varchar;
alter table dim_region add column if not exists prefecture_code varchar;
alter table dim_region add column if not exists prefecture_name varchar;
alter table dim_region add column if not exists name_pinyin varchar;

-- Levels as docs/warehouse.md names them: the region list's `city` is a prefecture-level
-- division (地级), its `other` an area of several jurisdictions (成渝地区双城经济圈), and 全国,
-- which facts name but the list lacks, the country.
update dim_region set level = 'prefecture' where level = 'city';
update dim_region set level = 'area' where level = 'other';

insert into dim_region (region_key, name, level, name_pinyin)
values ('全国', '全国', 'country', 'Quanguo')
on conflict (region_key) do update set level = 'country', name_pinyin = 'Quanguo';
