-- Most-quoted speakers by section: the top five speakers of each section.
SELECT coalesce(a.section, '(none)') AS section,
       q.speaker,
       count(*) AS quotes,
       count(DISTINCT q.article_id) AS articles
FROM quotes AS q
JOIN articles AS a USING (article_id)
WHERE q.speaker IS NOT NULL
GROUP BY a.section, q.speaker
QUALIFY row_number() OVER (PARTITION BY a.section ORDER BY count(*) DESC, count(DISTINCT q.article_id) DESC,
                                                           q.speaker) <= 5
ORDER BY section, quotes DESC, articles DESC, q.speaker;
