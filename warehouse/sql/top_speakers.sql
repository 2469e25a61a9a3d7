-- Most-quoted speakers overall: quotes with a resolved speaker, and the articles they appear in.
SELECT speaker, count(*) AS quotes, count(DISTINCT article_id) AS articles
FROM quotes
WHERE speaker IS NOT NULL
GROUP BY speaker
ORDER BY quotes DESC, speaker
LIMIT 20;
