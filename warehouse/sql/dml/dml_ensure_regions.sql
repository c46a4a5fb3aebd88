-- Every fact's region gets a dimension row; one the region list does not know is added by
-- name (or by the code the extractor resolved), so joins to dim_region never lose facts.
-- Over the documents of `incoming_documents`: a region first named in several of them takes
-- its name from the first (by `ordinal`), as loading them one after the other would.
insert into dim_region (region_key, name, adcode, level, parent_adcode, parent_name)
with

documents as (
    select * from incoming_documents
),

facts as (
    select
        fct_indicator_value.region_key,
        fct_indicator_value.region,
        fct_indicator_value.region_code,
        documents.ordinal
    from fct_indicator_value
    inner join documents on documents.doc_id = fct_indicator_value.doc_id
),

by_document as (
    select
        region_key,
        ordinal,
        min(region) as name,
        min(case when region_key = region_code then region_code end) as adcode
    from facts
    group by region_key, ordinal
),

final as (
    select
        region_key,
        name,
        adcode,
        null as level,
        null as parent_adcode,
        null as parent_name
    from by_document
    qualify row_number() over (partition by region_key order by ordinal) = 1
)

select * from final
on conflict do nothing
