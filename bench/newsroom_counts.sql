-- #20's three polnear-dev counts: .venv/bin/duckdb -readonly WAREHOUSE/news.duckdb < bench/newsroom_counts.sql
-- 1. speakers that are the article's dateline city (the capitals before the dateline's dash)
with dl as (
  select article_id, trim(regexp_extract(body, '^([A-Z][A-Z.'' ]+[A-Z.])(,[^\n]{0,40}?)?\s*(\([^)]*\))?\s*[—–-]', 1)) as city
  from articles)
select 'speakers that are a dateline city' as count_of, count(*) as n
from quotes q join dl using (article_id)
where dl.city <> '' and (upper(q.speaker) = dl.city or upper(q.speaker_mention) = dl.city)
union all
-- 2. quote rows whose text is markup: a link, an embed or tag, an entity, or an HTML attribute's value
select 'quote rows whose text is markup', count(*)
from quotes q join articles a using (article_id)
where regexp_matches(q.text, '(https?://|pic\.twitter\.com|www\.[a-z]|</?[a-z]+[ >]|&[a-z]+;|\b[a-z-]+="|\{\{|\}\})')
   or regexp_matches(substr(case q.field when 'body' then a.body when 'headline' then a.headline else a.standfirst end,
                            greatest(q.char_start - 10, 1), least(q.char_start, 10)), '[a-z-]+=\s*["'']?$')
union all
-- 3. a surname alone as a PERSON entity while the full name (two or three capitalised words ending in
--    it) is an entity with another label in the same article: one person split by a label
select 'PERSON surnames whose full name is labelled otherwise', count(*)
from entities p join entities o on p.article_id = o.article_id
where p.label = 'PERSON' and o.label <> 'PERSON' and p.name not like '% %'
  and regexp_matches(o.name, '^[A-Z][a-zA-Z.''-]+( [A-Z][a-zA-Z.''-]+){1,2}$')
  and split_part(o.name, ' ', -1) = p.name;
