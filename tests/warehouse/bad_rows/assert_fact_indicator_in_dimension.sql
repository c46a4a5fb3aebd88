update fct_indicator_value set indicator = 'not_a_code'
where fact_id = (select min(fact_id) from fct_indicator_value);
