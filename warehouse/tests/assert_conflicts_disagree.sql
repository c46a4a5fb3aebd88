-- Every figure v_conflicts lists has at least two different values among its documents, and
-- exactly one of them is the source the other views use.
select region_key, indicator, measure, period, year, kind
from v_conflicts
group by region_key, indicator, measure, period, year, kind
having count(distinct value_base) < 2
    or count(*) filter (where is_latest) <> 1
