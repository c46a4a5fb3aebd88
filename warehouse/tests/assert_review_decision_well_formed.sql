-- A reviewer's decision names a stretch of a loaded document and says who made it; a rejection
-- carries no fields and changes none; any other decision carries the whole fact (value_high may
-- be empty), because it stands alone as an added fact once its figure is no longer extracted,
-- and names only fields of a fact as changed.
with

decisions as (
    select * from review_decision
),

documents as (
    select * from dim_document
),

final as (
    select
        decisions.decision_id,
        decisions.action,
        decisions.changed
    from decisions
    left join documents on documents.doc_id = decisions.doc_id
    where documents.doc_id is null
        or decisions.raw_start < 0
        or decisions.raw_end <= decisions.raw_start
        or coalesce(decisions.quote, '') = ''
        or coalesce(decisions.reviewer, '') = ''
        or (decisions.action = 'reject' and (decisions.changed <> '' or decisions.indicator is not null
            or decisions.value is not null))
        or (decisions.action <> 'reject' and (decisions.region is null or decisions.region_key is null
            or decisions.year is null or decisions.period is null or decisions.indicator is null
            or decisions.measure is null or decisions.kind is null or decisions.value is null
            or decisions.unit is null or decisions.qualifier is null or decisions.sentence is null))
        or (decisions.changed <> '' and not list_has_all(
            ['region', 'year', 'period', 'indicator', 'measure', 'kind', 'value', 'value_high', 'unit', 'qualifier'],
            string_split(decisions.changed, ',')))
)

select * from final
