-- Ranges run low to high, and the base value, when given, comes with its base unit.
select fact_id, value, value_high, value_base, base_unit
from fct_indicator_value
where (value_high is not null and value_high < value)
    or (value_base is not null and base_unit is null)
    or not isfinite(value)
