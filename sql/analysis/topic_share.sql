-- Question: what share of articles carries each IPTC topic among its top three?
select
    dim_topic.label as topic,
    count(*) as articles,
    round(count(*) / (select count(*) from fact_article), 3) as share_of_articles,
from bridge_article_topic
inner join dim_topic on bridge_article_topic.topic_key = dim_topic.topic_key
where bridge_article_topic.rank <= 3
group by dim_topic.label
order by articles desc, topic
