-- Statements by speaker gender per week: the share of what people said, by the gender the articles show.
-- Statements whose speaker is a person (a PERSON entity): quotations, and reported speech with a speech cue.
-- `gender` is the speaker's as the article itself shows it (entities.gender), else as other articles agree
-- (people.gender), else `unknown`: shown, not hidden, since most unknowns are people the text never genders.
-- Weeks start on Monday; `share` is the percentage of the week's statements.
WITH said AS (
    SELECT date_trunc('week', a.published_date)::DATE AS week,
           coalesce(e.gender, p.gender, 'unknown') AS gender
    FROM quotes AS q
    JOIN articles AS a USING (article_id)
    JOIN entities AS e ON e.article_id = q.article_id AND e.entity_id = q.speaker_entity_id
    LEFT JOIN person_names AS pn ON pn.entity_id = q.speaker_entity_id
    LEFT JOIN people AS p ON p.person_id = pn.person_id
    WHERE e.label = 'PERSON'
      AND (q.quote_type <> 'indirect' OR q.cue_class = 'speech')
)
SELECT week, gender, count(*) AS statements,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY week), 1) AS share
FROM said
GROUP BY week, gender
ORDER BY week DESC, CASE gender WHEN 'female' THEN 0 WHEN 'male' THEN 1 ELSE 2 END;
