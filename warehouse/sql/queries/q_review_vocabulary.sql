-- What gwr review's lists offer, as (list, key, label, extra) rows: the edit form's choices from
-- the dimensions (indicator codes, periods, regions with their parent, for names shared by
-- several regions) and the queue's filter values from the current facts (regions, years,
-- documents).
with

indicators as (
    select 'indicator' as list, code as key, name_zh as label, category as extra from dim_indicator
),

periods as (
    select 'period', period, label_zh, cast(start_month as varchar) from dim_period
),

regions as (
    select 'region', region_key, name, coalesce(parent_name, '') from dim_region
),

facts as (
    select * from v_facts
),

fact_regions as (
    select distinct 'fact_region', region, region, '' from facts
),

fact_years as (
    select distinct 'fact_year', cast(year as varchar), cast(year as varchar), '' from facts
),

fact_documents as (
    select distinct 'fact_doc', doc_id, doc, '' from facts
),

final as (
    select * from indicators
    union all select * from periods
    union all select * from regions
    union all select * from fact_regions
    union all select * from fact_years
    union all select * from fact_documents
)

select * from final
order by list, label, key
