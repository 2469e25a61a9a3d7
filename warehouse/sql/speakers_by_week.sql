-- Most-quoted speakers by week: the top five speakers of each of the latest eight weeks with quotes.
-- Weeks start on Monday; `week` is that Monday. `quotes` = `quotations` (in quotation marks) + `reported`
-- (reported speech with a speech cue).
WITH weekly AS (
    SELECT date_trunc('week', a.published_date)::DATE AS week, q.speaker, count(*) AS quotes,
           count(*) FILTER (WHERE q.quote_type <> 'indirect') AS quotations,
           count(*) FILTER (WHERE q.quote_type = 'indirect') AS reported,
           count(DISTINCT q.article_id) AS articles
    FROM quotes AS q
    JOIN articles AS a USING (article_id)
    WHERE q.speaker IS NOT NULL
      AND (q.quote_type <> 'indirect' OR q.cue_class = 'speech')
    GROUP BY ALL
)
SELECT week, speaker, quotes, quotations, reported, articles
FROM weekly
WHERE week IN (SELECT DISTINCT week FROM weekly ORDER BY week DESC LIMIT 8)
QUALIFY row_number() OVER (PARTITION BY week ORDER BY quotes DESC, articles DESC, speaker) <= 5
ORDER BY week DESC, quotes DESC, articles DESC, speaker;
