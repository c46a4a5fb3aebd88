-- Work reports that set targets for their year but no GDP growth target: the reports that
-- dropped the headline figure (全国 2020; provinces since), or whose GDP target the extractor
-- missed, for the researcher to tell apart. A report "sets targets" when it states at least one
-- target for its own region and year (its plan section); one that states none is not here.
-- One row per current work report, with what it does set instead and what happened.
create or replace view v_targets_absent as
with

documents as (
    select * from v_documents
    where report_type = 'work_report' and is_current
),

facts as (
    select * from v_facts
),

targets as (
    select * from intermediate.int_latest_targets
),

results as (
    select * from intermediate.int_latest_results
),

-- The targets each report sets for its own region (by code, else by name, as facts are keyed) and year.
own_targets as (
    select
        documents.doc_id,
        count(*) as n_targets,
        list(distinct facts.indicator_name_zh order by facts.indicator_name_zh) as target_indicators,
        bool_or(facts.indicator = 'gdp' and facts.measure = 'growth') as sets_gdp_growth,
        list(facts.quote order by facts.raw_start) filter (where facts.indicator = 'gdp') as gdp_target_quotes
    from documents
    inner join facts
        on facts.doc_id = documents.doc_id
        and facts.kind = 'target'
        and facts.year = documents.year
        and facts.region_key = coalesce(documents.region_code, documents.region)
    group by documents.doc_id
),

final as (
    select
        documents.doc,
        documents.region,
        documents.region_code,
        documents.year,
        own_targets.n_targets,
        own_targets.target_indicators,
        own_targets.gdp_target_quotes,
        elsewhere.value as gdp_growth_target_elsewhere,
        elsewhere.doc as gdp_growth_target_doc,
        result.value as gdp_growth_result,
        result.is_estimate as gdp_growth_result_is_estimate,
        documents.doc_id,
        coalesce(documents.region_code, documents.region) as region_key
    from documents
    inner join own_targets on own_targets.doc_id = documents.doc_id
    left join targets as elsewhere
        on elsewhere.region_key = coalesce(documents.region_code, documents.region)
        and elsewhere.indicator = 'gdp' and elsewhere.measure = 'growth'
        and elsewhere.period = 'FY' and elsewhere.year = documents.year
    left join results as result
        on result.region_key = coalesce(documents.region_code, documents.region)
        and result.indicator = 'gdp' and result.measure = 'growth'
        and result.period = 'FY' and result.year = documents.year
    where not own_targets.sets_gdp_growth
)

select * from final
