-- Quote search: quotations and reported statements containing every word searched for (with no search, the latest of all), newest first.
-- Any case; `kind` is the statement's quote_type (direct, partial or indirect); `quote_id` finds it in `quotes`.
-- With no search set it lists the latest quotes. Set one first, in the DuckDB CLI:
--   SET VARIABLE search = 'harbour districts';
--   .read warehouse/sql/quote_search.sql
-- or from a shell:
--   duckdb -readonly warehouse/news.duckdb -cmd "SET VARIABLE search = 'budget'" < warehouse/sql/quote_search.sql
-- RESET VARIABLE search; goes back to the latest quotes.
WITH terms AS (
    SELECT list_filter(string_split(lower(coalesce(getvariable('search'), '')), ' '), lambda w: w <> '') AS words
)
SELECT a.published_date,
       coalesce(a.section, '(none)') AS section,
       coalesce(q.speaker, '(unknown)') AS speaker,
       q.quote_type AS kind,
       q.text AS quote,
       a.headline,
       q.quote_id
FROM quotes AS q
JOIN articles AS a USING (article_id)
CROSS JOIN terms AS t
WHERE list_bool_and(list_transform(t.words, lambda w: contains(lower(q.text), w))) IS NOT false
ORDER BY a.published_date DESC, a.headline, q.field, q.paragraph_index, q.char_start
LIMIT 50;
