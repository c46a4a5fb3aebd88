-- A second id for the same figure: what a changed fact_id recipe would leave behind.
insert into fct_indicator_value
select * replace (fact_id || '-again' as fact_id)
from fct_indicator_value
where fact_id = (select min(fact_id) from fct_indicator_value);
