-- Most-quoted speakers by section: the top five speakers of each section.
-- `quotes` = `quotations` (in quotation marks) + `reported` (reported speech with a speech cue).
SELECT coalesce(a.section, '(none)') AS section,
       q.speaker,
       count(*) AS quotes,
       count(*) FILTER (WHERE q.quote_type <> 'indirect') AS quotations,
       count(*) FILTER (WHERE q.quote_type = 'indirect') AS reported,
       count(DISTINCT q.article_id) AS articles
FROM quotes AS q
JOIN articles AS a USING (article_id)
WHERE q.speaker IS NOT NULL
  AND (q.quote_type <> 'indirect' OR q.cue_class = 'speech')
GROUP BY a.section, q.speaker
QUALIFY row_number() OVER (PARTITION BY a.section ORDER BY count(*) DESC, count(DISTINCT q.article_id) DESC,
                                                           q.speaker) <= 5
ORDER BY section, quotes DESC, articles DESC, q.speaker;
