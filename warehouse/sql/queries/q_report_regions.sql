-- Report: facts and documents by region, most facts first (the chart draws the first 30, the
-- table lists them all).
select
    region,
    count(*) as facts,
    count(distinct doc_id) as documents
from v_facts
group by region
order by facts desc, region
