-- Internal: the facts as reviewed, what v_facts and through it every view reads. Each extracted
-- fact takes the decision in force on its figure (int_latest_decisions): a rejected one is kept
-- here with review = 'reject' (v_facts leaves it out), an edited one takes the fields the
-- reviewer changed and keeps the rest of its extraction. A decision finds its figure again by
-- the document's sha256 and the quote's raw span, so it survives reloads: the same fact
-- (fact_id) first, else a fact on the span with the figure's indicator, else the one fact on the
-- span (a re-extraction that corrected the indicator, the year, ...). A decision (not a
-- rejection) whose figure the extractor no longer yields stands as an added fact, when its
-- document is loaded and its text at the span is the quote (decision_span, decided once: a
-- document's text never changes); v_review_decisions says what became of each.
create schema if not exists intermediate;

create or replace view intermediate.int_reviewed_facts as
with

facts as (
    select * from main.fct_indicator_value
),

decisions as (
    select * from intermediate.int_latest_decisions
),

spans as (
    select * from main.decision_span
),

candidates as (
    select
        facts.fact_id,
        decisions.decision_id,
        decisions.decided_at,
        case
            when facts.fact_id = decisions.figure_id then 3
            when facts.indicator = decisions.figure_indicator then 2
            else 1
        end as score,
        count(*) over (partition by decisions.decision_id) as n_on_span
    from decisions
    inner join facts
        on facts.doc_id = decisions.doc_id
        and facts.raw_start = decisions.raw_start
        and facts.raw_end = decisions.raw_end
),

-- Each fact takes its best-matching decision (the latest among equals) ...
won as (
    select * from candidates
    where score > 1 or n_on_span = 1
    qualify row_number() over (partition by fact_id order by score desc, decided_at desc, decision_id desc) = 1
),

-- ... and a decision applies to one fact at most.
attached as (
    select * from won
    qualify row_number() over (partition by decision_id order by score desc, fact_id) = 1
),

extracted as (
    select
        facts.fact_id,
        coalesce(decisions.figure_id, facts.fact_id) as figure_id,
        coalesce(decisions.figure_indicator, facts.indicator) as figure_indicator,
        facts.doc_id,
        case when list_contains(decisions.changes, 'region') then decisions.region
            else facts.region end as region,
        case when list_contains(decisions.changes, 'region') then decisions.region_key
            else facts.region_key end as region_key,
        case when list_contains(decisions.changes, 'region') then decisions.region_code
            else facts.region_code end as region_code,
        case when list_contains(decisions.changes, 'year') then decisions.year
            else facts.year end as year,
        case when list_contains(decisions.changes, 'period') then decisions.period
            else facts.period end as period,
        case when list_contains(decisions.changes, 'indicator') then decisions.indicator
            else facts.indicator end as indicator,
        case when list_contains(decisions.changes, 'measure') then decisions.measure
            else facts.measure end as measure,
        case when list_contains(decisions.changes, 'kind') then decisions.kind
            else facts.kind end as kind,
        case when list_contains(decisions.changes, 'value') then decisions.value
            else facts.value end as value,
        case when list_contains(decisions.changes, 'value_high') then decisions.value_high
            else facts.value_high end as value_high,
        case when list_contains(decisions.changes, 'unit') then decisions.unit
            else facts.unit end as unit,
        -- The base value follows the value and the unit: the decision's, computed when it was made.
        case when list_contains(decisions.changes, 'value') or list_contains(decisions.changes, 'unit')
            then decisions.value_base else facts.value_base end as value_base,
        case when list_contains(decisions.changes, 'unit') then decisions.base_unit
            else facts.base_unit end as base_unit,
        case when list_contains(decisions.changes, 'qualifier') then decisions.qualifier
            else facts.qualifier end as qualifier,
        facts.wording,
        facts.quote,
        facts.sentence,
        facts.raw_start,
        facts.raw_end,
        facts.sentence_raw_start,
        facts.sentence_raw_end,
        facts.extractor_version,
        facts.loaded_at,
        facts.confidence,
        decisions.decision_id is not null as reviewed,
        decisions.action as review,
        false as is_added,
        decisions.decision_id,
        decisions.note as review_note,
        facts.value as extracted_value_as_extracted,
        -- What a review changed, each field with its extracted value (for Excel readers).
        nullif(concat_ws(', ',
            case when list_contains(decisions.changes, 'region')
                and decisions.region is distinct from facts.region then 'region=' || facts.region end,
            case when list_contains(decisions.changes, 'year')
                and decisions.year is distinct from facts.year then 'year=' || facts.year end,
            case when list_contains(decisions.changes, 'period')
                and decisions.period is distinct from facts.period then 'period=' || facts.period end,
            case when list_contains(decisions.changes, 'indicator')
                and decisions.indicator is distinct from facts.indicator then 'indicator=' || facts.indicator end,
            case when list_contains(decisions.changes, 'measure')
                and decisions.measure is distinct from facts.measure then 'measure=' || facts.measure end,
            case when list_contains(decisions.changes, 'kind')
                and decisions.kind is distinct from facts.kind then 'kind=' || facts.kind end,
            case when list_contains(decisions.changes, 'value')
                and decisions.value is distinct from facts.value then 'value=' || facts.value end,
            case when list_contains(decisions.changes, 'value_high')
                and decisions.value_high is distinct from facts.value_high
                then 'value_high=' || coalesce(cast(facts.value_high as varchar), '') end,
            case when list_contains(decisions.changes, 'unit')
                and decisions.unit is distinct from facts.unit then 'unit=' || facts.unit end,
            case when list_contains(decisions.changes, 'qualifier')
                and decisions.qualifier is distinct from facts.qualifier then 'qualifier=' || facts.qualifier end
        ), '') as review_changed
    from facts
    left join attached on attached.fact_id = facts.fact_id
    left join decisions on decisions.decision_id = attached.decision_id
),

-- A decision that found no fact: its figure is no longer extracted. Unless it rejected the
-- figure, it stands as an added fact while the text at its span is still its quote.
added as (
    select
        decisions.figure_id as fact_id,
        decisions.figure_id,
        decisions.figure_indicator,
        decisions.doc_id,
        decisions.region,
        decisions.region_key,
        decisions.region_code,
        decisions.year,
        decisions.period,
        decisions.indicator,
        decisions.measure,
        decisions.kind,
        decisions.value,
        decisions.value_high,
        decisions.unit,
        decisions.value_base,
        decisions.base_unit,
        decisions.qualifier,
        'none' as wording,
        decisions.quote,
        decisions.sentence,
        decisions.raw_start,
        decisions.raw_end,
        decisions.sentence_raw_start,
        decisions.sentence_raw_end,
        cast(null as varchar) as extractor_version,
        decisions.decided_at as loaded_at,
        cast(null as varchar) as confidence,
        true as reviewed,
        'add' as review,
        true as is_added,
        decisions.decision_id,
        decisions.note as review_note,
        cast(null as double) as extracted_value_as_extracted,
        cast(null as varchar) as review_changed
    from decisions
    inner join spans on spans.decision_id = decisions.decision_id
    where decisions.action <> 'reject'
        and decisions.decision_id not in (select attached.decision_id from attached)
        and spans.span_found
),

combined as (
    select * from extracted
    union all
    select * from added
),

final as (
    select
        * exclude (extracted_value_as_extracted),
        -- The extractor's value beside the corrected one, where a review changed it.
        case when reviewed and not is_added and extracted_value_as_extracted is distinct from value
            then extracted_value_as_extracted end as extracted_value
    from combined
)

select * from final
