-- A change over a five-year plan's period is no year's growth: no growth whose quote compares
-- with a plan's period (比“八五”增长) or counts the years of its change (五年下降21%, 年均增长).
select fact_id, year, quote
from fct_indicator_value
where measure = 'growth'
  and regexp_matches(
      quote,
      '[比较][“"]?(十[一二三四五六七八九]?|[六七八九])五[”"]?|(^|[^0-9〇零一二三四五六七八九十百])([两三四五六七八九十]|[0-9]{1,2})年(增长|下降|提高|降低|增加|减少)|年均|五年来|五年累计'
  )
