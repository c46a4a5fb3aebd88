-- Loading a document replaces all of its facts, which makes a reload idempotent: the facts
-- of every document of `incoming_documents` go before its new ones are inserted.
delete from fct_indicator_value
where doc_id in (
    select doc_id
    from incoming_documents
)
