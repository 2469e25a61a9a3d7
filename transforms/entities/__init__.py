"""Named entities of an article: spaCy NER, grouped so that each entity has one canonical name.

Rules, in the order they are applied. All work within one article; what is shared between articles
is only the word tables in transforms/lexicon/ (aliases, state abbreviations, known people, ...).

1. Mentions are spaCy entities of the labels in ENTITY_LABELS in the headline, standfirst and body
   (dates, times, numbers, money and quantities are left out). The image caption is not annotated,
   so its credit (`Reuters / Reuters`) is never an entity; a mention spelled like it is dropped too.
2. Each mention is trimmed to the name, its offsets with it: leading articles and lower-case words
   (`the Kremlin` -> `Kremlin`, `The White House` -> `White House`); titles before a person's name
   (`Mr Blair`, `President Vladimir Putin`, `Sen.`, `Secretary of State`; royal and religious titles
   such as `Pope` stay); possessive endings (`North Korea's`); punctuation at either end. A span is
   cut at a paragraph break, split at brackets (`... Agency (KCNA`), and a PERSON span ends at a
   possessive, number or spaced dash (`Donald Trump's America`, `Ted Cruz 1`). `State` in
   `Secretary of State` names an office and is not an entity.
3. Labels the article can correct are corrected: a name before `region`, `province`, `county`, ...
   is a GPE (`Primorsky region`, tagged ORG); a one-word adjective tagged GPE is NORP (`Ukrainian`);
   a one-word name that is a word of a PERSON's name in the article is that PERSON (`Trump` tagged
   ORG beside `Donald Trump`; for GPE/LOC only as a surname, since `Charlotte` is also a city); a
   KNOWN_PEOPLE surname is a PERSON. Then every spelling takes its majority label (ties: the first
   mention's). `Twitter`, `Facebook`, ... are always ORG (the small model often says PERSON).
4. Mentions of one spelling are one entity; spellings compare without case, full stops and
   apostrophe style (`U.S.` = `US`, `O'Malley` = `O’Malley`). Its name is the most frequent
   spelling, but mixed case over a shouted dateline (`WASHINGTON` -> `Washington`). A closed alias
   list gives one name in every article (`US`, `U.S.`, `America`, `United States` -> `United States`;
   `GOP` -> `Republican Party`; `AP` -> `Associated Press`; `Calif.` -> `California`); NORP names
   are singular (`Republicans` -> `Republican`, `Democratic` -> `Democrat`).
5. Acronyms: `the Korean Central News Agency (KCNA)` makes every `KCNA` of the article a mention of
   the expansion (also where spaCy tagged nothing), named by the expansion. The capitals must be the
   expansion's initials in order (so `Ted Cruz (R-Tex.)` defines nothing).
6. People. A PERSON name of two or more words is a full name. Words glued on by spaCy are dropped:
   a leading common noun or adjective before a full name the article uses (`Billionaire Donald
   Trump`), and a leading/trailing verb, adverb or common noun used in no other name (`Injecting
   Clinton`, `Obama Says`). Full names with the same first and last word, one's words within the
   other's (`Hillary Clinton`, `Hillary Rodham Clinton`), are one person; so is a full name that ends
   exactly one longer name written mid-sentence (`Wasserman Schultz`, `Le Pen`: compound surnames).
   The person is named by the shortest form that has their first word (`Donald Trump Jr.` stays
   apart: its last word differs). Any other PERSON name whose words are adjacent words of a full
   name (`Kim`, `Peskov`, `Hillary`, `de Blasio`) is a short form; a one-word short form is looked
   for as a surname first (`Trump` -> `Donald Trump`, not `Trump Tower`), then anywhere (`Kim` ->
   `Kim Jong-un`). With one candidate it is that person, unless a title says the other sex and the
   article's titles or kinship words (`her husband, Bill Clinton`) settle the candidate's (`Mrs.
   Abedini` is not `Saeed Abedini`: the short form is named `Mrs. Abedini`). With several (`Clinton`
   when Bill and Hillary Clinton are both named): first, candidates of the wrong gender go, where
   the mention shows one (`Mrs.`/`Mr.`, or the first pronoun after it) and the article shows the
   candidates' (titles, kinship words, the first pronoun after their full names); then the
   candidate last named in full earlier in the same paragraph wins; failing that, the candidate
   the article named in full first (news introduces its main bearer of a surname first and
   qualifies the others with first names or titles).
7. A one-word short form with no full name in the article keeps its spelling (`Clinton`, `Hillary`):
   the article cannot say which Clinton. The exception is KNOWN_PEOPLE, a short table of surnames
   that name one person in news whatever the article (`Trump`, `Obama`, `Putin`): the bare surname
   is that person, unless a female title says otherwise (`Mrs. Trump` may be Melania); a full name
   compatible with the table's (`Donald J. Trump`, first names sharing two letters for `Joseph R.
   Biden` / `Joe Biden`) takes the table's spelling, so the person has one name in every article.
   Pass known_people={} to resolve from the article alone.
8. Last, occurrences of the entities' spellings that spaCy did not tag are added as mentions: a
   whole run of proper nouns, outside any spaCy entity, whose spelling belongs to one entity only.

Every Mention holds exact character offsets into its field's text (text == field_text[start:end]),
and no two mentions overlap, so a quote's speaker mention (`Peskov`) finds its entity by offsets.

The rules live in one module each, applied in this order by extract_entities:
- mentions.py: rules 1-2 (spaCy entities as mentions, trimmed to the name);
- acronyms.py: rule 5 (acronyms defined in the article), found before labels are fixed;
- evidence.py: spurious mentions dropped (a common noun capitalised by position, `Finance` of
  `Finance Minister`) and labels corrected by the article's evidence (a name's shape, a person's or
  a city's context), before labels.py; an organisation's short form joins its full name;
- labels.py: rule 3 (label corrections and majority labels);
- names.py: rule 4 (spelling keys, aliases, canonical names) and the words names compare by;
- people.py: rules 6-7 (full names, short forms, KNOWN_PEOPLE), with gender.py (gender hints);
- grouping.py: rule 8 (untagged mentions) and the grouping into entities;
- recount.py: rule 8a (a person's surname alone, any name in an all-capitals line);
- model.py: Entity, Mention and the RawMention the rules work on.
The word tables are data files in transforms/lexicon/ (person_titles.txt, aliases.tsv, known_people.tsv, ...).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from transforms.entities.acronyms import acronym_mentions, defined_acronyms
from transforms.entities.evidence import affiliation_mentions, correct_labels, drop_spurious, join_short_forms
from transforms.entities.grouping import group_entities, untagged_mentions
from transforms.entities.labels import fix_labels
from transforms.entities.mentions import spacy_mentions
from transforms.entities.model import ENTITY_LABELS, Entity, Mention, entity_at, entity_id
from transforms.entities.names import canonical_names, spelling_key
from transforms.entities.people import KNOWN_PEOPLE, drop_stray_words, resolve_people
from transforms.entities.recount import recounted_mentions
from transforms.nlp import doc_text

__all__ = ["ENTITY_LABELS", "KNOWN_PEOPLE", "Entity", "Mention", "entity_at", "entity_id", "extract_entities"]


def extract_entities(
    docs: Mapping[str, Doc], image_credit: str | None = None, known_people: Mapping[str, str] = KNOWN_PEOPLE
) -> list[Entity]:
    """Entities mentioned in the annotated fields, one per canonical name and label (see module doc).

    `known_people` maps a lower-case surname to the one person it names on its own (rule 7); pass {}
    to resolve names from the article alone."""
    texts = {fld: doc_text(doc) for fld, doc in docs.items()}
    raws = drop_spurious(spacy_mentions(docs, texts, image_credit), texts)
    acronyms = defined_acronyms(texts, raws)
    raws.extend(acronym_mentions(docs, texts, raws, acronyms))
    correct_labels(raws, texts)
    raws.extend(affiliation_mentions(docs, texts, raws))
    fix_labels(raws, texts, known_people)
    for r in raws:
        r.key = acronyms.get(r.text, spelling_key(r.text))
    join_short_forms(raws)
    drop_stray_words(raws, known_people)
    names = canonical_names(raws)
    resolve_people(raws, names, known_people, texts)
    raws.extend(untagged_mentions(docs, texts, raws))
    raws.extend(recounted_mentions(texts, raws))
    return group_entities(raws, names)
