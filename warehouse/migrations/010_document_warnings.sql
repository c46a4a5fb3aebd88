-- A document that loaded but not whole, said per file: "PDF pages 2–4 have no text layer",
-- "skipped 3 files by extension". Unlike ingest_errors, the document (if any) did load.
create table if not exists document_warnings (
    run_id      varchar not null,
    path        varchar not null,
    sha256      varchar,            -- null when the warning is about a file never read
    stage       varchar not null,   -- ingest, decode, clean, extract, validate, load
    message     varchar not null,
    created_at  timestamp not null
);
