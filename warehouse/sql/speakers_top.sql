-- Most-quoted speakers overall: quotes with a resolved speaker, the articles they appear in, and when.
SELECT speaker,
       count(*) AS quotes,
       count(DISTINCT article_id) AS articles,
       count(*) FILTER (WHERE quote_type = 'direct') AS direct_quotes,
       min(a.published_date) AS first_quoted,
       max(a.published_date) AS last_quoted
FROM quotes AS q
JOIN articles AS a USING (article_id)
WHERE q.speaker IS NOT NULL
GROUP BY speaker
ORDER BY quotes DESC, articles DESC, speaker
LIMIT 20;
