-- Articles per day per section, over the latest 30 publication days.
-- Counted back from the newest article rather than from today, so an archive that stopped still shows its last month.
SELECT a.published_date, coalesce(a.section, '(none)') AS section, count(*) AS articles
FROM articles AS a
WHERE a.published_date IN (SELECT DISTINCT published_date FROM articles ORDER BY published_date DESC LIMIT 30)
GROUP BY ALL
ORDER BY a.published_date DESC, articles DESC, section;
