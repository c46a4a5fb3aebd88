-- Report: current documents with their fact counts, most facts first.
select doc, region, year, report_type, n_facts
from v_documents
where is_current
order by n_facts desc, doc
