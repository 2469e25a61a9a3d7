-- Most-quoted people by affiliation: for the ten affiliations with most statements, the three people quoted most for it.
-- The affiliation is what the article says the speaker speaks for (quotes.speaker_affiliation: a party tag,
-- `Kremlin spokesman`, `a spokeswoman for the State Department`); people are grouped across articles.
-- Statements: quotations, and reported speech with a speech cue.
WITH said AS (
    SELECT q.speaker_affiliation AS affiliation, p.name AS name, q.article_id
    FROM quotes AS q
    JOIN person_names AS pn ON pn.entity_id = q.speaker_entity_id  -- people only: no organisations,
    JOIN people AS p ON p.person_id = pn.person_id                  -- no unnamed speakers
    WHERE q.speaker_affiliation IS NOT NULL AND q.speaker IS NOT NULL
      AND (q.quote_type <> 'indirect' OR q.cue_class = 'speech')
), affiliations AS (
    SELECT affiliation, count(*) AS affiliation_statements FROM said GROUP BY affiliation
    ORDER BY affiliation_statements DESC, affiliation LIMIT 10
)
SELECT affiliation, name, count(*) AS statements, count(DISTINCT article_id) AS articles, affiliation_statements
FROM said JOIN affiliations USING (affiliation)
GROUP BY affiliation, name, affiliation_statements
QUALIFY row_number() OVER (PARTITION BY affiliation ORDER BY count(*) DESC, name) <= 3
ORDER BY affiliation_statements DESC, affiliation, statements DESC, name;
