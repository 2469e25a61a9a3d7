-- Most-mentioned entities and their trend: this week against the week before.
-- "This week" is the seven days up to the newest article, so an archive that stopped still has a trend.
-- Grouped by entity_id, which is the same for the same canonical name and label in every article.
WITH newest AS (SELECT max(published_date) AS day FROM articles)
SELECT any_value(e.name) AS name,
       any_value(e.label) AS label,
       count(DISTINCT e.article_id) AS articles,
       sum(e.mention_count) AS mentions,
       coalesce(sum(e.mention_count) FILTER (WHERE a.published_date > n.day - 7), 0) AS mentions_this_week,
       coalesce(sum(e.mention_count) FILTER (WHERE a.published_date BETWEEN n.day - 13 AND n.day - 7), 0)
           AS mentions_week_before,
       CASE
           WHEN mentions_this_week > 0 AND mentions_week_before = 0 THEN 'new'
           WHEN mentions_this_week > mentions_week_before THEN 'up'
           WHEN mentions_this_week < mentions_week_before THEN 'down'
           ELSE 'flat'
       END AS trend
FROM entities AS e
JOIN articles AS a USING (article_id)
CROSS JOIN newest AS n
GROUP BY e.entity_id
ORDER BY articles DESC, mentions DESC, name
LIMIT 20;
