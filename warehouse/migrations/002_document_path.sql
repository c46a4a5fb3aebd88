-- Every path a document was seen under. A path has at most one current version: when its
-- bytes change, the new sha256 gets a current row and the old row is kept with is_current = false.
create table if not exists document_path (
    path            varchar not null,
    doc             varchar not null,   -- base name of path: the `doc` key analysts see
    doc_id          varchar not null references dim_document (doc_id),
    first_seen_at   timestamp not null,
    last_seen_at    timestamp not null,
    first_seen_run  varchar not null,
    last_seen_run   varchar not null,
    is_current      boolean not null,
    primary key (path, doc_id)
);
