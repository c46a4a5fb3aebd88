-- Rows a schema check rejected, kept whole (row_json) so they can be inspected and replayed.
create table if not exists quarantine (
    run_id        varchar not null,
    doc_id        varchar,
    path          varchar,
    stage         varchar not null,
    check_name    varchar,
    column_name   varchar,
    failure_case  varchar,
    row_json      json,
    created_at    timestamp not null
);
