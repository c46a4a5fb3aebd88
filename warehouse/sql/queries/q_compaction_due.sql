-- Whether the run closing now compacts the warehouse (warehouse.runbook.COMPACT_AFTER): the documents lie
-- in more row groups than their rows need, at the 2,048 a writer's row group holds (writer_attach), by
-- more than $after.
with row_groups as (
    select row_group_id, max(count) as row_count
    from pragma_storage_info('dim_document')
    where column_name = 'doc_id'
    group by row_group_id
)

select count(*) - ceil(coalesce(sum(row_count), 0) / 2048) > $after from row_groups
