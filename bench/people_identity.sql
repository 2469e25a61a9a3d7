-- Identity figures of the people view (issue 13): run on a warehouse's news.duckdb, e.g.
--   .venv/bin/duckdb -readonly WAREHOUSE/news.duckdb < bench/people_identity.sql
-- Names are compared as a reader would: case, accents, full stops and hyphens aside, and the Arabic
-- article `al-`/`el-` (`Bashar al-Assad` is `Bashar Assad`), a name's first and last word (a suffix
-- Jr./Sr./II/III set apart: `Donald Trump Jr.` is another person).

-- 1. Split: groups of PERSON names sharing first word, last word and suffix whose names sit in more
--    than one person (or in none: a name the identity step set aside). A group whose middle initials
--    differ (`George W. Bush`, `George H.W. Bush`) is rightly split, the rest are misses. One row per
--    group, with its names and how many people hold them.
CREATE OR REPLACE TEMP VIEW identity_names AS
WITH named AS (
    SELECT DISTINCT e.name, pn.person_id,
           string_split(trim(regexp_replace(replace(regexp_replace(lower(strip_accents(replace(replace(e.name, '’', ''''), '.', ''))),
                                                                     '(^|\s)(al|el)-', '\1', 'g'), '-', ' '),
                                            '\s+', ' ', 'g')), ' ') AS w
    FROM entities AS e LEFT JOIN person_names AS pn USING (entity_id)
    WHERE e.label = 'PERSON'
)
SELECT name, person_id, w[1] AS first_word,
       CASE WHEN w[len(w)] IN ('jr', 'sr', 'ii', 'iii', 'iv') THEN w[len(w) - 1] ELSE w[len(w)] END AS last_word,
       CASE WHEN w[len(w)] IN ('jr', 'sr', 'ii', 'iii', 'iv') THEN w[len(w)] ELSE '' END AS suffix,
       list_filter(w[2:len(w) - 1], lambda x: x NOT IN ('jr', 'sr', 'ii', 'iii', 'iv')) AS middle
FROM named
WHERE len(w) >= 2;

SELECT first_word, last_word, suffix,
       count(DISTINCT name) AS names,
       count(DISTINCT person_id) AS people,
       count(*) FILTER (WHERE person_id IS NULL) AS names_without_person,
       list(DISTINCT name ORDER BY name) AS spellings
FROM identity_names
GROUP BY ALL
HAVING count(DISTINCT coalesce(person_id, name)) > 1
ORDER BY names DESC, last_word, first_word;

-- 2. Merged: people whose names disagree on the last word or the suffix, or whose first words are
--    neither equal nor one an initial of the other (a short given name, `Bill` / `William`, is listed
--    too: check those by eye). One row per person.
SELECT p.person_id, p.name,
       count(DISTINCT (n.last_word, n.suffix)) AS family_names,
       count(DISTINCT n.first_word) AS first_words,
       list(DISTINCT n.name ORDER BY n.name) AS names
FROM identity_names AS n JOIN people AS p USING (person_id)
GROUP BY ALL
HAVING count(DISTINCT (n.last_word, n.suffix)) > 1
    OR count(DISTINCT n.first_word) FILTER (WHERE length(n.first_word) > 1) > 1
ORDER BY family_names DESC, first_words DESC, p.name;
