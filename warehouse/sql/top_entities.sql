-- Most-mentioned entities: articles naming each entity and its mentions across them.
SELECT name, label, count(DISTINCT article_id) AS articles, sum(mention_count) AS mentions
FROM entities
GROUP BY name, label
ORDER BY articles DESC, mentions DESC, name
LIMIT 20;
