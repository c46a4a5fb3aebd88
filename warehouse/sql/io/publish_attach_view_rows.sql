-- An in-memory database, private to one publish, where each view of the warehouse becomes a
-- table of its rows (warehouse.view_rows): the views' Parquet files are written from it. Under
-- the publish's memory limit it spills to the temporary folder like any other buffer.
attach ':memory:' as view_rows
