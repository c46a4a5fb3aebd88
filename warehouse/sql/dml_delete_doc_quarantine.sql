-- Quarantine rows of a document are replaced on reload, like its facts, so a rerun of the
-- same load adds nothing.
delete from quarantine
where doc_id = $doc_id
