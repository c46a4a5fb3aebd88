-- Facts of the documents of a batch from the registered frame `incoming_facts`, each row
-- carrying its document's doc_id and extractor_version. Casts are explicit because an
-- all-null column of a pandas frame arrives without a useful type.
insert into fct_indicator_value
with

incoming as (
    select * from incoming_facts
),

regions as (
    select * from dim_region
),

-- A name without a code takes the code of the one region of that name; names shared by
-- several regions (鼓楼区) stay keyed by name rather than guess.
unique_region_names as (
    select
        name,
        any_value(adcode) as adcode
    from regions
    where adcode is not null
    group by name
    having count(*) = 1
),

typed as (
    select
        cast(incoming.doc_id as varchar) as doc_id,
        cast(incoming.region as varchar) as region,
        cast(incoming.region_code as varchar) as region_code,
        cast(incoming.year as integer) as year,
        cast(incoming.period as varchar) as period,
        cast(incoming.indicator as varchar) as indicator,
        cast(incoming.measure as varchar) as measure,
        cast(incoming.kind as varchar) as kind,
        cast(incoming.value as double) as value,
        cast(incoming.value_high as double) as value_high,
        cast(incoming.unit as varchar) as unit,
        cast(incoming.value_base as double) as value_base,
        cast(incoming.base_unit as varchar) as base_unit,
        cast(incoming.qualifier as varchar) as qualifier,
        cast(coalesce(incoming.wording, 'none') as varchar) as wording,
        cast(incoming.quote as varchar) as quote,
        cast(incoming.sentence as varchar) as sentence,
        cast(incoming.raw_start as integer) as raw_start,
        cast(incoming.raw_end as integer) as raw_end,
        cast(incoming.sentence_raw_start as integer) as sentence_raw_start,
        cast(incoming.sentence_raw_end as integer) as sentence_raw_end,
        cast(incoming.extractor_version as varchar) as extractor_version,
        cast(incoming.confidence as varchar) as confidence
    from incoming
),

keyed as (
    select
        sha256(concat_ws(
            '|', typed.doc_id, typed.indicator, typed.measure, typed.kind, typed.year,
            typed.period, typed.region, typed.raw_start, typed.raw_end
        )) as fact_id,
        typed.*,
        coalesce(typed.region_code, unique_region_names.adcode, typed.region) as region_key
    from typed
    left join unique_region_names on unique_region_names.name = typed.region
),

-- The same figure emitted twice (same key, same offsets) is one fact, not a failed load;
-- fact_id holds doc_id, so this never merges two documents' facts.
deduplicated as (
    select *
    from keyed
    qualify row_number() over (partition by fact_id order by value, value_high) = 1
),

final as (
    select
        fact_id,
        doc_id,
        region,
        region_key,
        region_code,
        year,
        period,
        indicator,
        measure,
        kind,
        value,
        value_high,
        unit,
        value_base,
        base_unit,
        qualifier,
        wording,
        quote,
        sentence,
        raw_start,
        raw_end,
        sentence_raw_start,
        sentence_raw_end,
        extractor_version,
        cast($run_id as varchar) as run_id,
        cast($now as timestamp) as loaded_at,
        confidence
    from deduplicated
)

select * from final
