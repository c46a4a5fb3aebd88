select facts.fact_id, facts.region_key
from fct_indicator_value as facts
left join dim_region as regions on regions.region_key = facts.region_key
where regions.region_key is null
