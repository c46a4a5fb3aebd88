-- Region codes of a batch's facts that dim_region does not hold yet: loading a document adds
-- them, which can change how a later document's region names resolve (see warehouse.loads).
with

codes as (
    select distinct unnest(cast($codes as varchar[])) as code
)

select code
from codes
where code not in (
    select region_key
    from dim_region
)
