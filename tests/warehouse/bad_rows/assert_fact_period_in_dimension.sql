update fct_indicator_value set period = 'Q5'
where fact_id = (select min(fact_id) from fct_indicator_value);
