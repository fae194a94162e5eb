-- Each article's IPTC topics in rank order, with label and score.
create or replace view v_article_topic as
select
    bridge_article_topic.article_id,
    dim_topic.scheme,
    dim_topic.code as topic_code,
    dim_topic.label as topic_label,
    bridge_article_topic.score,
    bridge_article_topic.rank,
    bridge_article_topic.evidence,
    fact_article.published_date,
    fact_article.source_key,
from bridge_article_topic
inner join dim_topic on bridge_article_topic.topic_key = dim_topic.topic_key
inner join fact_article on bridge_article_topic.article_id = fact_article.article_id;

comment on view v_article_topic is 'Each article''s topics in rank order, with code, label, score and evidence.';
comment on column v_article_topic.topic_code is 'Topic code within its scheme, e.g. medtop:16000000.';
comment on column v_article_topic.topic_label is 'Topic label, e.g. conflict, war and peace.';
