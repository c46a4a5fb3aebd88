-- The temp table writer_incoming_paths made, once its statements have read it.
drop table if exists temp.incoming_paths
