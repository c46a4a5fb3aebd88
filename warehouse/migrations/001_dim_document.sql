-- One row per distinct document content. doc_id is the sha256 of the file's bytes, so the
-- same content under two names is one document; its names live in document_path.
-- raw_text is kept so that every fact's quote can be checked against its offsets in SQL.
create table if not exists dim_document (
    doc_id              varchar primary key,
    doc                 varchar not null,   -- base name of the first path seen
    path                varchar not null,   -- first path seen; all paths are in document_path
    title               varchar,
    region              varchar,
    region_code         varchar,
    year                integer,
    report_type         varchar,
    encoding            varchar,
    source_format       varchar,
    n_chars             integer,
    raw_text            varchar not null,
    extractor_version   varchar,
    first_loaded_run    varchar not null,
    loaded_at           timestamp not null
);
