-- Report: an indicator's Chinese name, for the series chart's axis when it has no series.
select name_zh
from dim_indicator
where code = $indicator
