-- An in-memory database, private to one publish, where each view of the warehouse becomes a
-- table of its rows (warehouse.view_rows): the views' Parquet files are written from it. Under
-- the publish's memory limit it spills to the temporary folder like any other buffer. Its
-- schemas are the warehouse's: `main`, and `intermediate` for the views the others are built on.
attach ':memory:' as view_rows;
create schema view_rows.intermediate
