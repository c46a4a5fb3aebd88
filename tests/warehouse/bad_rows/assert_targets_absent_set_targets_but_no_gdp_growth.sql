-- A view that listed a report whose GDP growth target it did not find: 万州区's 2024 report sets 7 %.
create temp table v_targets_absent as
select * from main.v_targets_absent
union all by name
select doc, region, region_code, year, 2 as n_targets, doc_id, region_code as region_key
from main.v_documents
where year = 2024;
