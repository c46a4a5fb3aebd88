-- gwr review's queue: the facts of current documents that match the filters (each parameter
-- null for "any"), least confident first (low, not rated, medium, high), with the sentence cut
-- around the figure from the raw text; one page of them ($limit from $offset) of those in the
-- asked $status (todo, reviewed, all), and on every row the counts of the whole filter. One row
-- of counts alone (fact_id null) when the page is empty.
with

facts as (
    select * from intermediate.int_reviewed_facts
),

documents as (
    select * from dim_document
),

named as (
    select doc_id, any_value(doc) as doc from v_facts
    group by doc_id
),

current_documents as (
    select distinct doc_id from document_path
    where is_current
),

conflicts as (
    select distinct region_key, indicator, measure, period, year, kind from v_conflicts
),

indicators as (
    select * from dim_indicator
),

filtered as (
    select
        facts.*,
        exists (
            select 1 from conflicts
            where conflicts.region_key = facts.region_key and conflicts.indicator = facts.indicator
                and conflicts.measure = facts.measure and conflicts.period = facts.period
                and conflicts.year = facts.year and conflicts.kind = facts.kind
        ) as in_conflict
    from facts
    inner join current_documents on current_documents.doc_id = facts.doc_id
    where ($region is null or facts.region = $region)
        and ($indicator is null or facts.indicator = $indicator)
        and ($year is null or facts.year = $year)
        and ($kind is null or facts.kind = $kind)
        and ($doc_id is null or facts.doc_id = $doc_id)
        and ($confidence is null or coalesce(facts.confidence, 'unrated') = $confidence)
),

matching as (
    select * from filtered
    where not coalesce($conflict, false) or in_conflict
),

counts as (
    select
        count(*) as n_total,
        count(*) filter (where reviewed) as n_reviewed
    from matching
),

page as (
    select
        matching.fact_id,
        matching.figure_id,
        matching.doc_id,
        named.doc,
        matching.region,
        matching.region_key,
        matching.year,
        matching.period,
        matching.indicator,
        indicators.name_zh as indicator_name_zh,
        matching.measure,
        matching.kind,
        matching.value,
        matching.value_high,
        matching.unit,
        matching.qualifier,
        matching.quote,
        matching.raw_start,
        matching.raw_end,
        matching.confidence,
        matching.reviewed,
        matching.review,
        matching.review_note,
        matching.is_added,
        matching.extracted_value,
        matching.review_changed,
        matching.in_conflict,
        substr(documents.raw_text, matching.sentence_raw_start + 1,
               greatest(matching.raw_start - matching.sentence_raw_start, 0)) as before_quote,
        substr(documents.raw_text, matching.raw_end + 1,
               greatest(matching.sentence_raw_end - matching.raw_end, 0)) as after_quote
    from matching
    inner join documents on documents.doc_id = matching.doc_id
    left join named on named.doc_id = matching.doc_id
    left join indicators on indicators.code = matching.indicator
    where $status = 'all' or ($status = 'reviewed') = matching.reviewed
    order by
        case matching.confidence when 'low' then 0 when 'medium' then 2 when 'high' then 3 else 1 end,
        named.doc,
        matching.raw_start,
        matching.fact_id
    limit $limit offset $offset
),

final as (
    select
        counts.n_total,
        counts.n_reviewed,
        page.*
    from counts
    left join page on true
)

select * from final
order by
    case confidence when 'low' then 0 when 'medium' then 2 when 'high' then 3 else 1 end,
    doc,
    raw_start,
    fact_id
