-- Question: what share of each source's articles carries each top-level IPTC topic?
select
    v_topic_share_source.source_name,
    v_topic_share_source.topic_code,
    v_topic_share_source.topic_label as topic,
    v_topic_share_source.articles,
    v_topic_share_source.source_articles,
    v_topic_share_source.share,
from v_topic_share_source
inner join dim_topic
    on v_topic_share_source.topic_code = dim_topic.code
    and v_topic_share_source.scheme = dim_topic.scheme
where v_topic_share_source.scheme = 'iptc'
    and dim_topic.level = 1
order by v_topic_share_source.source_name, v_topic_share_source.share desc, topic
