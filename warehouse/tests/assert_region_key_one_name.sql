-- A region key (adcode, else name) names one region: two names under one code would split
-- or merge a region's figures in every view that groups by it.
select region_key, list(distinct region order by region) as names
from fct_indicator_value
group by region_key
having count(distinct region) > 1
