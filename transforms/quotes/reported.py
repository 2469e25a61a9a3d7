"""Reported speech: statements attributed without quotation marks, read off the dependency parse.

A cue attributes some content to a source (the terms of attribution analysis, as in PolNeAR):
- a verb and its complement, in the forms cue_table.py describes: `Peskov said (that) the leaders
  would meet` (a clause, before or after the verb: `The deal is off, he said`), `she refused to
  answer` (an infinitive), `Trump denied the report` (an object, also as a passive's subject with
  its agent the source: `the report was denied by Trump`), `Sanders called for a ban` (a
  preposition's object);
- `according to X` before or after its clause;
- a noun with a that-clause: `his claim that the vote was rigged`, `the warning by officials that`.
The content is the complement's words (its subtree in the parse), without a leading `that` and
without punctuation at its ends; the source is the verb's subject as speakers.subject_of finds it
(the subject, a passive's agent, the subject a subordinate verb shares: `X is expected to say`),
resolved like a quotation's speaker, so `he said the deal was off` names the person. A source that
is a document or a group (`the report`, `sources`) stays the words the text gives. Where the subject
the parse lends a verb is not its source, the statement has no speaker: a passive participle or a
requested act (`Asked about X, Tabb said ...`, `Tabb was asked to comment on X`:
passive_participles.py) and an impersonal `it` (`it is hard to say ...`: impersonal_subjects.py). A
question to the addressee (`Do you think ...?`: questions.py) states nothing and gives no row.

Everything is read from the parse the pipeline already has: one pass over the field's tokens, and
for each cue a constant amount of work plus its content's length. The content's ends are cut in
reported_span.py; the cues that are not verbs (`according to`, nouns) are read in reported_nouns.py, and
phrases of stance (`voted in favor of X`) in stance_phrases.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from transforms.lexicon import word_list
from transforms.quotes.as_frames import fronted_as_content
from transforms.quotes.content_lists import with_list_members
from transforms.quotes.context import FieldContext
from transforms.quotes.cue_candidates import cue_positions
from transforms.quotes.cue_table import ADJECTIVE_CUES, ATTRIBUTION_NOUNS, CUES, NOUN_OBJECTS, CueTable
from transforms.quotes.cues import is_reporting
from transforms.quotes.headline_subjects import headline_speaker
from transforms.quotes.impersonal_subjects import has_impersonal_subject
from transforms.quotes.indirect_questions import asked_question
from transforms.quotes.mistagged_verbs import parsed_as_verb
from transforms.quotes.nested_stances import without_nested_stances
from transforms.quotes.object_participles import with_participle
from transforms.quotes.occasions import is_occasion_phrase
from transforms.quotes.passive_participles import is_passive_participle_clause, is_requested_act
from transforms.quotes.phrasal_cues import PHRASAL_CUES, PHRASAL_VERBS, phrasal_complements, phrasal_cue
from transforms.quotes.questions import states_nothing
from transforms.quotes.reported_adjectives import adjective_statements
from transforms.quotes.reported_nouns import according_to, noun_object_statements, noun_statements
from transforms.quotes.reported_settings import SETTINGS, setting_statements
from transforms.quotes.reported_span import (
    VERB_TAGS,
    across_paragraphs,
    content_span,
    coordinated_end,
    in_paragraph,
    interrupting_frame,
    trimmed_end,
)
from transforms.quotes.speakers import RELATIVE_PRONOUNS, resolve_speaker, subject_of
from transforms.quotes.stance_phrases import STANCE_PHRASES, stance_statements
from transforms.quotes.stranded_frames import stranded_content
from transforms.quotes.types import Attribution, Statement

__all__ = ["Statement", "complements", "content_span", "reported_statements"]

NOUN_OBJECT_LEMMAS = frozenset(lemma for lemma, _ in NOUN_OBJECTS)
_NOUN_LEMMAS = frozenset(ATTRIBUTION_NOUNS) | NOUN_OBJECT_LEMMAS | frozenset(SETTINGS) | frozenset(STANCE_PHRASES)
_ADJECTIVE_LEMMAS = frozenset(lemma for lemma, _ in ADJECTIVE_CUES)

# Dependents that complete an object into one content: a predicate (`called it "a disgrace"`), a
# preposition (`accused her of lying`, `praised him for ...`). A clause after an object is not one:
# the object is the addressee (`told reporters that ...`).
_COMPLETIONS = frozenset({"oprd", "prep"})
# Prepositions of time, place and circumstance, which complete no object (`criticized the plan
# during the debate`: the content is the plan).
CIRCUMSTANTIAL = word_list("circumstantial_prepositions.txt")


def reported_statements(ctx: FieldContext, cues: CueTable = CUES) -> list[Statement]:
    """Every reported statement of the field, in text order, one per content span (the first cue
    found keeps a span two cues claim)."""
    found: dict[tuple[int, int], Statement] = {}
    cue_at: dict[tuple[int, int], int] = {}  # each statement's cue token
    # a verb of another lemma cues nothing (a phrasal one with its particle: `laid out`)
    verb_cues = frozenset(lemma for lemma, _ in cues) | PHRASAL_VERBS
    # no other token cues anything
    # a noun of a verb cue's lemma too: the parser may read it as a verb (mistagged_verbs.py)
    for i in cue_positions(ctx.doc, verb_cues | _ADJECTIVE_LEMMAS, _NOUN_LEMMAS | verb_cues,
                           adjective_lemmas=_ADJECTIVE_LEMMAS):
        t = ctx.doc[i]
        if ctx.quoted(t):
            continue
        for statement in _statements_at(ctx, t, cues, verb_cues):
            found.setdefault((statement.start, statement.end), statement)
            cue_at.setdefault((statement.start, statement.end), t.i)
    statements = sorted(found.values(), key=lambda s: (s.start, -s.end))
    # `Tabb said he supports the plan`: the stance is part of what Tabb said (nested_stances.py)
    return without_nested_stances(ctx.doc, statements, [cue_at[s.start, s.end] for s in statements])


def _statements_at(ctx: FieldContext, t: Token, cues: CueTable, verb_cues: frozenset[str]) -> Iterator[Statement]:
    if t.lower_ == "according" and t.i + 1 < len(ctx.doc) and ctx.doc[t.i + 1].lower_ == "to":
        yield from according_to(ctx, t)
    elif t.pos_ in VERB_TAGS:
        if t.dep_ == "acomp" and t.lemma_.lower() in _ADJECTIVE_LEMMAS:  # `is opposed to`: a participle
            yield from adjective_statements(ctx, t)
        elif t.lemma_.lower() in verb_cues and not states_nothing(t):  # `Do you think ...?`, `whether he says`
            yield from _verb_statements(ctx, t, cues)
    elif t.pos_ == "ADJ":
        yield from adjective_statements(ctx, t)
    elif parsed_as_verb(t):  # `The findings point to growing momentum`: a verb the tagger calls a noun
        if t.lemma_.lower() in verb_cues and not states_nothing(t):
            yield from _verb_statements(ctx, t, cues)
    elif t.pos_ == "NOUN":
        if t.lemma_.lower() in ATTRIBUTION_NOUNS:
            yield from noun_statements(ctx, t)
        if t.lemma_.lower() in NOUN_OBJECT_LEMMAS:
            yield from noun_object_statements(ctx, t)
        if t.lemma_.lower() in SETTINGS:
            yield from setting_statements(ctx, t)
        if t.lemma_.lower() in STANCE_PHRASES:  # `voted in favor of the levy`
            yield from stance_statements(ctx, t)


# -- verbs -------------------------------------------------------------------------------------------


def complements(verb: Token) -> Iterator[tuple[str, Token, Token]]:
    """(complement kind, first token, last token) of each content the verb may attribute: a clause
    (`ccomp`), an infinitive (`xcomp`), an object (`dobj`) or a preposition's object (the kind is
    the preposition: `for`, `of`), also a clause with a subject that `for` opens (`called for Tabb to
    resign`: kind `for`, content without the `for`). An object with what completes it is one
    content, of the completion's kind: `called the lines "unacceptable"`, `accused her of lying`
    (kind `of`), but not a phrase of occasion or time (`defended the plan in an interview`:
    occasions.py); an object's list ends with the member the parse hangs on the verb (`criticized A,
    B, and C`)."""
    doc = verb.doc
    children = list(verb.children)
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
    # A verb reports one clause: with one after it, a clause the parse hangs on it before its subject is
    # a fronted adverbial or another verb's clause (`When the city won the bid, Cleveland felt it had ...`).
    later = any(c.dep_ == "ccomp" and c.i > verb.i for c in children)
    subject = next((c.i for c in children if c.dep_ in ("nsubj", "nsubjpass")), verb.i)
    for c in children:
        if c.dep_ == "ccomp" and later and c.i < subject:
            continue
        if c.dep_ == "ccomp" and not _inverted_frame(c):
            yield "clause", _clause_start(verb, c), coordinated_end(verb, c)
        elif c.dep_ == "xcomp" and c.pos_ in VERB_TAGS:
            yield "infinitive", c.left_edge, with_list_members(verb, c, _with_purpose(verb, c.right_edge))
        elif c.dep_ == "advcl" and c.i > verb.i and c.left_edge.dep_ == "mark" and c.left_edge.lower_ == "for":
            yield "for", doc[c.left_edge.i + 1], c.right_edge  # `called for Tabb to resign`
        elif c.dep_ == "dobj":
            completion = next((d for d in children if d.i > c.i and d.dep_ in _COMPLETIONS
                               and d.lower_ not in CIRCUMSTANTIAL and not is_occasion_phrase(d)), None)
            if completion is None:
                end = _with_purpose(verb, _with_stray_conjunct(verb, c.right_edge))
                yield "object", c.left_edge, with_participle(verb, end)  # `decried speech bubbling up`
            elif completion.dep_ == "prep":
                yield completion.lower_, c.left_edge, _with_stray_conjunct(verb, completion.right_edge)
            else:
                yield "object", c.left_edge, completion.right_edge
        elif c.dep_ == "prep" and (obj is None or c.i < obj.i):
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                end = _with_as_predicate(verb, _with_stray_conjunct(verb, pobj.right_edge))
                yield c.lower_, pobj.left_edge, with_participle(verb, end)
    passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if passive is not None and obj is None and passive.lower_ not in RELATIVE_PRONOUNS and any(
        c.dep_ == "agent" for c in children
    ):
        # `the plan was criticized by Tabb`: the passive's subject is what the agent acts on (not a
        # relative pronoun: `the bridge, which was endorsed by ...` is a description, seldom marked)
        yield "object", passive.left_edge, passive.right_edge
    # `The deal is off, he said.`: the parse may hang the reporting verb under the clause it reports
    if (verb.dep_ == "parataxis" or _inverted_frame(verb)) and verb.head.pos_ in VERB_TAGS:
        head = verb.head
        start, end = head.left_edge, doc[verb.left_edge.i - 1]
        if interrupting_frame(verb):
            # `The economy, he said, is in trouble`: one statement around the frame; its row is one
            # span, so it holds the frame's words (PolNeAR joins the pieces, as with quotations)
            end = head.right_edge
        if (head.i < verb.i or end.i > verb.i) and start.i <= end.i and verb.sent.start <= start.i:
            yield "clause", start, end
    question = asked_question(verb)  # `asked the council if the harbour would close`
    if question is not None:
        yield "clause", question.left_edge, question.right_edge
    fronted = fronted_as_content(verb)  # `As Tabb noted, the harbour needs repairs`
    if fronted is not None:
        yield "clause", *fronted
    stranded = stranded_content(verb)  # `Those who borrow struggle, even with a job, he said.`
    if stranded is not None:
        yield "clause", *stranded


def _with_purpose(verb: Token, end: Token) -> Token:
    """The end of an object or infinitive with the infinitive of purpose right after it that the parse
    hangs on the verb (`cited a moral objection to free themselves`, `supports a larger role to deprive
    the group of its havens`): what the source backs or says it wants is the object for that purpose."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.left_edge.i == end.i + 1 and c.left_edge.lower_ == "to":
            return c.right_edge
    return end


def _with_as_predicate(verb: Token, end: Token) -> Token:
    """The end of a preposition's object with the `as` phrase right after it that the parse hangs on the
    verb (`referred to the islands as military bases`, `focused on the economy as its signature issue`):
    what the object is called or taken for completes it, as a predicate completes a direct object."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as" and c.i == end.i + 1 and c.right_edge.i > c.i:
            return c.right_edge
    return end


def _with_stray_conjunct(verb: Token, end: Token) -> Token:
    """The end of an object with the last member of its list that the parse hangs on the verb
    (`views Obama, Clinton, and Ryan more favorably`: `Ryan` a conjunct of `views`): a noun coordinated
    with a verb is a misreading, and only punctuation and `and`/`or` stand between it and the object."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ != "conj" or c.pos_ not in ("NOUN", "PROPN") or c.i <= end.i:
            continue
        between = doc[end.i + 1 : c.left_edge.i]
        if len(between) and all(t.is_punct or t.lower_ in ("and", "or") for t in between):
            return c.right_edge
    return end


def _inverted_frame(clause: Token) -> bool:
    """`The leaders will discuss subjects, Peskov told Russian media`: the parse often makes the
    reporting verb after the clause its complement; it is the clause's attribution, not content."""
    return (
        clause.i > clause.head.i
        and is_reporting(clause)
        and not any(c.dep_ == "ccomp" for c in clause.children)
        # `..., after X stated Y`: a clause of its own (but `..., as X said` is the frame)
        and not any(c.dep_ == "mark" and c.lower_ != "as" for c in clause.children)
        and clause.left_edge.i > 0
        and clause.doc[clause.left_edge.i - 1].text == ","
    )


def _clause_start(verb: Token, clause: Token) -> Token:
    """Where a clause's content starts. Before its verb (`Even in Miami, Trump can win, Ferre
    said`), the content is all the sentence up to the verb's subject, since the parse often hangs
    the clause's fronted words on the reporting verb."""
    if clause.i > verb.i:
        return clause.left_edge
    return verb.doc[min(clause.left_edge.i, verb.sent.start)]


def _object_at(verb: Token, first: Token) -> Token | None:
    """The verb's direct object whose words start at `first`, or None."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == first.i), None)


def _verb_statements(ctx: FieldContext, verb: Token, cues: CueTable) -> Iterator[Statement]:
    phrase = phrasal_cue(verb)  # `laid out a plan`: the verb with its particle is the cue
    lemma, cues = (phrase, PHRASAL_CUES) if phrase else (verb.lemma_.lower(), cues)
    attribution: Attribution | None = None
    looked = False
    # `took aim at X`: the content of a phrase with an object noun is the object of its preposition
    found = (phrase and phrasal_complements(verb, phrase)) or complements(verb)
    for kind, first, last in found:
        cue_class = cues.get((lemma, kind))
        if cue_class is None and _object_at(verb, first) is not None:
            # `backed him by 20 points`, `pledged her vote to Clinton`: an object cue whose object a
            # preposition completes that the table does not list is still the object's statement
            # (PolNeAR's annotators mostly take the preposition's phrase in; tried without: fewer hits)
            cue_class = cues.get((lemma, "object"))
        if cue_class is None:
            continue
        span = content_span(ctx, first.i, trimmed_end(first, last).i, verb.i)
        if span is None:
            continue
        if not looked:  # the source is looked up once per verb, and only for a cue
            # `Asked about the plan, Tabb said ...`: who was asked is not who asked; `it is hard to
            # say ...`: nobody in particular says
            nobody = is_passive_participle_clause(verb) or is_requested_act(verb) or has_impersonal_subject(verb)
            subject = None if nobody else subject_of(verb, ctx.quoted)
            mention = None
            if subject is not None and across_paragraphs(ctx, verb, subject):
                subject, mention = in_paragraph(ctx, verb, subject)
            if subject is not None:
                attribution = resolve_speaker(ctx, subject, lemma, mention)
            elif not nobody:  # `Says Clinton would stack the court`: the headline's person
                attribution = headline_speaker(ctx, verb)
            looked = True
        yield Statement(span[0], span[1], lemma, kind, cue_class, attribution)
