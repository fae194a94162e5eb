create table if not exists dim_date (
    date_key integer primary key,
    date date not null unique,
    year integer not null,
    quarter integer not null,
    month integer not null,
    month_name varchar not null,
    day integer not null,
    day_of_week integer not null,
    day_name varchar not null,
    iso_week integer not null,
    is_weekend boolean not null,
);

comment on table dim_date is 'Calendar days covering every loaded publication date (no gaps between the first and the last).';
comment on column dim_date.date_key is 'The day as the integer yyyymmdd; fact_article.date_key joins here.';
comment on column dim_date.date is 'The calendar day.';
comment on column dim_date.year is 'Calendar year.';
comment on column dim_date.quarter is 'Calendar quarter, 1 to 4.';
comment on column dim_date.month is 'Month number, 1 to 12.';
comment on column dim_date.month_name is 'English month name, e.g. June.';
comment on column dim_date.day is 'Day of the month, 1 to 31.';
comment on column dim_date.day_of_week is 'ISO day of the week: 1 = Monday to 7 = Sunday.';
comment on column dim_date.day_name is 'English weekday name, e.g. Monday.';
comment on column dim_date.iso_week is 'ISO 8601 week number, 1 to 53.';
comment on column dim_date.is_weekend is 'True on Saturday and Sunday.';
