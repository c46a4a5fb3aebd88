update fct_indicator_value set year = 2099
where fact_id = (select min(fact_id) from fct_indicator_value);
