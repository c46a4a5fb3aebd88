-- A reviewer's decisions on facts (`gwr review`, `gwr review import`): accept, reject, edit or
-- add. A decision names its figure by the document's sha256 and the raw span of the quote, not
-- by a fact row, so that it outlives every reload of the document (a rerun, a re-extraction
-- after an extractor upgrade, the same content under another path); the views apply the latest
-- decision of each figure (intermediate.int_reviewed_facts). Rows are only ever added: the
-- table is the history. No foreign key to dim_document: a data test checks it, so that the
-- loader's upserts of documents never trip over a decision.
create table if not exists review_decision (
    decision_id         varchar primary key,
    figure_id           varchar not null,
    doc_id              varchar not null,
    raw_start           integer not null,
    raw_end             integer not null,
    quote               varchar not null,
    figure_indicator    varchar not null,
    action              varchar not null check (action in ('accept', 'reject', 'edit', 'add')),
    changed             varchar not null,
    region              varchar,
    region_key          varchar,
    region_code         varchar,
    year                integer,
    period              varchar,
    indicator           varchar,
    measure             varchar check (measure in ('level', 'growth', 'share', 'pp_change')),
    kind                varchar check (kind in ('actual', 'target', 'forecast')),
    value               double,
    value_high          double,
    unit                varchar,
    value_base          double,
    base_unit           varchar,
    qualifier           varchar check (qualifier in ('eq', 'ge', 'le', 'approx')),
    sentence            varchar,
    sentence_raw_start  integer,
    sentence_raw_end    integer,
    note                varchar,
    reviewer            varchar not null,
    decided_at          timestamp not null,
    via                 varchar not null check (via in ('browser', 'import'))
);
