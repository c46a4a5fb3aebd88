-- Every row of v_revisions sets a figure's first statement (from its year on) beside a final one
-- from another, later document (a later report year, or the same year's result replacing a
-- 预计 estimate), once per figure, and its revision is the difference.
with

revisions as (
    select
        *,
        count(*) over (partition by region_key, indicator, measure, period, year) as n_rows
    from v_revisions
)

select region_key, indicator, measure, period, year, first_doc, final_doc
from revisions
where first_doc = final_doc
    or first_report_year < year
    or final_report_year < first_report_year
    or (final_report_year = first_report_year and not first_is_forecast)
    or revision is distinct from round(final_in_first_unit - first_value, 6)
    or n_rows > 1
