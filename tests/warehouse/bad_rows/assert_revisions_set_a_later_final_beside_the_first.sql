-- A pairing that took an earlier report's figure for the final one.
create temp table v_revisions as
select * from main.v_revisions
union all by name
select
    '500101' as region_key, 'gdp' as indicator, 'growth' as measure, 'FY' as period, 2023 as year,
    false as first_is_forecast, 6.9 as first_value, '%' as first_unit, '000.txt' as first_doc,
    2025 as first_report_year, 6.8 as final_value, '%' as final_unit, '001.txt' as final_doc,
    2024 as final_report_year, 6.8 as final_in_first_unit, -0.1 as revision;
