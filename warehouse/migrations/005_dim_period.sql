-- Periods within a year, in months. Seeded here because the set is closed: the whole year,
-- halves, quarters and their cumulative spans, single months and every span of months
-- (M1-M10 = January to October). Re-running inserts nothing new.
create table if not exists dim_period (
    period       varchar primary key,
    label_zh     varchar not null,
    start_month  integer not null,
    end_month    integer not null,
    check (1 <= start_month and start_month <= end_month and end_month <= 12)
);

insert into dim_period
with

months as (
    select
        s.m as start_month,
        e.m as end_month
    from range(1, 13) as s(m)
    cross join range(1, 13) as e(m)
    where s.m <= e.m
),

month_spans as (
    select
        case when start_month = end_month then 'M' || start_month
            else 'M' || start_month || '-M' || end_month end as period,
        case when start_month = end_month then start_month || '月'
            else start_month || '-' || end_month || '月' end as label_zh,
        start_month,
        end_month
    from months
),

quarter_spans as (
    select
        case when s.q = e.q then 'Q' || s.q else 'Q' || s.q || '-Q' || e.q end as period,
        case
            when s.q = e.q then ['一', '二', '三', '四'][s.q] || '季度'
            when s.q = 1 then '前' || ['一', '两', '三', '四'][e.q] || '季度'
            else ['一', '二', '三', '四'][s.q] || '至' || ['一', '二', '三', '四'][e.q] || '季度'
        end as label_zh,
        3 * s.q - 2 as start_month,
        3 * e.q as end_month
    from range(1, 5) as s(q)
    cross join range(1, 5) as e(q)
    where s.q <= e.q
),

named as (
    select * from (
        values
            ('FY', '全年', 1, 12),
            ('H1', '上半年', 1, 6),
            ('H2', '下半年', 7, 12)
    ) as t(period, label_zh, start_month, end_month)
),

final as (
    select * from named
    union all
    select * from quarter_spans
    union all
    select * from month_spans
    -- January alone in the cumulative M1-Mn spelling, so both spellings the extractor may
    -- emit for a January figure have a row.
    union all
    select 'M1-M' || end_month, '1-' || end_month || '月', 1, end_month
    from range(1, 2) as t(end_month)
)

select * from final
on conflict do nothing;
