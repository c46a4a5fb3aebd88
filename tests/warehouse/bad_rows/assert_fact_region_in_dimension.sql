update fct_indicator_value set region_key = 'nowhere'
where fact_id = (select min(fact_id) from fct_indicator_value);
