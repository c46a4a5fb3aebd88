-- Quarantine rows of a document are replaced on reload, like its facts, so a rerun of the
-- same load adds nothing: those of every document of `incoming_documents` go first.
delete from quarantine
where doc_id in (
    select doc_id
    from incoming_documents
)
