-- A band the queue cannot place.
update fct_indicator_value set confidence = 'certain'
where fact_id = (select min(fact_id) from fct_indicator_value);
