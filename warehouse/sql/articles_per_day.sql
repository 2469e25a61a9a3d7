-- Articles per publication day per section.
SELECT published_date, coalesce(section, '(none)') AS section, count(*) AS articles
FROM articles
GROUP BY ALL
ORDER BY published_date DESC, articles DESC
LIMIT 30;
