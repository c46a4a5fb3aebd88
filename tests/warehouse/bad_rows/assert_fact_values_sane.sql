update fct_indicator_value set value_high = value - 1
where fact_id = (select min(fact_id) from fct_indicator_value);
