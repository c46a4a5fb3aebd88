-- One row: the fingerprint of the views and comments just installed.
delete from schema_views;
insert into schema_views (fingerprint, applied_at) values ($fingerprint, $now)
