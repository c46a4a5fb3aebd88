select facts.fact_id, facts.period
from fct_indicator_value as facts
left join dim_period as periods on periods.period = facts.period
where periods.period is null
