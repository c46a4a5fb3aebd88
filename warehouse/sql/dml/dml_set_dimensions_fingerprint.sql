-- One row: the fingerprint of the knowledge the dimensions were just synced from.
delete from dimension_sync;
insert into dimension_sync (fingerprint, synced_at) values ($fingerprint, $now)
