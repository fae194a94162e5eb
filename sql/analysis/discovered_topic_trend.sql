-- Question: how many articles per month have each discovered topic as their main topic?
select
    v_topic_share_month.published_month,
    v_topic_share_month.topic_code,
    v_topic_share_month.topic_label as topic,
    v_topic_share_month.articles,
    v_topic_share_month.month_articles,
    v_topic_share_month.share,
from v_topic_share_month
where v_topic_share_month.scheme = 'discovered'
order by v_topic_share_month.published_month, v_topic_share_month.articles desc, v_topic_share_month.topic_code
