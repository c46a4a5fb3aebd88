-- `gwr review export`: one row per fact of v_facts (as reviewed so far), the fields a reviewer
-- may change, the sentence, and the decision columns left empty for the reviewer to fill.
with

facts as (
    select * from v_facts
),

final as (
    select
        fact_id,
        doc,
        region,
        year,
        period,
        indicator,
        indicator_name_zh,
        measure,
        kind,
        value,
        value_high,
        unit,
        qualifier,
        confidence,
        review,
        quote,
        sentence,
        '' as decision,
        '' as note,
        raw_start
    from facts
)

select * from final
order by doc, raw_start, fact_id
