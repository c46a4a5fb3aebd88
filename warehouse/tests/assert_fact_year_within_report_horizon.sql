-- A report speaks of the years around it: no figure is for a year more than 15 years after
-- its report's year (a five-year plan's 2035 vision is the furthest a report looks ahead).
select facts.fact_id, facts.year, documents.year as report_year
from fct_indicator_value as facts
inner join dim_document as documents on documents.doc_id = facts.doc_id
where facts.year > documents.year + 15
