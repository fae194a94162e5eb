-- Question: which articles have a publication date that needs review, and why?
select
    fact_article.title,
    fact_article.source_file,
    fact_article.date_flag,
    fact_article.date_note,
    fact_article.published_date,
    fact_article.date_source,
from fact_article
where fact_article.date_flag is not null
order by fact_article.date_flag, fact_article.source_file
