-- The warehouse DDL as released at f2ef4ed (before schema versions), file by file, in its
-- DDL_ORDER: tests build a warehouse with it and check that `gwr run` upgrades it in place.

-- warehouse/sql/dim_document.sql
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

-- warehouse/sql/document_path.sql
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

-- warehouse/sql/dim_region.sql
-- Regions by GB/T 2260 adcode when known; multi-jurisdiction areas (成渝地区双城经济圈) and
-- names the lexicon lacks are keyed by name, so no fact is ever left without a region row.
create table if not exists dim_region (
    region_key      varchar primary key,   -- adcode when known, else name
    name            varchar not null,
    adcode          varchar,
    level           varchar,
    parent_adcode   varchar,
    parent_name     varchar
);

-- warehouse/sql/dim_indicator.sql
-- The indicator lexicon as synced by the flow; `scored` marks codes of the acceptance set.
create table if not exists dim_indicator (
    code        varchar primary key,
    name_zh     varchar not null,
    name_en     varchar,
    category    varchar,
    level_unit  varchar,
    scored      boolean not null default false
);

-- warehouse/sql/dim_period.sql
-- Periods within a year, in months. Seeded here because the set is closed: the whole year,
-- halves, quarters and their cumulative spans, single months and every span of months
-- (M1-M10 = January to October). Re-running inserts nothing new.
create table if not exists dim_period (
    period       varchar primary key,
    label_zh     varchar not null,
    start_month  integer not null,
    end_month    integer not null,
    check (1 <= start_month and start_month <= end_month and end_month <= 12)
);

insert into dim_period
with

months as (
    select
        s.m as start_month,
        e.m as end_month
    from range(1, 13) as s(m)
    cross join range(1, 13) as e(m)
    where s.m <= e.m
),

month_spans as (
    select
        case when start_month = end_month then 'M' || start_month
            else 'M' || start_month || '-M' || end_month end as period,
        case when start_month = end_month then start_month || '月'
            else start_month || '-' || end_month || '月' end as label_zh,
        start_month,
        end_month
    from months
),

quarter_spans as (
    select
        case when s.q = e.q then 'Q' || s.q else 'Q' || s.q || '-Q' || e.q end as period,
        case
            when s.q = e.q then ['一', '二', '三', '四'][s.q] || '季度'
            when s.q = 1 then '前' || ['一', '两', '三', '四'][e.q] || '季度'
            else ['一', '二', '三', '四'][s.q] || '至' || ['一', '二', '三', '四'][e.q] || '季度'
        end as label_zh,
        3 * s.q - 2 as start_month,
        3 * e.q as end_month
    from range(1, 5) as s(q)
    cross join range(1, 5) as e(q)
    where s.q <= e.q
),

named as (
    select * from (
        values
            ('FY', '全年', 1, 12),
            ('H1', '上半年', 1, 6),
            ('H2', '下半年', 7, 12)
    ) as t(period, label_zh, start_month, end_month)
),

final as (
    select * from named
    union all
    select * from quarter_spans
    union all
    select * from month_spans
    -- January alone in the cumulative M1-Mn spelling, so both spellings the extractor may
    -- emit for a January figure have a row.
    union all
    select 'M1-M' || end_month, '1-' || end_month || '月', 1, end_month
    from range(1, 2) as t(end_month)
)

select * from final
on conflict do nothing;

-- warehouse/sql/fct_indicator_value.sql
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

-- warehouse/sql/quarantine.sql
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

-- warehouse/sql/ingest_errors.sql
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

-- warehouse/sql/run_log.sql
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

-- warehouse/sql/v_facts.sql
-- The flat fact table analysts and the export read: one row per fact of a current document,
-- with the acceptance-set fields first. Duplicate content under two names is reported once,
-- under the name it was first loaded as while that name is current, else its first current
-- name in path order, so figures are never double counted.
create or replace view v_facts as
with

facts as (
    select * from fct_indicator_value
),

documents as (
    select * from dim_document
),

paths as (
    select * from document_path
),

indicators as (
    select * from dim_indicator
),

current_path as (
    select
        paths.doc_id,
        paths.doc,
        paths.path
    from paths
    inner join documents on documents.doc_id = paths.doc_id
    where paths.is_current
    qualify row_number() over (
        partition by paths.doc_id
        order by (paths.path = documents.path) desc, paths.path
    ) = 1
),

final as (
    select
        current_path.doc,
        facts.region,
        facts.year,
        facts.period,
        facts.indicator,
        facts.measure,
        facts.kind,
        facts.value,
        facts.unit,
        facts.qualifier,
        facts.quote,
        facts.sentence,
        facts.value_high,
        facts.value_base,
        facts.base_unit,
        facts.wording,
        facts.region_code,
        indicators.name_zh as indicator_name_zh,
        documents.report_type,
        facts.doc_id,
        current_path.path,
        facts.raw_start,
        facts.raw_end,
        facts.extractor_version,
        facts.fact_id
    from facts
    inner join current_path on current_path.doc_id = facts.doc_id
    inner join documents on documents.doc_id = facts.doc_id
    left join indicators on indicators.code = facts.indicator
)

select * from final;

-- warehouse/sql/v_target_vs_actual.sql
-- "Did they hit it?": each target beside the actual result for the same region, indicator,
-- measure, period and year, wherever the two were reported (a 2024 report's target, the
-- 2025 report's result). When several reports state the same figure, the one from the latest
-- report wins. `met` is null unless both sides exist in comparable units; an `le` target
-- (控制在…以内) is met at or below its bound, every other qualifier at or above its low end
-- (`approx` targets are judged strictly; analysts wanting a tolerance can use the values).
create or replace view v_target_vs_actual as
with

facts as (
    select * from v_facts
),

documents as (
    select * from dim_document
),

ranked as (
    select
        facts.*,
        row_number() over (
            partition by facts.kind, facts.region, facts.indicator, facts.measure, facts.period, facts.year
            order by documents.year desc nulls last, facts.doc desc, facts.raw_start
        ) as rank_in_key
    from facts
    inner join documents on documents.doc_id = facts.doc_id
),

targets as (
    select
        region,
        indicator,
        measure,
        period,
        year,
        value as target_value,
        value_high as target_value_high,
        unit as target_unit,
        value_base as target_value_base,
        base_unit as target_base_unit,
        qualifier as target_qualifier,
        wording as target_wording,
        doc as target_doc,
        quote as target_quote
    from ranked
    where kind = 'target' and rank_in_key = 1
),

actuals as (
    select
        region,
        indicator,
        measure,
        period,
        year,
        value as actual_value,
        unit as actual_unit,
        value_base as actual_value_base,
        base_unit as actual_base_unit,
        qualifier as actual_qualifier,
        doc as actual_doc,
        quote as actual_quote
    from ranked
    where kind = 'actual' and rank_in_key = 1
),

paired as (
    select
        coalesce(targets.region, actuals.region) as region,
        coalesce(targets.indicator, actuals.indicator) as indicator,
        coalesce(targets.measure, actuals.measure) as measure,
        coalesce(targets.period, actuals.period) as period,
        coalesce(targets.year, actuals.year) as year,
        targets.* exclude (region, indicator, measure, period, year),
        actuals.* exclude (region, indicator, measure, period, year)
    from targets
    full outer join actuals
        on targets.region = actuals.region
        and targets.indicator = actuals.indicator
        and targets.measure = actuals.measure
        and targets.period = actuals.period
        and targets.year = actuals.year
),

-- Compare in the written unit when both sides share it, else in the base unit (亿元 vs 万元).
comparable as (
    select
        *,
        case
            when target_unit = actual_unit then target_value
            when target_base_unit = actual_base_unit then target_value_base
        end as target_cmp,
        case when target_unit = actual_unit then target_value_high end as target_high_cmp,
        case
            when target_unit = actual_unit then actual_value
            when target_base_unit = actual_base_unit then actual_value_base
        end as actual_cmp
    from paired
),

final as (
    select
        region,
        indicator,
        measure,
        period,
        year,
        target_value,
        target_value_high,
        target_unit,
        target_qualifier,
        target_wording,
        actual_value,
        actual_unit,
        actual_qualifier,
        case
            when target_cmp is null or actual_cmp is null then null
            when target_qualifier = 'le' then actual_cmp <= coalesce(target_high_cmp, target_cmp)
            else actual_cmp >= target_cmp
        end as met,
        target_doc,
        target_quote,
        actual_doc,
        actual_quote
    from comparable
)

select * from final;

-- warehouse/sql/v_documents.sql
-- Documents with their current names and fact counts, without the raw text, for a quick
-- "what is loaded" look from `gwr query`.
create or replace view v_documents as
with

documents as (
    select * from dim_document
),

paths as (
    select * from document_path
),

facts as (
    select * from fct_indicator_value
),

names as (
    select
        doc_id,
        list(path order by path) filter (where is_current) as current_paths,
        count(*) filter (where is_current) as n_current_paths,
        max(last_seen_at) as last_seen_at
    from paths
    group by doc_id
),

fact_counts as (
    select
        doc_id,
        count(*) as n_facts
    from facts
    group by doc_id
),

final as (
    select
        documents.doc_id,
        documents.doc,
        documents.title,
        documents.region,
        documents.region_code,
        documents.year,
        documents.report_type,
        documents.encoding,
        documents.source_format,
        documents.n_chars,
        documents.extractor_version,
        coalesce(names.n_current_paths, 0) > 0 as is_current,
        names.current_paths,
        coalesce(fact_counts.n_facts, 0) as n_facts,
        documents.first_loaded_run,
        documents.loaded_at,
        names.last_seen_at
    from documents
    left join names on names.doc_id = documents.doc_id
    left join fact_counts on fact_counts.doc_id = documents.doc_id
)

select * from final;
