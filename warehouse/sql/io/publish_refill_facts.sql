-- The snapshot's fact table, created again with its foreign keys, filled from the warehouse
-- (attached as `gwr` by publish_attach_warehouse); DuckDB checks every key as the rows go in.
insert into main.fct_indicator_value by name
select * from gwr.main.fct_indicator_value
