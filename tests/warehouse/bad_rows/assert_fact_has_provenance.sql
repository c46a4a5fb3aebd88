update fct_indicator_value set raw_start = raw_start + 1
where fact_id = (select min(fact_id) from fct_indicator_value);
