update fct_indicator_value set quote = '出口总值比“八五”增长49.6%'
where fact_id = (select min(fact_id) from fct_indicator_value where measure = 'growth');
