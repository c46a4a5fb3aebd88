-- Every path a document was seen under: their common folder is what exports make paths relative to.
select distinct path
from document_path
