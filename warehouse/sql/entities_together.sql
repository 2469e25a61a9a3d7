-- Entities mentioned together: pairs of entities named in the same articles, most frequent first.
SELECT x.name AS entity,
       y.name AS mentioned_with,
       count(*) AS articles,
       max(a.published_date) AS last_together
FROM entities AS x
JOIN entities AS y ON y.article_id = x.article_id AND y.entity_id > x.entity_id
JOIN articles AS a ON a.article_id = x.article_id
GROUP BY x.entity_id, y.entity_id, x.name, y.name
ORDER BY articles DESC, last_together DESC, entity, mentioned_with
LIMIT 25;
