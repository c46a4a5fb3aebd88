-- Files that could not be read, decoded or extracted; sha256 is null when the bytes were
-- never read.
create table if not exists ingest_errors (
    run_id       varchar not null,
    path         varchar not null,
    sha256       varchar,
    stage        varchar not null,
    error_class  varchar not null,
    message      varchar not null,
    created_at   timestamp not null
);
