"""A quote's own speaker, from the words of its clause: the attribution steps 1-6 of transforms.quotes.

The clause is the quote's window (back and forward to a sentence end, a line break or another
quote); the first step that finds a speaker there wins:
1. the classic frames (`"...," X said`, `"...," said X`, `X said: "..."`, `"...," the agency's
   spokesman, X, tweeted`);
2. the reporting verb that governs the quoted words in the dependency parse;
3. the nearest reporting verb of the clause, a main verb before a relative clause's;
4. `according to X`;
5. a bare name next to the quote with no verb;
6. the person or organisation whose verb the quoted words belong to (a stance).
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.quotes.context import FieldContext, is_mark
from transforms.quotes.conventions import dash_name, inverted_frame
from transforms.quotes.cues import is_reporting
from transforms.quotes.speakers import (
    NO_ENTITY,
    PERSONAL_PRONOUNS,
    name_phrase,
    resolve_speaker,
    subject_of,
    verb_attribution,
)
from transforms.quotes.types import Attribution

_SENTENCE_END = frozenset({".", "!", "?"})
# Dependents by which a verb has a clause of its own (`Tabb later wrote that ...`); an object is often
# the addressee of the quote's frame (`Tabb told the station.`).
_OWN_CONTENT = frozenset({"ccomp", "xcomp"})
_ADDRESSING = frozenset({"tell", "ask", "answer", "reply", "assure", "remind", "warn", "urge"})


def own_attribution(ctx: FieldContext, n: int) -> Attribution | None:
    """The speaker of quote `n` from its own clause by steps 1-6, or None when none applies."""
    left, right = quote_window(ctx, n)
    frame = {t.i for t in left + right}
    adjacent = _adjacent_verb(ctx, n, left, right)
    if adjacent is None and _ends_clause(ctx, n, right):
        attr = _phrase_then_verb(ctx, right) or inverted_frame(ctx, n, right)
        if attr is not None:
            return attr
    verb = adjacent or _governing_verb(ctx, n, frame) or _nearest_verb(ctx, n, left, right)
    if verb is not None:
        attr = verb_attribution(ctx, verb)
        if attr is not None:
            return attr
    return (
        _according_to(ctx, left + right) or _bare_name(ctx, n, left, right) or dash_name(ctx, n)
        or _stance(ctx, n, frame)
    )


# -- the quote's clause ----------------------------------------------------------------------------


def quote_window(ctx: FieldContext, n: int) -> tuple[list[Token], list[Token]]:
    """The narrative tokens of quote `n`'s own clause, marks left out: left back to a sentence end,
    a line break or another quote; right forward to the same."""
    doc, span = ctx.doc, ctx.token_spans[n]
    left: list[Token] = []
    i = span.start - 1
    while i >= 0 and _window_member(ctx, doc[i], n):
        if not is_mark(doc[i]):
            left.append(doc[i])
        i -= 1
    left.reverse()
    right: list[Token] = []
    if not _sentence_closed_inside(ctx, n):
        i = span.end
        while i < len(doc) and _window_member(ctx, doc[i], n):
            if not is_mark(doc[i]):
                right.append(doc[i])
            if doc[i].text in _SENTENCE_END:
                break
            i += 1
    return left, right


def _window_member(ctx: FieldContext, t: Token, n: int) -> bool:
    if "\n" in t.text or ctx.quote_of[t.i] not in (-1, n):
        return False
    return not (t.text in _SENTENCE_END and ctx.quote_of[t.i] == -1 and t.i < ctx.token_spans[n].start)


def _sentence_closed_inside(ctx: FieldContext, n: int) -> bool:
    """`"We won." He left.`: the quote ends its sentence, so the words after it are a new one; after
    a name or pronoun too, unless they are a bare frame (`"We won." Tabb said.`, `"Who knows?" Tabb
    told the station.`): a reporting verb without content of its own (`"We won." Tabb later wrote
    that ...`, `... Tabb reiterated his support`)."""
    raw = ctx.spans[n]
    if not raw.closed or ctx.text[raw.end - 1] not in ".!?":
        return False
    after = [t for t in ctx.doc[ctx.token_spans[n].end : ctx.token_spans[n].end + 3] if not is_mark(t)]
    if not after or not after[0].is_title:
        return False
    if after[0].pos_ != "PROPN" and after[0].lower_ not in PERSONAL_PRONOUNS:
        return True
    # `"We won." Tabb said.` is the quote's frame; `"We won." Tabb later wrote that ...` a new statement
    words = [t for t in ctx.doc[after[0].i : after[0].i + 6] if not t.is_punct]
    verb = next((t for t in words if is_reporting(t)), None)
    if verb is None:
        return True  # `"We won." Tabb left the room.`
    content = _OWN_CONTENT if verb.lemma_.lower() in _ADDRESSING else _OWN_CONTENT | {"dobj"}
    return any(c.dep_ in content and not ctx.quoted(c) for c in verb.children)


def _ends_clause(ctx: FieldContext, n: int, right: list[Token]) -> bool:
    """The quote ends its clause and what follows is the attribution: `"...," X said`."""
    return bool(right) and (ctx.text[ctx.spans[n].end - 1] in ",?!—-" or right[0].text in (",", "—", "–"))


# -- step 1: the classic frames ----------------------------------------------------------------------


def _adjacent_verb(ctx: FieldContext, n: int, left: list[Token], right: list[Token]) -> Token | None:
    """The reporting verb of the classic frames, which outrank the parse: `"...," he said` right
    after the quote, `He said: "..."` or `He said, "..."` right before it."""
    if _ends_clause(ctx, n, right):
        words = [t for t in right if not t.is_punct][:4]
        verb = next((t for t in words if is_reporting(t)), None)
        if verb is not None and _subject_among(ctx, verb, right):
            return verb
    if left and left[-1].text in (":", ","):
        words = [t for t in left if not t.is_punct][-4:]
        verb = next((t for t in reversed(words) if is_reporting(t)), None)
        if verb is not None and _subject_among(ctx, verb, left):
            return verb
    if left and left[-1].text == ":":  # `Rubio fired back: "..."`: any verb introduces the quote
        verb = left[-1].head
        if verb.pos_ == "VERB" and verb.i in {t.i for t in left} and _subject_among(ctx, verb, left):
            return verb
    return None


def _subject_among(ctx: FieldContext, verb: Token, tokens: list[Token]) -> bool:
    subject = subject_of(verb, ctx.quoted)
    return subject is not None and any(t.i == subject.i for t in tokens)


def _phrase_then_verb(ctx: FieldContext, right: list[Token]) -> Attribution | None:
    """`"...," the party's nominee, Jane Doe, tweeted`: a noun phrase and then the reporting
    verb, which the parse often mangles (the verb as a participle of the noun). A relative
    clause inside the phrase (`Jane Doe, who founded the site, tweeted`) is skipped."""
    words = [t for t in right if not _in_relative_clause(t, right[0].i)]
    verb = next((k for k, t in enumerate(words) if t.pos_ in ("VERB", "AUX")), None)
    if not verb or not is_reporting(words[verb]):
        return None
    return name_phrase(ctx, words[:verb], words[verb].lemma_.lower(), common_ok=True)


def _in_relative_clause(t: Token, start: int) -> bool:
    """Whether the token belongs to a relative clause that begins at or after `start`."""
    while t.head.i != t.i:
        if t.dep_ == "relcl" and t.left_edge.i >= start:
            return True
        t = t.head
    return t.dep_ == "relcl"


# -- steps 2 and 3: a reporting verb found in the parse --------------------------------------------


def _governing_verb(ctx: FieldContext, n: int, frame: set[int]) -> Token | None:
    """The nearest reporting verb of the clause around the quote among the quoted words' heads
    (`Clinton says it means Trump "may not have paid a dime"` -> says)."""
    best: tuple[int, Token] | None = None
    for t in ctx.token_spans[n]:
        if ctx.quote_of[t.head.i] == n and t.head.i != t.i:
            continue  # not a root of the quoted words
        hops, h = 0, t
        while h.head.i != h.i:
            h, hops = h.head, hops + 1
            if h.i in frame and is_reporting(h):
                if best is None or hops < best[0]:
                    best = (hops, h)
                break
    return best[1] if best else None


def _nearest_verb(ctx: FieldContext, n: int, left: list[Token], right: list[Token]) -> Token | None:
    """A reporting verb in the quote's clause: main verbs before subordinate ones, then the nearest."""
    span = ctx.token_spans[n]
    candidates = [t for t in left + right if is_reporting(t)]
    if not candidates:
        return None

    def rank(t: Token) -> tuple[bool, int]:
        distance = span.start - t.i if t.i < span.start else t.i - span.end
        return t.dep_ in ("relcl", "acl"), distance

    return min(candidates, key=rank)


# -- steps 4 to 6: no reporting verb ---------------------------------------------------------------


def _according_to(ctx: FieldContext, frame: list[Token]) -> Attribution | None:
    """`according to X`: the object of `to`, unless quoted."""
    doc = ctx.doc
    for t in frame:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            objects = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
            if objects and not ctx.quoted(objects[0]):
                return resolve_speaker(ctx, objects[0], "according to")
    return None


def _bare_name(ctx: FieldContext, n: int, left: list[Token], right: list[Token]) -> Attribution | None:
    """No verb: `"...," the official news agency.` or a headline's `Trump: "..."`."""
    if _ends_clause(ctx, n, right) and not any(t.pos_ in ("VERB", "AUX") for t in right):
        return name_phrase(ctx, right)
    if left and left[-1].text == ":" and not any(t.pos_ in ("VERB", "AUX") for t in left):
        return name_phrase(ctx, left[:-1])
    return None


def _stance(ctx: FieldContext, n: int, frame: set[int]) -> Attribution | None:
    """Words quoted as a person's position without a reporting verb (`Clinton supports
    "appropriate pay raises"`): the person who is the subject of the governing verb."""
    span = ctx.token_spans[n]
    for t in span:
        if span.start <= t.head.i < span.end:
            continue
        h = t.head
        for _ in range(3):
            if h.pos_ == "VERB" or h.head.i == h.i:
                break
            h = h.head
        if h.i in frame and h.pos_ == "VERB":
            subject = subject_of(h, ctx.quoted)
            if subject is not None and (
                subject.lower_ in PERSONAL_PRONOUNS
                or ctx.entity_of.get(subject.i, NO_ENTITY).label in ("PERSON", "ORG")
            ):
                return resolve_speaker(ctx, subject, None)
    return None
