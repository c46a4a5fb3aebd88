-- A path holds one set of bytes at a time.
select path, count(*) as n_current
from document_path
where is_current
group by path
having count(*) > 1
