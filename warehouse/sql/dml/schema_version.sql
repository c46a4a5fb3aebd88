-- One row per migration (`warehouse/migrations/NNN_<what>.sql`) applied to this file, so each
-- runs once and a reader can tell a warehouse written by an older gwr. `sha256` is the
-- migration's text as applied: an edited migration is a bug the runner reports.
create table if not exists schema_version (
    version     integer primary key,
    name        varchar not null,
    sha256      varchar not null,
    applied_at  timestamp not null
);
