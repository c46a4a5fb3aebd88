update fct_indicator_value set kind = 'actual', quote = '进出口贸易总额安排为一百一十亿元'
where fact_id = (select min(fact_id) from fct_indicator_value);
