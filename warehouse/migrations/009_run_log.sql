-- One row per pipeline run; status is 'running' until finish_run sets the outcome, so a run
-- that died (kill -9) stays visible as 'running' with no finished_at.
create table if not exists run_log (
    run_id            varchar primary key,
    flow_run_id       varchar,
    started_at        timestamp not null,
    finished_at       timestamp,
    status            varchar not null,
    params            json,
    docs_seen         integer,
    docs_new          integer,
    docs_unchanged    integer,
    docs_changed      integer,
    docs_duplicate    integer,   -- same bytes as a document already loaded, under a new name
    docs_failed       integer,
    facts_loaded      integer,
    rows_quarantined  integer,
    seconds           double
);

-- Added after the first warehouses were built; `create table if not exists` leaves an
-- existing table as it was, so older files get the column here.
alter table run_log add column if not exists docs_duplicate integer;
