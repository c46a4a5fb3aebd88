-- The cube holds one value per indicator × measure × region × year × period.
select indicator, measure, region_key, year, period, count(*) as n
from v_cube
group by indicator, measure, region_key, year, period
having count(*) > 1
