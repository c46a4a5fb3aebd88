-- A documents view that joined document_path instead of aggregating it: a document once per
-- path, and a superseded path among the current ones.
create temp table v_documents as
select * from main.v_documents
union all
select * replace (list_append(current_paths, '/corpus/superseded.txt') as current_paths)
from main.v_documents;
