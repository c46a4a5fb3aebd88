-- A plan is no result: no actual whose quote holds a plan's word (计划, 安排, 要增长 …), unless
-- a result's word follows it (计划投资实际完成 …). The planned economy's reports wrote their goals
-- so ("工业总产值计划达到…", "进出口贸易总额安排为…"), and they were once loaded as results.
select fact_id, kind, quote
from fct_indicator_value
where kind = 'actual'
  and regexp_matches(quote, '(计划|安排|(^|[^主重需只])要(增长|达到|完成|实现|提高|降低|比|在))')
  and not regexp_matches(quote, '计划单列|计划生育|五年计划|(计划|安排|要)[^,，;；。]*(实际|已经|超额|完成了|实现了)')
