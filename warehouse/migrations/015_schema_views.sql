-- The fingerprint of the views and column descriptions the file holds (sha256 of their
-- definitions), so the writer re-creates them only when this gwr's differ, not on every open.
create table if not exists schema_views (
    fingerprint  varchar not null,
    applied_at   timestamp not null
);
