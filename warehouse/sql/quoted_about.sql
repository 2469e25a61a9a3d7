-- Who is quoted about whom: speakers and the people, organisations and places of the articles quoting them.
-- `quotes` counts the speaker's statements in articles that mention the entity (person, organisation or
-- place), as `quotations` (in quotation marks) and `reported` (reported speech with a speech cue);
-- `naming_it` those whose own words name it (any of its spellings). The speaker's own entity is left out.
SELECT q.speaker,
       e.name AS about,
       count(*) AS quotes,
       count(*) FILTER (WHERE q.quote_type <> 'indirect') AS quotations,
       count(*) FILTER (WHERE q.quote_type = 'indirect') AS reported,
       count(*) FILTER (WHERE list_bool_or(list_transform(e.surface_forms, lambda f: contains(q.text, f))))
           AS naming_it,
       count(DISTINCT q.article_id) AS articles
FROM quotes AS q
JOIN entities AS e ON e.article_id = q.article_id
WHERE q.speaker IS NOT NULL
  AND (q.quote_type <> 'indirect' OR q.cue_class = 'speech')
  AND e.label IN ('PERSON', 'ORG', 'GPE', 'NORP', 'LOC', 'FAC')
  AND e.entity_id IS DISTINCT FROM q.speaker_entity_id
  AND e.name <> q.speaker
GROUP BY q.speaker, e.entity_id, e.name, e.label
ORDER BY naming_it DESC, quotes DESC, articles DESC, q.speaker, about
LIMIT 25;
