-- One row per extracted indicator figure. fact_id is a hash of the fact's natural key plus
-- its raw offsets, so re-extracting the same document yields the same ids (see
-- dml_insert_facts.sql). Indicator, period and region are checked by data tests rather than
-- foreign keys so that a lexicon change never blocks a load; the document is a real FK
-- because a fact without its source text is unverifiable.
create table if not exists fct_indicator_value (
    fact_id             varchar primary key,
    doc_id              varchar not null references dim_document (doc_id),
    region              varchar not null,
    region_key          varchar not null,
    region_code         varchar,
    year                integer not null,
    period              varchar not null,
    indicator           varchar not null,
    measure             varchar not null check (measure in ('level', 'growth', 'share', 'pp_change')),
    kind                varchar not null check (kind in ('actual', 'target', 'forecast')),
    value               double not null,
    value_high          double,
    unit                varchar not null,
    value_base          double,
    base_unit           varchar,
    qualifier           varchar not null check (qualifier in ('eq', 'ge', 'le', 'approx')),
    wording             varchar not null check (wording in ('hard', 'soft', 'none')),
    quote               varchar not null,
    sentence            varchar not null,
    raw_start           integer not null,
    raw_end             integer not null,
    sentence_raw_start  integer not null,
    sentence_raw_end    integer not null,
    extractor_version   varchar,
    run_id              varchar not null,
    loaded_at           timestamp not null
);
