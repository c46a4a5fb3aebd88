-- Facts of a document no current path holds any more (every name it had now has new bytes)
-- would be reported as current by nobody; drop them so the fact table is the current truth.
delete from fct_indicator_value
where doc_id not in (
    select doc_id
    from document_path
    where is_current
)
