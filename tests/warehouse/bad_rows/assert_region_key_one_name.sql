update fct_indicator_value set region = '万州'
where fact_id = (select min(fact_id) from fct_indicator_value);
