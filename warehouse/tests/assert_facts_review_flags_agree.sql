-- v_facts says what a review did to each fact, consistently: a rejected fact is not there, a
-- fact with a decision in force is `reviewed` and names it, and the extracted value stands
-- beside a reviewed fact's only where it differs.
with

facts as (
    select * from v_facts
),

final as (
    select fact_id, reviewed, review, value, extracted_value
    from facts
    where review = 'reject'
        or reviewed is null
        or reviewed <> (review is not null)
        or (extracted_value is not null and (not reviewed or extracted_value = value))
)

select * from final
