-- Entity mentions over time: mentions per week of the ten most-mentioned entities.
-- Weeks start on Monday; a week in which an entity was not mentioned has no row for it.
WITH top AS (
    SELECT entity_id
    FROM entities
    GROUP BY entity_id
    ORDER BY count(DISTINCT article_id) DESC, sum(mention_count) DESC, any_value(name)
    LIMIT 10
)
SELECT date_trunc('week', a.published_date)::DATE AS week,
       e.name,
       e.label,
       sum(e.mention_count) AS mentions,
       count(DISTINCT e.article_id) AS articles
FROM entities AS e
JOIN articles AS a USING (article_id)
WHERE e.entity_id IN (SELECT entity_id FROM top)
GROUP BY ALL
ORDER BY week, mentions DESC, e.name;
