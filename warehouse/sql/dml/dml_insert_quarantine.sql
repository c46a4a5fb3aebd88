-- Rejected rows of the documents of a batch from the registered frame `incoming_quarantine`,
-- each row carrying its document's doc_id and the path it was read from.
insert into quarantine
with

incoming as (
    select * from incoming_quarantine
),

final as (
    select
        cast($run_id as varchar) as run_id,
        cast(incoming.doc_id as varchar) as doc_id,
        cast(incoming.path as varchar) as path,
        cast(coalesce(incoming.stage, 'validate') as varchar) as stage,
        cast(incoming.check_name as varchar) as check_name,
        cast(incoming.column_name as varchar) as column_name,
        cast(incoming.failure_case as varchar) as failure_case,
        -- Text that is not JSON is kept as a JSON string rather than failing the document's load.
        case
            when json_valid(cast(incoming.row_json as varchar)) then cast(incoming.row_json as json)
            else to_json(cast(incoming.row_json as varchar))
        end as row_json,
        cast($now as timestamp) as created_at
    from incoming
)

select * from final
