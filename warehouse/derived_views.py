"""The views news.duckdb derives from the warehouse's tables, defined once: each one's SQL, its comment and its
columns' comments (the DuckDB views and their COMMENT ON text are built from these, warehouse.views). The
stored tables and the closed value sets are in warehouse.schema.
"""

from __future__ import annotations

from warehouse.schema import CORRECTION_KINDS
from warehouse.table import DerivedView

ENTITY_ALIASES = DerivedView(
    "entity_aliases",
    "Every spelling merged into a canonical entity, to audit canonicalisation: one row per alias per entity.",
    """SELECT alias, name AS canonical_name, label, entity_id,
              count(DISTINCT article_id)::INTEGER AS articles, sum(mentions)::INTEGER AS mentions
       FROM (SELECT article_id, entity_id, name, label,
                    unnest(surface_forms) AS alias, unnest(surface_form_mentions) AS mentions
             FROM entities)
       GROUP BY ALL""",
    {
        "alias": "a spelling seen in an article",
        "canonical_name": "the entity's canonical name in those articles",
        "label": "spaCy label of the entity",
        "entity_id": "the entity (references entities.entity_id)",
        "articles": "articles in which this spelling names this entity",
        "mentions": "mentions of this spelling for this entity",
    },
)

STORIES = DerivedView(
    "stories",
    "One row per story: an article and its near-copies (republished under another headline, trimmed or "
    "extended, wire copy), under its first (earliest) article.",
    """SELECT f.article_id AS story_id, f.published_date AS first_published,
              max(a.published_date) AS last_published, count(*)::INTEGER AS articles,
              list(DISTINCT a.section ORDER BY a.section) FILTER (WHERE a.section IS NOT NULL) AS sections,
              f.headline, f.section AS first_section, min(a.similarity) AS min_similarity
       FROM articles AS a
       JOIN articles AS f ON f.article_id = coalesce(a.story_id, a.article_id)
       GROUP BY f.article_id, f.published_date, f.headline, f.section""",
    {
        "story_id": "the story's first article (references articles.article_id)",
        "first_published": "publication date of the first article",
        "last_published": "publication date of the latest article of the story",
        "articles": "articles in the story (the first and its near-copies)",
        "sections": "the distinct sections that published it",
        "headline": "headline of the first article",
        "first_section": "section of the first article",
        "min_similarity": "lowest similarity of an article of the story to its first (1 for a story of one)",
    },
)

# The identity of people across the warehouse (warehouse.people): written into news.duckdb as a table at
# every publish, from all published PERSON names; the people view and analysts join quotes and entities to it.
PERSON_NAMES = DerivedView(
    "person_names",
    "Which person each PERSON entity is: one row per PERSON entity id, derived at publish time from every "
    "published name (the published rows are never rewritten). Join entities.entity_id or "
    "quotes.speaker_entity_id to entity_id. Names that are no person's (headline fragments) have no row.",
    "",
    {
        "entity_id": "a PERSON entity (references entities.entity_id)",
        "person_id": "the person (references people.person_id)",
        "unresolved": "true for a bare or ambiguous name several people could claim (Clinton, George Bush): "
                      "a person of its own, not merged with any",
        "correction_id": "the merge or split correction that put this entity in its person (references "
                         "corrections.correction_id); NULL when the grouping rules did",
    },
)

PEOPLE = DerivedView(
    "people",
    "One row per person across the warehouse: the PERSON entities person_names groups (variants of one name: "
    "middle names and initials, short given names, case, accents), with what the articles say of them.",
    """WITH pe AS (
         SELECT pn.person_id, pn.unresolved, e.article_id, e.entity_id, e.name, e.mention_count, e.surface_forms,
                e.gender, e.gender_evidence, a.published_date
         FROM person_names pn JOIN entities e ON e.entity_id = pn.entity_id AND e.label = 'PERSON'
         JOIN articles a ON a.article_id = e.article_id),
       named AS (SELECT person_id, name, sum(mention_count) AS mentions FROM pe GROUP BY person_id, name),
       best AS (
         SELECT person_id, arg_max(name, (CASE WHEN regexp_matches(name, '[ÃÂ]') THEN 0 ELSE 2 END
                                         + CASE WHEN name = upper(name) THEN 0 ELSE 1 END) * 1e12 + mentions) AS name
         FROM named GROUP BY person_id),
       aliases AS (
         SELECT person_id, list(DISTINCT alias ORDER BY alias) AS aliases
         FROM (SELECT person_id, name AS alias FROM pe UNION SELECT person_id, unnest(surface_forms) FROM pe)
         GROUP BY person_id),
       base AS (
         SELECT person_id, bool_or(unresolved) AS unresolved, list(DISTINCT entity_id ORDER BY entity_id) AS entity_ids,
                count(DISTINCT article_id)::INTEGER AS articles, sum(mention_count)::BIGINT AS mentions,
                min(published_date) AS first_seen, max(published_date) AS last_seen
         FROM pe GROUP BY person_id),
       gen AS (
         SELECT person_id, list(DISTINCT gender ORDER BY gender) AS genders,
                count(DISTINCT article_id)::INTEGER AS gender_articles,
                arg_min(gender_evidence, published_date) AS gender_evidence
         FROM pe WHERE gender IS NOT NULL GROUP BY person_id),
       said AS (
         SELECT pn.person_id, q.quote_type, q.speaker_role, q.speaker_affiliation
         FROM quotes q JOIN person_names pn ON pn.entity_id = q.speaker_entity_id),
       statements AS (
         SELECT person_id, count(*) FILTER (WHERE quote_type <> 'indirect')::BIGINT AS direct_statements,
                count(*) FILTER (WHERE quote_type = 'indirect')::BIGINT AS reported_statements
         FROM said GROUP BY person_id),
       roles AS (
         SELECT person_id, list(speaker_role ORDER BY n DESC, speaker_role)[1:3] AS roles
         FROM (SELECT person_id, speaker_role, count(*) AS n FROM said WHERE speaker_role IS NOT NULL GROUP BY ALL)
         GROUP BY person_id),
       affiliations AS (
         SELECT person_id, list(speaker_affiliation ORDER BY n DESC, speaker_affiliation)[1:3] AS affiliations
         FROM (SELECT person_id, speaker_affiliation, count(*) AS n FROM said
               WHERE speaker_affiliation IS NOT NULL GROUP BY ALL)
         GROUP BY person_id)
     SELECT base.person_id, best.name, aliases.aliases, base.entity_ids, base.unresolved,
            CASE WHEN len(gen.genders) = 1 THEN gen.genders[1] END AS gender,
            coalesce(len(gen.genders) > 1, false) AS gender_disagreement,
            CASE WHEN len(gen.genders) = 1 THEN gen.gender_evidence END AS gender_evidence,
            coalesce(roles.roles, []::VARCHAR[]) AS roles,
            coalesce(affiliations.affiliations, []::VARCHAR[]) AS affiliations,
            base.articles, base.mentions,
            coalesce(statements.direct_statements, 0) AS direct_statements,
            coalesce(statements.reported_statements, 0) AS reported_statements,
            base.first_seen, base.last_seen
     FROM base JOIN best USING (person_id) JOIN aliases USING (person_id)
     LEFT JOIN gen USING (person_id) LEFT JOIN statements USING (person_id)
     LEFT JOIN roles USING (person_id) LEFT JOIN affiliations USING (person_id)""",
    {
        "person_id": "the person; stable while the names grouped stay the same",
        "name": "the person's name: the spelling with most mentions, mixed case and free of mojibake first",
        "aliases": "every name of the person seen in the articles: canonical names and mention spellings",
        "entity_ids": "the PERSON entities grouped (references entities.entity_id)",
        "unresolved": "true for a bare or ambiguous name several people could claim (Clinton, George Bush)",
        "gender": "female or male when every article that shows the person's gender agrees; NULL otherwise",
        "gender_disagreement": "true when articles show different genders (gender is then NULL)",
        "gender_evidence": "the words of the earliest article that show the gender (Mrs. Clinton, spokeswoman)",
        "roles": "the roles the person was quoted in, most frequent first (at most 3)",
        "affiliations": "what the person spoke for, most frequent first (at most 3)",
        "articles": "articles that name the person",
        "mentions": "mentions of the person in all articles",
        "direct_statements": "statements in quotation marks (quote_type direct or partial) attributed to the person",
        "reported_statements": "statements reported without quotation marks (quote_type indirect)",
        "first_seen": "publication date of the first article naming the person",
        "last_seen": "publication date of the last article naming the person",
    },
)

DERIVED_VIEWS = (ENTITY_ALIASES, STORIES, PEOPLE)

CORRECTIONS = DerivedView(
    "corrections",
    "Every correction line of the warehouse's corrections/*.csv files as loaded at the last build of the views, "
    "with whether it still matches what the pipeline published.",
    "",
    {
        "correction_id": "the line's id (unique across the files)",
        "kind": f"what it corrects: one of {', '.join(CORRECTION_KINDS)}",
        "target": "quote_id (speaker, not-quote), entity_id (entity-name, entity-label), article_id (exclude), "
                  "names or entity ids joined by | (merge), a name or entity id (split)",
        "value": "the new speaker, name or label; empty for the other kinds",
        "who": "who made the correction",
        "corrected_at": "when it was made (the file's `when`)",
        "why": "why",
        "file": "the file, relative to the warehouse folder",
        "line": "the line of the file",
        "status": "applied; orphaned: its target matches nothing published (the article changed); superseded: a "
                  "later line corrects the same target",
        "matched": "published rows (quotes, entities, articles or person names) the target matches",
    },
)
# Columns the views add to the published rows of quotes and entities when corrections apply.
CORRECTED_COLUMNS: dict[str, dict[str, str]] = {
    "quotes": {
        "correction_id": "the correction that changed this row's speaker (references corrections.correction_id); "
                         "NULL when the row is as the pipeline published it",
        "pipeline_speaker": "the speaker the pipeline resolved, before any correction",
    },
    "entities": {
        "correction_id": "the correction that changed this row's name or label (the name's when both: "
                         "corrections lists both); NULL when the row is as the pipeline published it",
        "pipeline_name": "the canonical name the pipeline gave, before any correction",
        "pipeline_label": "the label the pipeline gave, before any correction",
    },
}
# The published rows before corrections, one view per corrected table: pipeline_<name>.
PIPELINE_PREFIX = "pipeline_"
