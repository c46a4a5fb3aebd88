-- Report: facts and documents by region, the 30 regions with most facts.
select
    region,
    count(*) as facts,
    count(distinct doc_id) as documents
from v_facts
group by region
order by facts desc, region
limit 30
