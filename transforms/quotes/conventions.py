"""Newsroom conventions of attribution that carry no reporting verb the parse can find.

Each function is one convention, tried where transforms.quotes applies it:
- `inverted_frame`: the words right after a quote are `VERB NAME` or `NAME VERB` whatever the verb
  (`"...," grumbled Finance Minister Petra Lindqvist`, `"...," Doe sighed.`, a headline's `'...',
  says minister as ...`): the cue is the verb's lemma from the parse, not a fixed list;
- `dash_name`: a dash and a name after the quote (`"..." -Commissioner Jane Doe`, `"..." — Jane Doe,
  chairwoman`), and a headline's `'...': health chief on ...`;
- `lead_in`: a quote paragraph after a paragraph or sentence that ends in a colon without a verb
  (`And from Chairwoman Jane Doe:`), or a whole quoted sentence right after a sentence about what
  its speaker did (`Doe addressed the crowd. "..."`): the person of that sentence;
- `is_naming` / `is_markup`: quoted nicknames and titles (`known as "Tiny"`, `the film "..."`) and
  markup that survived scraping (tags, URLs, embed attributes, tweet ids) are nobody's words;
- `transcript_answers`: an interview transcript's answers (`A: ...` lines are the interviewee's,
  `DOE: ...` lines the person of that surname), rows of their own without quotation marks;
- `is_dateline`: a dateline's city in capitals (`WASHINGTON —`, `DALLAS (Reuters) -`) is never a
  speaker.
The words behind them are data files in transforms/lexicon/ (naming_words.txt, role_nouns.txt).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from transforms.entities import Entity
from transforms.lexicon import word_list
from transforms.quotes.colon_lead_ins import colon_clause_speaker
from transforms.quotes.context import FieldContext, is_mark
from transforms.quotes.cues import REPORTING_VERBS
from transforms.quotes.speakers import PERSONAL_PRONOUNS, name_phrase, resolve_speaker
from transforms.quotes.types import Attribution

# Words right before a quote that make it a name, not speech (`known as`, `nicknamed`, `the film`).
NAMING_WORDS = word_list("naming_words.txt", phrases=True)
_LONGEST_NAMING = max((len(w.split()) for w in NAMING_WORDS), default=1)
# Markup left by scraping: tags, URLs, embed attributes, JSON, bare ids.
_MARKUP = re.compile(
    r"</?[A-Za-z][^>]*>|https?://|www\.|pic\.twitter\.com|twitter-tweet|instagram-media|data-[a-z-]+="
    r"|\b[a-z_]+=\S|[{}]|\.(?:com|org|net|co\.uk)/|^@\w+$|^#\w+$|^[0-9]{6,}$|^[A-Za-z0-9_-]*[0-9][A-Za-z0-9_-]{12,}$"
)
# Markup inside a longer stretch of text: attributes and tags only (a URL may be quoted in a statement).
_EMBED = re.compile(r'\b[a-z_]+="|</?[A-Za-z][^>]*>|twitter-tweet|pic\.twitter\.com')
_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_PHRASE_STOP = frozenset({"ADP", "SCONJ", "VERB", "AUX", "ADV", "PUNCT", "CCONJ", "PRON", "SPACE"})
_DASHES = "-–—―"  # hyphen, en dash, em dash, horizontal bar (`"..." ― Name`)
# A dateline: a city in capitals (`WASHINGTON —`, `SYRACUSE, N.Y. -`), or in title case with its agency
# (`New York (AFP) –`), then a dash.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’ -]*[A-Z.](?:,[^—–\n]{0,30})?\s*(?:\([A-Za-z .]+\)\s*)?"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?:,[^—–\n(]{0,30})?\s*\([A-Z][A-Za-z .]*\)\s*)[—–-]\s*"
)


def is_markup(text: str) -> bool:
    """Quoted text that is markup or an identifier rather than words (`<blockquote class=...`, a URL,
    `tweet_id=...`, `{"embed": ...}`, a bare id); a quoted tweet that ends in a link is still words."""
    text = text.strip()
    if not _MARKUP.search(text):
        return False
    rest = re.sub(r"<[^>]*>|\S*(?:https?://|www\.|pic\.twitter\.com|=)\S*", " ", text)
    return len(re.findall(r"[^\W\d_]{2,}", rest)) < 4


def is_embedded_markup(text: str) -> bool:
    """Reported content that holds markup attributes or tags (`tweet_id="..."`, `<a href=...>`): an
    embed left in the text, not a statement."""
    return bool(_EMBED.search(text))


def is_naming(ctx: FieldContext, n: int) -> bool:
    """A quote that names (a nickname, a title, a coined term) rather than reports: right after a
    naming phrase (`goes by the name "Tiny"`, `known as`, `dubbed`, `the film`), or a short term
    quoted inside a sentence's words with no capital start and nothing around it that speaks."""
    span = ctx.token_spans[n]
    words: list[str] = []  # the words right before the opening mark, within its sentence
    i = span.start - 1
    while i >= 0 and len(words) < _LONGEST_NAMING and (is_mark(ctx.doc[i]) or not words and ctx.doc[i].is_space):
        i -= 1
    while i >= 0 and len(words) < _LONGEST_NAMING and not (ctx.doc[i].is_punct and not is_mark(ctx.doc[i])):
        if "\n" in ctx.doc[i].text or ctx.quoted(ctx.doc[i]):
            break
        words.insert(0, ctx.doc[i].lower_)
        i -= 1
    return any(" ".join(words[-k:]) in NAMING_WORDS for k in range(1, min(len(words), _LONGEST_NAMING) + 1))


def dateline_end(ctx: FieldContext) -> int:
    """Where the body's dateline (`WASHINGTON —`, `DALLAS (Reuters) -`) ends, dash and spaces included;
    0 for another field or a body without one."""
    m = _DATELINE.match(ctx.text) if ctx.field == "body" else None
    return m.end() if m else 0


def is_dateline(ctx: FieldContext, t: Token) -> bool:
    """The token is part of the body's dateline (`WASHINGTON —`, `DALLAS (Reuters) -`)."""
    if ctx.field != "body" or t.idx > 80:
        return False
    m = _DATELINE.match(ctx.text)
    return bool(m) and t.idx < m.end() and t.text.isupper()


def dateline_only(ctx: FieldContext, entity_id: str | None) -> bool:
    """The entity is named in the body only within its dateline (`JACKSON (AFP) –`, which a parse may
    label PERSON): a pronoun that resolved to it has resolved to a city, not a speaker."""
    m = _DATELINE.match(ctx.text) if ctx.field == "body" and entity_id else None
    if m is None:
        return False
    starts = [x.start for e in ctx.entities if e.entity_id == entity_id for x in e.mentions if x.field == "body"]
    return bool(starts) and max(starts) < m.end()


def not_dateline(ctx: FieldContext, attr: Attribution | None, limit: int | None = None) -> Attribution | None:
    """The attribution, unless its speaker words are the dateline's city (`CLEVELAND, July 19 (UPI) —
    Former Attorney General X said`, which a parse may make the subject): then the first person named
    after the dateline and before `limit` (the quote) takes it, else nobody. Speaker words that run on
    past the dateline (`NEW YORK - Republican candidate Donald Trump`) lose the dateline."""
    if attr is None or ctx.field != "body" or not attr.mention:
        return attr
    m = _DATELINE.match(ctx.text)
    if not (m and ctx.text.startswith(attr.mention)):
        return attr
    if len(attr.mention) > m.end():
        # `NEW YORK - Republican candidate Donald Trump`: the words after the dateline name the speaker
        rest = attr.mention[m.end():]
        named = attr.entity.name.lower() in rest.lower() if attr.entity else bool(attr.speaker and attr.speaker in rest)
        if named:
            return Attribution(mention=rest, speaker=attr.speaker, entity=attr.entity, cue=attr.cue)
        dateline = ctx.text[: m.end()]
        if attr.entity is None and attr.speaker and attr.speaker.startswith(dateline):
            # a speaker as the text gives it (`HARBOURTON — Crews of the ferry`): the same words, without the dateline
            return Attribution(mention=rest, speaker=attr.speaker[m.end():].strip() or None, entity=None, cue=attr.cue)
        attr = Attribution(mention=rest, speaker=None, entity=None, cue=attr.cue)
        return _person_after(ctx, m.end(), limit, attr) or attr
    return _person_after(ctx, m.end(), limit, attr)


def _person_after(ctx: FieldContext, start: int, limit: int | None, attr: Attribution) -> Attribution | None:
    """The first person named after `start` (the dateline's end) and before `limit`, in its paragraph."""
    limit = len(ctx.text) if limit is None else limit
    found = [(x.start, x.text, e) for e in ctx.entities if e.label == "PERSON" for x in e.mentions
             if x.field == ctx.field and start <= x.start < limit and "\n\n" not in ctx.text[start : x.start]]
    if not found:
        return None
    _, words, person = min(found, key=lambda f: f[0])
    return Attribution(mention=words, speaker=person.name, entity=person, cue=attr.cue)


def inverted_frame(ctx: FieldContext, n: int, right: list[Token]) -> Attribution | None:
    """`"...," VERB NAME` or `"...," NAME VERB`, with any finite verb: its lemma is the cue."""
    text = ctx.text
    end = ctx.spans[n].end
    if not right or not (text[end - 1] in ",?!" or right[0].text == ","):
        return None
    words = [t for t in right if t.text != ","] if right[0].text == "," else right
    if not words:
        return None
    if words[0].tag_ in _VERB_TAGS and words[0].lemma_.lower() not in ("be", "have", "do"):
        phrase = _phrase(words[1:])
        return _speaker_of(ctx, phrase, words[0].lemma_.lower()) if phrase else None
    phrase = _phrase(words)
    k = len(phrase)
    if phrase and k < len(words) and words[k].tag_ in _VERB_TAGS and _clause_ends(words[k + 1 :]):
        if len(phrase) == 1 and phrase[0].lower_ in PERSONAL_PRONOUNS:
            return resolve_speaker(ctx, phrase[0], words[k].lemma_.lower())
        return _speaker_of(ctx, phrase, words[k].lemma_.lower())
    return None


def _speaker_of(ctx: FieldContext, phrase: list[Token], lemma: str) -> Attribution | None:
    """The phrase's speaker for a verb next to a quote: with a known reporting verb any phrase that
    names someone (`said a homeless man`); with another verb (`grumbled`, `smiled`) only a person
    the article names, since a verb outside the list may as well describe the quoted thing
    (`"The Apprentice," an NBC show he hosted`)."""
    if lemma in REPORTING_VERBS:
        return name_phrase(ctx, phrase, lemma, common_ok=True)
    attr = name_phrase(ctx, phrase, lemma)
    return attr if attr is not None and attr.entity is not None and attr.entity.label == "PERSON" else None


def _phrase(words: list[Token]) -> list[Token]:
    """The noun phrase the words start with, up to a preposition, verb, adverb or punctuation."""
    out: list[Token] = []
    for t in words:
        if t.pos_ in _PHRASE_STOP and not (t.lower_ in PERSONAL_PRONOUNS and not out):
            break
        out.append(t)
    return out


def _clause_ends(rest: list[Token]) -> bool:
    """Nothing after the verb but an adverb, a prepositional phrase or the sentence's end."""
    return not rest or rest[0].is_punct or rest[0].pos_ in ("ADV", "ADP", "SCONJ")


def dash_name(ctx: FieldContext, n: int) -> Attribution | None:
    """`"..." -Commissioner Jane Doe`, `"..." — Jane Doe, chairwoman`; in a headline `'...':
    health chief on ...`: the name (or, in a headline, the role) after the dash or colon."""
    raw = ctx.spans[n]
    after = ctx.text[raw.end : raw.end + 6]
    m = re.match(r"[\"”’'.,]*\s*([" + _DASHES + r"]+|:)\s*", after)
    if not m or (m.group(1) == ":" and ctx.field != "headline"):
        return None
    start = ctx.doc.char_span(raw.end + m.end(), raw.end + m.end() + 1, alignment_mode="expand")
    if start is None:
        return None
    i = start.start
    while i < len(ctx.doc) and (ctx.doc[i].text.strip(_DASHES) == "" and not ctx.doc[i].is_space):
        i += 1
    words = [t for t in ctx.doc[i : i + 12] if "\n" not in t.text]
    phrase = _phrase(words)
    if not phrase or (words[len(phrase) :] and words[len(phrase)].pos_ in ("VERB", "AUX")):
        return None
    attr = name_phrase(ctx, phrase, None, common_ok=ctx.field == "headline")
    if attr is not None and attr.mention[:1] in _DASHES:  # `-Commissioner` is one token
        words = attr.mention.lstrip(_DASHES + " ")
        attr = replace(attr, mention=words, speaker=attr.speaker if attr.entity else words)
    return attr


def lead_in(ctx: FieldContext, n: int) -> Attribution | None:
    """A quote with no speaker of its own after a colon lead-in without a verb (`And from
    Chairwoman Jane Doe:` ending the paragraph before, or the sentence before), or a whole quoted
    sentence right after a sentence whose subject is a person (`Doe addressed the crowd. "..."`)."""
    raw, span = ctx.spans[n], ctx.token_spans[n]
    para = ctx.paragraph(raw.start)
    before = ctx.text[ctx.para_starts[para] : raw.start].rstrip(" \"“‘'")
    if not before and para > 0:  # the quote opens its paragraph: the paragraph before, if a lead-in
        prev_end = ctx.para_starts[para] - 1
        while prev_end > 0 and ctx.text[prev_end - 1] in "\n ":
            prev_end -= 1
        if ctx.text[prev_end - 1 : prev_end] == ":":  # `Doe issued the following statement:` too
            return _named_before(ctx, prev_end - 1) or colon_clause_speaker(ctx, prev_end - 1)
        return None
    if before.endswith(":"):
        colon = len(before) + ctx.para_starts[para] - 1
        return _named_before(ctx, colon) or colon_clause_speaker(ctx, colon)
    if before and before[-1] in ".!?" and ctx.text[raw.start].isupper():
        return _actor_before(ctx, span.start)
    return None


def _named_before(ctx: FieldContext, colon: int) -> Attribution | None:
    """The person named in the clause that ends at the colon, when that clause has no verb."""
    tok = ctx.doc.char_span(colon, colon + 1, alignment_mode="expand")
    if tok is None:
        return None
    sent = [t for t in ctx.doc[tok.start].sent if t.i < tok.start and not t.is_space and "\n" not in t.text]
    sent = sent[-12:]
    if not sent or any(t.pos_ in ("VERB", "AUX") for t in sent):
        return None
    people = [t for t in sent if getattr(ctx.entity_of.get(t.i), "label", "") == "PERSON"]
    if not people:
        return None
    ent = ctx.entity_of[people[-1].i]
    first = next(t for t in people if ctx.entity_of[t.i] is ent)
    return Attribution(mention=ctx.doc[first.i : people[-1].i + 1].text, speaker=ent.name, entity=ent, cue=None)


def _actor_before(ctx: FieldContext, quote_start: int) -> Attribution | None:
    """The person subject of the sentence right before the quote, in the same paragraph."""
    i = quote_start - 1
    while i >= 0 and (is_mark(ctx.doc[i]) or ctx.doc[i].is_space):
        i -= 1
    if i < 0 or "\n" in ctx.doc[i].text:
        return None
    sent = ctx.doc[i].sent
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or ctx.quoted(subject):
        return None
    if is_dateline(ctx, subject):  # `TALLAHASSEE — Rep. Jane Doe on Friday pummeled the plan. "..."`
        return not_dateline(ctx, Attribution(subject.text, subject.text, None, None), ctx.doc[quote_start].idx)
    ent = ctx.entity_of.get(subject.i)
    if subject.lower_ in PERSONAL_PRONOUNS or (ent is not None and ent.label == "PERSON"):
        return resolve_speaker(ctx, subject, None)
    return None


_SPEAKER_LINE = re.compile(r"([A-Z][A-Za-z'’.-]*(?: [A-Z][A-Za-z'’.-]*){0,2}):\s+(?=\S)")
_QUESTION_LABELS = frozenset({"Q", "QUESTION", "INTERVIEWER"})
_ANSWER_LABELS = frozenset({"A", "ANSWER"})


def transcript_answers(ctx: FieldContext) -> list[tuple[int, int, Attribution]]:
    """An interview transcript's answers: (start, end, attribution) of each paragraph after `A:`
    (the interviewee: the one person the headline names, else the person the article named most
    before the transcript, the later on a tie)
    or after a person's surname in capitals (`DOE:`), when the paragraph holds no quotation marks.
    Questions (`Q:`) are the interviewer's and give no row."""
    paragraphs = []
    for k, start in enumerate(ctx.para_starts):
        end = ctx.para_starts[k + 1] if k + 1 < len(ctx.para_starts) else len(ctx.text)
        m = _SPEAKER_LINE.match(ctx.text, start, end)
        if m:
            paragraphs.append((m, ctx.text[m.end() : end].rstrip()))
    labels = [m.group(1).rstrip(".") for m, _ in paragraphs]
    if not any(label in _QUESTION_LABELS or label.isupper() and len(label) > 1 for label in labels):
        return []
    people = [e for e in ctx.entities if e.label == "PERSON"]
    found = []
    for (m, answer), label in zip(paragraphs, labels, strict=True):
        if not answer or any(c in answer for c in "\"“”"):
            continue
        if label in _ANSWER_LABELS:
            person = _interviewee(ctx, people, m.start())
        elif label.isupper() and len(label) > 1 and label not in _QUESTION_LABELS:
            matches = [e for e in people if e.name.split()[-1].upper() == label or e.name.upper() == label]
            person = matches[0] if len(matches) == 1 else None
        else:
            person = None
        if person is not None:
            start = m.end()
            mention = person.name if label in _ANSWER_LABELS else m.group(1)
            found.append((start, start + len(answer), Attribution(mention, person.name, person, None)))
    return found


def _interviewee(ctx: FieldContext, people: list[Entity], before: int) -> Entity | None:
    """The interviewee: the one person the headline names (`Q&A with Vice President Joe Biden`), else
    the person named most often before offset `before` in the field (the later named on a tie)."""
    headlined = [e for e in people if any(m.field == "headline" for m in e.mentions)]
    if len(headlined) == 1:
        return headlined[0]
    best = None
    for e in people:
        spots = [m.start for m in e.mentions if m.field == ctx.field and m.start < before]
        if spots and (best is None or (len(spots), max(spots)) > best[0]):
            best = ((len(spots), max(spots)), e)
    return best[1] if best else None
