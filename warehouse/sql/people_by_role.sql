-- Most-quoted people by role: for the ten roles with most statements, the three people quoted most in that role.
-- The role is what the article calls the speaker where it attributes the statement, or earlier
-- (quotes.speaker_role); people are grouped across articles (people view). Statements: quotations, and
-- reported speech with a speech cue.
WITH said AS (
    SELECT q.speaker_role AS role, p.name AS name, q.article_id
    FROM quotes AS q
    JOIN person_names AS pn ON pn.entity_id = q.speaker_entity_id  -- people only: no organisations,
    JOIN people AS p ON p.person_id = pn.person_id                  -- no unnamed speakers
    WHERE q.speaker_role IS NOT NULL AND q.speaker IS NOT NULL
      AND (q.quote_type <> 'indirect' OR q.cue_class = 'speech')
), roles AS (
    SELECT role, count(*) AS role_statements FROM said GROUP BY role
    ORDER BY role_statements DESC, role LIMIT 10
)
SELECT role, name, count(*) AS statements, count(DISTINCT article_id) AS articles, role_statements
FROM said JOIN roles USING (role)
GROUP BY role, name, role_statements
QUALIFY row_number() OVER (PARTITION BY role ORDER BY count(*) DESC, name) <= 3
ORDER BY role_statements DESC, role, statements DESC, name;
