-- Fill dim_date so it covers every day from the earliest to the latest loaded publication date.
-- Only the days it lacks are inserted: conflicting rows made `insert or ignore` of the whole range
-- cost 0.1 s per run on a warehouse that already held the 4,018 days of its articles.
insert or ignore into dim_date
with
date_range as (
    select
        min(fact_article.published_date) as first_date,
        max(fact_article.published_date) as last_date,
    from fact_article
    where fact_article.published_date is not null
),

days as (
    select cast(unnest(generate_series(date_range.first_date, date_range.last_date, interval 1 day)) as date) as day_date,
    from date_range
    where date_range.first_date is not null
)

select
    cast(strftime(days.day_date, '%Y%m%d') as integer) as date_key,
    days.day_date as date,
    year(days.day_date) as year,
    quarter(days.day_date) as quarter,
    month(days.day_date) as month,
    monthname(days.day_date) as month_name,
    day(days.day_date) as day,
    isodow(days.day_date) as day_of_week,
    dayname(days.day_date) as day_name,
    weekofyear(days.day_date) as iso_week,
    isodow(days.day_date) >= 6 as is_weekend,
from days
where days.day_date not in (select dim_date.date from dim_date)
