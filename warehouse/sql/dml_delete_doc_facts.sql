-- Loading a document replaces all of its facts, which makes a reload idempotent.
delete from fct_indicator_value
where doc_id = $doc_id
