-- Most-quoted speakers overall: statements with a resolved speaker, the articles they appear in, and when.
-- `quotes` counts what the speaker said: quotations (`quotations`: words in quotation marks, direct or
-- partial) and reported speech (`reported`: statements without quotation marks, speech cues only;
-- beliefs and evidence ascribed to a speaker are not counted as things said).
SELECT q.speaker,
       count(*) AS quotes,
       count(*) FILTER (WHERE q.quote_type <> 'indirect') AS quotations,
       count(*) FILTER (WHERE q.quote_type = 'indirect') AS reported,
       count(DISTINCT q.article_id) AS articles,
       min(a.published_date) AS first_quoted,
       max(a.published_date) AS last_quoted
FROM quotes AS q
JOIN articles AS a USING (article_id)
WHERE q.speaker IS NOT NULL
  AND (q.quote_type <> 'indirect' OR q.cue_class = 'speech')
GROUP BY q.speaker
ORDER BY quotes DESC, articles DESC, q.speaker
LIMIT 20;
