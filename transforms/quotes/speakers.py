"""Speakers: from a reporting verb to the token of its subject, and from that token to who spoke.

The subject comes from the dependency parse (subject, passive agent, inverted subject, the subject
of the verb it shares one with). The words naming it resolve to an entity of the article: a named
mention or a compound's, a short name matching exactly one entity (`Peskov`), a relative pronoun's
antecedent, or for a personal pronoun the most salient compatible mention of the last sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from transforms.entities import Entity
from transforms.lexicon import word_list
from transforms.quotes.antecedents import PERSONAL_PRONOUNS, antecedent_of
from transforms.quotes.aside_subjects import subject_before_asides
from transforms.quotes.bound_pronouns import bound_subject
from transforms.quotes.context import FieldContext
from transforms.quotes.cue_table import ISSUING_VERBS
from transforms.quotes.cues import may_precede_speaker
from transforms.quotes.types import Attribution
from transforms.quotes.understood_subjects import (
    AUTHORED_NOUNS,
    host_subject,
    issuing_verb,
    lost_subject,
    main_verb_read_as_modifier,
    outer_reporting_verb,
    subject_nearby,
    understood_subject,
)
from transforms.quotes.unnamed_sources import TEXT_ONLY_VERBS, speaking_it

# Entity labels of speakers: people, organisations and places (`Washington has said`).
SPEAKER_LABELS = word_list("speaker_labels.txt")
# Places as modifiers of a common noun (`a New York judge`): the phrase speaks, not the place.
MODIFIER_LABELS = word_list("modifier_labels.txt")
# Groups that speak for a person (`Donald Trump's campaign` -> `Trump campaign`).
PERSON_BODIES = word_list("person_bodies.txt")
# Pronouns stay in code, not in a word list: each set is a branch below with its own entity labels
# and rules (`it` resolves to places too but is dropped when unresolved), closed classes of the
# grammar that a newsroom has no reason to extend.
_GROUP = frozenset({"they", "it"})
_RELATIVE_PERSON = frozenset({"who", "whom"})
# Possessive pronouns resolve as their personal pronoun (a noun cue's source: `his claim that`).
_POSSESSIVE = {"his": "he", "her": "she", "its": "it", "their": "they"}
_RELATIVE_THING = frozenset({"that", "which"})
RELATIVE_PRONOUNS = _RELATIVE_PERSON | _RELATIVE_THING
# Dependency labels that link a subjectless verb to the verb whose subject it shares.
_SHARED_SUBJECT = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "dep", "acomp", "attr"})
# Dependency labels the parser gives an inverted subject (`"...," added a New Hampshire Democrat`).
_INVERTED = frozenset({"dobj", "attr", "npadvmod", "nsubjpass", "oprd", "appos"})
# Dependency labels of the words right of a speaker's head that still belong to its name.
_NAME_RIGHT = frozenset({"compound", "flat", "appos", "nummod", "prep", "npadvmod"})
# Prepositions that keep a phrase in the speaker's name (`a spokesman for the ministry`); others
# begin a clause of time or manner (`minister as talks fail`).
_NAME_PREPOSITIONS = frozenset({"of", "for", "at", "from", "in", "with", "on", "to"})
# Entity types of the adverbial nouns after a verb that are never its subject (`said Wednesday`).
_WHEN = frozenset({"DATE", "TIME"})
# Parts of speech of a bare name phrase (`the official Korean Central News Agency (KCNA)`).
_NAME_TAGS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "PART", "NUM"})
# Entity types of a relative's antecedent name that no entity holds and that may still speak (none:
# the recogniser missed it; an organisation or group the entities left out).
_UNHELD_NAMES = frozenset({"", "ORG", "NORP"})
NO_ENTITY = Entity("", "")  # stands in for "no entity here" in label look-ups


# -- the subject of a reporting verb ---------------------------------------------------------------


def subject_of(verb: Token, excluded: Callable[[Token], bool], depth: int = 0) -> Token | None:
    """The speaker's token for a reporting verb: its subject, the agent of a passive, the inverted
    subject of `"...," said Trump`, or the subject of the verb it is conjoined with or subordinate
    to. Tokens for which `excluded` holds (quoted words) are never the speaker."""
    children = [c for c in verb.children if not excluded(c)]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if subjects:  # two subjects is a parse error around a quote; the nearer one is the verb's
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    for c in children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if main_verb_read_as_modifier(verb):  # `A Quinnipiac University poll found last week that ...`
        return verb.head
    # `About 4 in 10 say ...`: the parse makes a share of respondents the verb's number, not its subject
    share = next((c for c in children if c.dep_ == "nummod" and c.i < verb.i), None)
    if share is not None:
        return share
    if verb.lemma_ == "quote" or depth > 0:  # `X was quoted as saying`, `X is expected to say`
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if passive is not None or verb.lemma_ == "quote":
            return passive
    understood = understood_subject(verb, excluded)  # `a group backing X`, `led Y to say`
    if understood is not None:
        return understood
    if may_precede_speaker(verb):
        for c in children:
            if c.i > verb.i and c.dep_ in _INVERTED and c.pos_ in ("PROPN", "NOUN") and c.ent_type_ not in _WHEN:
                return c
    outer = outer_reporting_verb(verb)
    if outer is not None:  # `X said Y will win, adding ...`: X adds, not Y
        return subject_of(outer, excluded, depth + 1)
    owner, governor = host_subject(verb, excluded)  # `his refusal to answer`, `is quick to say`
    if owner is not None or (governor is not None and depth >= 4):
        return owner
    if governor is not None:
        return subject_of(governor, excluded, depth + 1)
    # `stopped short of calling for X`: up from a gerund's preposition through the adverb it hangs on
    adverb = depth > 0 and verb.pos_ == "ADV" and verb.dep_ == "advmod"
    if depth < 4 and (verb.dep_ in _SHARED_SUBJECT or adverb) and verb.head.i != verb.i:
        return subject_of(verb.head, excluded, depth + 1)
    nearby = subject_nearby(verb, excluded) if depth == 0 else None
    if nearby is not None:
        return nearby
    # `X, the minority leader, said`; `X, leading a coalition of states, asked`
    return lost_subject(verb, excluded) or subject_before_asides(verb, excluded)


# -- from the subject's token to an attribution ----------------------------------------------------


def verb_attribution(ctx: FieldContext, verb: Token) -> Attribution | None:
    """The speaker of a reporting verb, cued by its lemma: its subject in the narrative, resolved."""
    subject = subject_of(verb, ctx.quoted)
    if subject is None or ctx.quoted(subject):
        return None
    return resolve_speaker(ctx, subject, verb.lemma_.lower())


def resolve_speaker(
    ctx: FieldContext, subject: Token, cue: str | None, mention: str | None = None
) -> Attribution | None:
    """Who the subject token names: a relative pronoun's antecedent, a pronoun's antecedent entity,
    a name's entity, else the words themselves. None for a thing (`an ad that urges`) or an
    unresolved `it`."""
    mention = mention or mention_text(subject)
    bare = mention  # the speaker's words without a possessive's `'s`
    case = next((c for c in subject.children if c.dep_ == "case"), None) if subject.dep_ == "poss" else None
    if case is not None and not mention.endswith(case.text):  # `Trump's claim that`: the words as written
        mention += case.text
    conjuncts = [c for c in subject.children if c.dep_ == "conj"] if subject.pos_ == "PRON" else []
    if conjuncts and mention == subject.text:  # `She and her aides said`: the group the text names
        mention = trim_mention(subject.doc[subject.i : conjuncts[-1].right_edge.i + 1]).text
    if not mention or _punctuation(subject):
        return None  # a parse that makes punctuation a subject names no one (`%` is a noun here: `42% say`)
    low = _POSSESSIVE.get(subject.lower_, subject.lower_)  # `his claim` is his
    bound = bound_subject(ctx, subject)  # `Some Democrats said they fear ...`: the governing subject
    found = None if bound is None else resolve_speaker(ctx, bound, cue)
    if found is not None and found.speaker:
        return replace(found, mention=mention, others=())
    entity: Entity | None = None
    speaker: str | None = None
    if low in _RELATIVE_THING and subject.head.dep_ == "relcl":
        # `the union, which endorses ...`: the organisation the text names; `a memo that urges ...`:
        # the document, as the text gives it; `a plan that urges`: a thing, whose author the parse
        # does not give
        antecedent = subject.head.head
        entity = _antecedent_entity(ctx, antecedent, person=False)
        if entity is None and antecedent.pos_ == "PROPN" and antecedent.ent_type_ in _UNHELD_NAMES:
            # `the Illinois Board of Elections, which ruled ...`: a name no entity of the article holds
            return Attribution(mention=mention, speaker=mention_text(antecedent), entity=None, cue=cue)
        if entity is None and antecedent.lemma_.lower() not in AUTHORED_NOUNS:
            return None
        if entity is None:  # the document's author when the text gives one (resolve_speaker), else the document
            found = resolve_speaker(ctx, antecedent, cue)
            return None if found is None else replace(found, mention=mention)
        return Attribution(mention=mention, speaker=entity.name, entity=entity, cue=cue)
    if low in _RELATIVE_PERSON and subject.head.dep_ == "relcl":
        antecedent = subject.head.head
        entity = _antecedent_entity(ctx, antecedent, person=True)
        speaker = entity.name if entity else mention_text(antecedent)
    elif low in PERSONAL_PRONOUNS:
        entity = antecedent_of(ctx, subject, frozenset({"PERSON"}))
    elif low in _GROUP:
        labels = frozenset({"ORG", "GPE", "NORP"}) if low == "it" else frozenset({"ORG", "NORP"})
        # `"...," it read`: what reads is a text (a sign, a letter), never an organisation or a place
        entity = None if low == "it" and cue in TEXT_ONLY_VERBS else antecedent_of(ctx, subject, labels)
        if entity is None and low == "it":
            # `it shows ...`: an unresolved `it` is seldom a speaker, but one that reads or says is a text
            return speaking_it(subject, cue)
    elif subject.pos_ != "PRON":
        body = _person_body(ctx, subject)
        if body is not None:  # `Donald Trump's campaign said`: the campaign, not the person
            return Attribution(mention=mention, speaker=body, entity=None, cue=cue)
        entity = phrase_entity(ctx, subject)
        speaker = entity.name if entity else bare
        author = _author(ctx, subject) if entity is None else None
        if author is not None:  # `a 2014 study by Harvard found`: Harvard, in the study's words
            found = resolve_speaker(ctx, author, cue)
            if found is not None and found.speaker:
                return replace(found, mention=mention)
    if entity is not None:
        speaker = entity.name
    others = tuple(_coordinated(ctx, subject, cue))
    return Attribution(mention=mention, speaker=speaker, entity=entity, cue=cue, others=others)


def _antecedent_entity(ctx: FieldContext, antecedent: Token, person: bool) -> Entity | None:
    """The entity a relative pronoun's antecedent names; for a description in apposition to a name
    (`Robert Tabb, a longtime donor who backs ...`), the name's, a person's only for `who` (`that`
    and `which` after a person's description are a thing's: `Tabb, author of a memo which urges`)."""
    entity = phrase_entity(ctx, antecedent)
    if entity is None and antecedent.dep_ == "appos" and antecedent.head.i < antecedent.i:
        entity = phrase_entity(ctx, antecedent.head)
        if entity is not None and not person and entity.label == "PERSON":
            return None
    return entity


def _coordinated(ctx: FieldContext, subject: Token, cue: str | None) -> list[Attribution]:
    """The other names of a coordinated subject (`Clinton and Sanders said`, `Sens. A (D-Ore.), B
    (D-Ohio) and C (D-N.J.) suggested`), each resolved as a speaker of its own: proper names and
    speaking entities only (`Clinton and her aides` adds nobody), none quoted, the subject's name
    itself left out."""
    if subject.pos_ != "PROPN":  # `Senators Ana Lopez and Mark Brennan`: the names are the title's apposition
        subject = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if subject is None:
            return []
    first = ctx.entity_of.get(subject.i)
    found: list[Attribution] = []
    seen = {first.entity_id if first else subject.text}
    for c in subject.conjuncts:
        if c.i < subject.i or c.pos_ != "PROPN" or ctx.quoted(c):
            continue
        entity = phrase_entity(ctx, c)
        key = entity.entity_id if entity else c.text
        if key in seen or (entity is None and ctx.entity_of.get(c.i) is not None):
            continue
        seen.add(key)
        mention = mention_text(c)
        found.append(Attribution(mention=mention, speaker=entity.name if entity else mention, entity=entity, cue=cue))
    return found


def _person_body(ctx: FieldContext, noun: Token) -> str | None:
    """`Trump campaign` for `Donald Trump's campaign` or `the Trump campaign` (person_bodies.txt):
    the owner's family name and the noun; None when the noun is no such body or has no PERSON owner."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in PERSON_BODIES:
        return None
    for c in noun.children:
        owner = ctx.entity_of.get(c.i)
        if c.dep_ in ("poss", "compound") and owner is not None and owner.label == "PERSON" and not ctx.quoted(c):
            return f"{owner.name.split()[-1]} {noun.lemma_.lower()}"
    return None


def _author(ctx: FieldContext, noun: Token) -> Token | None:
    """The author of an authored noun (authored_nouns.txt): its possessor (`Trump's tweet`, `his
    statement`), the object of its `by`/`from` (`a study by Harvard`, `a lawsuit filed by an aide`), the
    subject of a relative clause of issuing (`a speech Clinton delivered`, `an interview he gave`), a
    name compounded with it (`the Trump release`), else who issued it (`Tabb issued a statement
    saying`, `said in a statement`: understood_subjects.issuing_verb); None for other nouns."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in AUTHORED_NOUNS:
        return None
    for c in noun.children:
        if c.dep_ == "poss" and not ctx.quoted(c):
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and not ctx.quoted(obj):
                return obj
        if c.dep_ == "compound" and ctx.entity_of.get(c.i, NO_ENTITY).label in ("PERSON", "ORG") and not ctx.quoted(c):
            return c
        if c.dep_ == "relcl" and c.lemma_.lower() in ISSUING_VERBS:  # `a speech Clinton delivered in July`
            maker = next((g for g in c.children if g.dep_ == "nsubj" and g.lower_ not in RELATIVE_PRONOUNS), None)
            if maker is not None and not ctx.quoted(maker):
                return maker
        agent = next((g for g in c.children if g.dep_ == "agent"), None) if c.dep_ == "acl" else None
        if agent is not None:  # `a lawsuit filed by a former aide`
            obj = next((g for g in agent.children if g.dep_ == "pobj"), None)
            if obj is not None and not ctx.quoted(obj):
                return obj
    verb = issuing_verb(noun)
    issuer = None if verb is None else subject_of(verb, ctx.quoted)
    # never the noun itself or another authored thing (`the report cited a study saying`)
    return None if issuer is None or issuer.lemma_.lower() in AUTHORED_NOUNS else issuer


def name_phrase(
    ctx: FieldContext, tokens: list[Token], cue: str | None = None, common_ok: bool = False
) -> Attribution | None:
    """The speaker a short noun phrase names, when the tokens are only that phrase; a phrase
    without a name (`a senior official`) only when `common_ok`."""
    phrase = ctx.doc[tokens[0].i : tokens[-1].i + 1] if tokens else None
    tokens = [t for t in tokens if not t.is_punct]
    if not tokens or len(tokens) > 12 or any(t.pos_ not in _NAME_TAGS for t in tokens):
        return None
    labels = [ctx.entity_of.get(t.i, NO_ENTITY).label for t in tokens]
    # a person named in the phrase is the speaker (`State Department spokesman Matthew Miller`)
    named = [t for t, label in zip(tokens, labels, strict=True) if label == "PERSON"][-1:] or [
        t for t, label in zip(tokens, labels, strict=True) if label in SPEAKER_LABELS
    ]
    proper = [t for t in tokens if t.pos_ == "PROPN"]
    common = [t for t in tokens if t.pos_ == "NOUN"] if common_ok else []
    head = named[0] if named else proper[-1] if proper else common[-1] if common else None
    if head is None:
        return None
    return resolve_speaker(ctx, head, cue, trim_mention(phrase).text)


# -- matching entities ----------------------------------------------------------------------------


def phrase_entity(ctx: FieldContext, head: Token) -> Entity | None:
    """The entity naming the phrase headed by `head`: its own mention, an apposition's (`candidate
    Donald Trump`), a compound's, or a name match. A place compounded with a common noun (`a New
    York judge`, `Cleveland police`) only says where the speaker is from: no entity."""
    children = [c for c in head.children if c.dep_ == "appos"]
    children += [c for c in head.children if c.dep_ in ("compound", "flat")]
    for t in [head, *children]:
        ent = ctx.entity_of.get(t.i)
        if ent is None or ent.label not in SPEAKER_LABELS:
            continue
        if t is not head and head.pos_ == "NOUN" and ent.label in MODIFIER_LABELS and t.dep_ != "appos":
            continue
        return ent
    if head.pos_ == "PROPN":
        return name_match(ctx, head.text)
    return None


def name_match(ctx: FieldContext, word: str) -> Entity | None:
    """The one speaking entity whose name or surface form ends with `word` ('Peskov'); None when
    no entity or several do."""
    matches = {
        e.entity_id: e
        for e in ctx.entities
        if e.label in SPEAKER_LABELS and any(f.split()[-1] == word for f in [e.name, *e.surface_forms] if f)
    }
    return next(iter(matches.values())) if len(matches) == 1 else None


# -- the words naming the speaker -----------------------------------------------------------------


def mention_text(head: Token) -> str:
    """The words naming the speaker: the head with its modifiers on the left and its name, title or
    affiliation on the right, stopping before relative clauses and punctuation."""
    end = head.i
    for c in head.rights:
        if c.dep_ not in _NAME_RIGHT or (c.dep_ == "prep" and c.lower_ not in _NAME_PREPOSITIONS):
            break
        end = c.right_edge.i
    start = head.left_edge.i
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):  # a parse that runs over a paragraph break names no one there
        if "\n" in doc[i].text:
            start = i + 1
            break
    for i in range(head.i + 1, end + 1):
        if "\n" in doc[i].text:
            end = i - 1
            break
    return trim_mention(doc[start : end + 1]).text


def _punctuation(t: Token) -> bool:
    """Punctuation, but not a sign the parse reads as a word (`42%`)."""
    return t.is_punct and t.pos_ not in ("NOUN", "SYM")


def trim_mention(span: Span) -> Span:
    """The span without punctuation or spaces at its ends, but with a closing bracket it opened
    (`the Korean Central News Agency (KCNA)`)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (_punctuation(doc[start]) or doc[start].is_space):
        start += 1
    while end > start and (_punctuation(doc[end - 1]) or doc[end - 1].is_space):
        if doc[end - 1].text == ")" and "(" in doc[start : end - 1].text:
            break
        end -= 1
    return doc[start:end]
