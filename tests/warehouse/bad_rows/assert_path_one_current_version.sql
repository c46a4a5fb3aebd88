insert into dim_document
select * replace ('other-' || doc_id as doc_id)
from dim_document
limit 1;
insert into document_path
select * replace ('other-' || doc_id as doc_id)
from document_path
limit 1;
