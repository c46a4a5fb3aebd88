-- The real table's foreign key refuses orphans, so shadow it with a temp copy that has none,
-- as a database written by another tool might.
create temp table fct_indicator_value as select * from main.fct_indicator_value;
update fct_indicator_value set doc_id = 'no-such-document'
where fact_id = (select min(fact_id) from fct_indicator_value);
