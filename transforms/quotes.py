"""Quotations in an article's fields and who said them, from the quotation marks and the spaCy parse.

Each quotation-mark span (see transforms.quote_spans) becomes one Quote. Its own speaker comes from
the first of these that applies, within the quote's clause (back and forward to a sentence end,
a line break or another quote):
1. the classic frames: `"...," X said`, `"...," said X`, `X said: "..."`, `"...," the agency's
   spokesman, X, tweeted`;
2. the reporting verb that governs the quoted words in the dependency parse (`Clinton says it means
   Trump "may not have paid a dime"` -> Clinton);
3. the nearest reporting verb of the clause, a main verb before a relative clause's;
4. `according to X`;
5. a bare name next to the quote with no verb (`Kim "left ...," the official news agency`);
6. the person or organisation whose verb the quoted words belong to (`Clinton opposes "pay
   freezes"`).
Quotes that name things (`on "Meet the Press"`) and quoted numbers or dates keep no speaker. Any
other quote without its own speaker takes the speaker of the quote it continues (one quote
running over paragraphs), else of the nearest earlier attributed quote or reporting clause in its
paragraph (or the next quote there), else, in a paragraph of nothing but quotation, the last
speaker of the paragraph before. The speaker is the subject of the reporting verb; pronouns
resolve to a recent salient entity, names and short names to the article's entities.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from transforms.entities import Entity
from transforms.quote_spans import RawSpan, find_quote_spans, scan_quotes

__all__ = ["Quote", "extract_quotes", "find_quote_spans"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lemmas of verbs that report speech or writing; the quote's speaker is their subject.
REPORTING_VERBS = _words(
    """say tell add warn write insist tweet argue claim state explain note ask declare announce describe
    call reply respond answer acknowledge admit suggest urge predict promise vow pledge complain joke quip
    recall remark observe report testify assert contend maintain concede conclude charge allege accuse
    proclaim boast brag shout yell scream whisper mutter chant post comment counter retort repeat stress
    emphasize emphasise deny confirm dub label brand term quote cite decry blast slam lament caution
    threaten demand plead beg concur agree disagree continue reiterate recount reveal disclose insinuate
    muse wonder exclaim interject interrupt rail thunder fume scoff sneer rave gush hail praise criticize
    criticise condemn denounce mock ridicule dismiss refer liken compare characterize characterise
    inquire query echo summarize summarise put text email message riff opine exhort chime mention point
    laugh chuckle sigh snap bark growl roar cry"""
)
# Reporting verbs whose object after them is the speaker when they follow a quote (`," added X`);
# the others take an addressee there (`," told reporters`, `called it`).
_INVERTIBLE = _words(
    """add write continue tweet explain note reply respond answer remark observe recall insist argue claim
    state declare announce conclude concede admit acknowledge joke quip predict exclaim interject shout
    yell scream whisper mutter counter retort report testify assert contend maintain boast complain riff
    opine exhort chime laugh chuckle sigh snap bark growl roar cry"""
)
# Surface forms of reporting verbs that may directly precede a direct quote (`said "We ...`).
_REPORTING_FORMS = _words(
    "say says said saying tell tells told add adds added write writes wrote ask asks asked"
)
# Entity labels of speakers: people, organisations and places (`Washington has said`).
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_PERSONAL = frozenset({"he", "she"})
_GROUP = frozenset({"they", "it"})
_RELATIVE_PERSON = frozenset({"who", "whom"})
_RELATIVE_THING = frozenset({"that", "which"})
# Words a title leaves in lower case.
_TITLE_SMALL = _words("a an the of and or in on at to for with from by as is are vs")
# Words right before a title-case quote that make it a name (`on "Meet the Press"`, `NBC's "Today"`).
_BEFORE_TITLE = _words("on with to told in at of from the 's ’s")
_DATE = re.compile(r"(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})")
_SENTENCE_END = frozenset({".", "!", "?"})
_MARK_CHARS = frozenset("\"“”‘’'")
# Dependency labels that link a subjectless verb to the verb whose subject it shares.
_SHARED_SUBJECT = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "dep"})
# Dependency labels the parser gives an inverted subject (`"...," added a New Hampshire Democrat`).
_INVERTED = frozenset({"dobj", "attr", "npadvmod", "nsubjpass", "oprd", "appos"})
# Dependency labels of the words right of a speaker's head that still belong to its name.
_NAME_RIGHT = frozenset({"compound", "flat", "appos", "nummod", "prep", "npadvmod"})
# Entity types of the adverbial nouns after a verb that are never its subject (`said Wednesday`).
_WHEN = frozenset({"DATE", "TIME"})
_NO_ENTITY = Entity("", "")
# Parts of speech of a bare name phrase (`the official Korean Central News Agency (KCNA)`).
_NAME_TAGS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "PART", "NUM"})


@dataclass(frozen=True)
class Quote:
    field: str  # 'headline' | 'standfirst' | 'body'
    paragraph_index: int  # 0-based paragraph within the field
    char_start: int  # offsets into the field's text of the quoted words (without the marks)
    char_end: int
    text: str
    quote_type: str  # 'direct' (a whole quoted statement) or 'partial' (words quoted inside a sentence)
    speaker: str | None  # resolved canonical name; None when unknown
    speaker_mention: str | None  # the words naming the speaker at the attribution ('he', 'Peskov')
    speaker_entity_id: str | None  # Entity.entity_id when the speaker is a named entity
    cue: str | None  # lemma of the reporting verb; None when none


@dataclass(frozen=True)
class _Attribution:
    mention: str
    speaker: str | None
    entity: Entity | None
    cue: str | None


def extract_quotes(docs: Mapping[str, Doc], entities: Sequence[Entity]) -> list[Quote]:
    """One Quote per quotation-mark span in each annotated field, with its speaker when known."""
    quotes: list[Quote] = []
    for name, doc in docs.items():
        quotes.extend(_FieldQuotes(name, doc, entities).quotes())
    return quotes


class _FieldQuotes:
    """The quotes of one field's Doc: token bookkeeping shared by the attribution steps."""

    def __init__(self, field: str, doc: Doc, entities: Sequence[Entity]) -> None:
        self.field, self.doc = field, doc
        self.text = doc.text  # Doc.text joins every token on each call: read it once
        self.spans = scan_quotes(self.text)
        self.para_starts = _paragraph_starts(self.text)
        self.quote_of = [-1] * len(doc)  # token index -> index of the quote holding it, -1 if none
        self.token_spans: list[Span] = []
        for n, raw in enumerate(self.spans):
            span = doc.char_span(raw.start, raw.end, alignment_mode="expand")
            self.token_spans.append(span)
            for t in span:
                self.quote_of[t.i] = n
        self.entity_of: dict[int, Entity] = {}
        self.mentions: list[tuple[int, Entity]] = []  # (token index of the mention's last token, entity)
        for ent in entities:
            for m in ent.mentions:
                if m.field == field:
                    self._index_mention(m.start, m.end, ent)
        self.mentions.sort(key=lambda x: x[0])
        self.entities = list(entities)

    def _index_mention(self, start: int, end: int, ent: Entity) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return
        for t in span:
            self.entity_of.setdefault(t.i, ent)
        self.mentions.append((span[-1].i, ent))

    # -- the pipeline -------------------------------------------------------------------------

    def quotes(self) -> list[Quote]:
        unspoken = {n for n in range(len(self.spans)) if self._title_in_context(n) or self._not_words(n)}
        own = [None if n in unspoken else self._own_attribution(n) for n in range(len(self.spans))]
        attributions = self._inherit(own, unspoken)
        return [self._quote(n, attributions[n]) for n in range(len(self.spans))]

    def _quote(self, n: int, attr: _Attribution | None) -> Quote:
        raw = self.spans[n]
        return Quote(
            field=self.field,
            paragraph_index=self._paragraph(raw.start),
            char_start=raw.start,
            char_end=raw.end,
            text=self.text[raw.start : raw.end],
            quote_type=self._quote_type(raw),
            speaker=attr.speaker if attr else None,
            speaker_mention=attr.mention if attr else None,
            speaker_entity_id=attr.entity.entity_id if attr and attr.entity else None,
            cue=attr.cue if attr else None,
        )

    # -- positions ----------------------------------------------------------------------------

    def _paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def _quoted(self, t: Token) -> bool:
        return self.quote_of[t.i] >= 0 or _is_mark(t)

    def _frame(self, t: Token) -> bool:
        """A word of the narrative around the quotes (not quoted, not a mark, not a line break)."""
        return not self._quoted(t) and "\n" not in t.text

    def _window(self, n: int) -> tuple[list[Token], list[Token]]:
        """The frame tokens of the quote's own clause: left back to a sentence end, a line break or
        another quote; right forward to the same."""
        doc, span = self.doc, self.token_spans[n]
        left: list[Token] = []
        i = span.start - 1
        while i >= 0 and self._window_member(doc[i], n):
            if not _is_mark(doc[i]):
                left.append(doc[i])
            i -= 1
        left.reverse()
        right: list[Token] = []
        if not self._sentence_closed_inside(n):
            i = span.end
            while i < len(doc) and self._window_member(doc[i], n):
                if not _is_mark(doc[i]):
                    right.append(doc[i])
                if doc[i].text in _SENTENCE_END:
                    break
                i += 1
        return left, right

    def _window_member(self, t: Token, n: int) -> bool:
        if "\n" in t.text or self.quote_of[t.i] not in (-1, n):
            return False
        return not (t.text in _SENTENCE_END and self.quote_of[t.i] == -1 and t.i < self.token_spans[n].start)

    def _sentence_closed_inside(self, n: int) -> bool:
        """`"We won." He left.`: the quote ends its sentence, so the words after it are a new one."""
        raw = self.spans[n]
        if not raw.closed or self.text[raw.end - 1] not in ".!?":
            return False
        after = [
            t for t in self.doc[self.token_spans[n].end : self.token_spans[n].end + 3] if not _is_mark(t)
        ]
        return (
            bool(after)
            and after[0].is_title
            and after[0].pos_ != "PROPN"
            and after[0].lower_ not in _PERSONAL
        )

    # -- the quote's own attribution ------------------------------------------------------------

    def _not_words(self, n: int) -> bool:
        """Quoted things nobody said: numbers, dates, and attribute values of markup left in the text
        (`tweet_id="6942..."`)."""
        raw = self.spans[n]
        text = self.text[raw.start : raw.end]
        return (
            self.text[raw.start - 2 : raw.start - 1] == "="
            or not any(c.isalpha() for c in text)
            or bool(_DATE.fullmatch(text.rstrip(".,")))
        )

    def _is_title(self, n: int) -> bool:
        """A name in quotation marks (a show, a book, a slogan), written in title case: it has no
        speaker unless a reporting verb governs it (`called her "Crooked Hillary"`)."""
        words = [w for w in self.text[self.spans[n].start : self.spans[n].end].split() if w[0].isalpha()]
        return 0 < len(words) <= 8 and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)

    def _title_in_context(self, n: int) -> bool:
        """A title-case quote that names something where it stands: `on "Meet the Press"`, `the
        "Avatar" star`; these are not anybody's words."""
        if not self._is_title(n):
            return False
        span = self.token_spans[n]
        root = next((t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i), span[-1])
        if len(span.text.split()) < 2:  # one capitalised word is as often a nickname or a loaded term
            before = [t for t in self.doc[max(0, span.start - 3) : span.start] if not _is_mark(t)]
            return bool(before) and before[-1].lower_ in ("on", "'s", "’s")
        if root.dep_ in ("compound", "nmod", "amod", "poss") or (
            root.dep_ == "pobj" and root.head.lower_ in _BEFORE_TITLE
        ):
            return True
        before = [t for t in self.doc[max(0, span.start - 3) : span.start] if not _is_mark(t)]
        return bool(before) and before[-1].lower_ in _BEFORE_TITLE

    def _own_attribution(self, n: int) -> _Attribution | None:
        left, right = self._window(n)
        frame = {t.i for t in left + right}
        adjacent = self._adjacent_verb(n, left, right)
        if adjacent is None and self._ends_clause(n, right):
            attr = self._phrase_then_verb(right)
            if attr is not None:
                return attr
        verb = adjacent or self._governing_verb(n, frame) or self._nearest_verb(n, left, right)
        if verb is not None:
            attr = self._verb_attribution(verb)
            if attr is not None:
                return attr
        return self._according_to(left + right) or self._bare_name(n, left, right) or self._stance(n, frame)

    def _ends_clause(self, n: int, right: list[Token]) -> bool:
        """The quote ends its clause and what follows is the attribution: `"...," X said`."""
        return bool(right) and (
            self.text[self.spans[n].end - 1] in ",?!—-" or right[0].text in (",", "—", "–")
        )

    def _phrase_then_verb(self, right: list[Token]) -> _Attribution | None:
        """`"...," the party's nominee, Jane Doe, tweeted`: a noun phrase and then the reporting
        verb, which the parse often mangles (the verb as a participle of the noun). A relative
        clause inside the phrase (`Jane Doe, who founded the site, tweeted`) is skipped."""
        words = [t for t in right if not _in_relative_clause(t, right[0].i)]
        verb = next((k for k, t in enumerate(words) if t.pos_ in ("VERB", "AUX")), None)
        if not verb or not _is_reporting(words[verb]):
            return None
        return self._name_phrase(words[:verb], words[verb].lemma_.lower(), common_ok=True)

    def _stance(self, n: int, frame: set[int]) -> _Attribution | None:
        """Words quoted as a person's position without a reporting verb (`Clinton supports
        "appropriate pay raises"`): the person who is the subject of the governing verb."""
        span = self.token_spans[n]
        for t in span:
            if span.start <= t.head.i < span.end:
                continue
            h = t.head
            for _ in range(3):
                if h.pos_ == "VERB" or h.head.i == h.i:
                    break
                h = h.head
            if h.i in frame and h.pos_ == "VERB":
                subject = _subject(h, self._quoted)
                if subject is not None and (
                    subject.lower_ in _PERSONAL
                    or self.entity_of.get(subject.i, _NO_ENTITY).label in ("PERSON", "ORG")
                ):
                    return self._attribution(subject, None)
        return None

    def _adjacent_verb(self, n: int, left: list[Token], right: list[Token]) -> Token | None:
        """The reporting verb of the classic frames, which outrank the parse: `"...," he said` right
        after the quote, `He said: "..."` or `He said, "..."` right before it."""
        if self._ends_clause(n, right):
            words = [t for t in right if not t.is_punct][:4]
            verb = next((t for t in words if _is_reporting(t)), None)
            if verb is not None and self._subject_among(verb, right):
                return verb
        if left and left[-1].text in (":", ","):
            words = [t for t in left if not t.is_punct][-4:]
            verb = next((t for t in reversed(words) if _is_reporting(t)), None)
            if verb is not None and self._subject_among(verb, left):
                return verb
        if left and left[-1].text == ":":  # `Rubio fired back: "..."`: any verb introduces the quote
            verb = left[-1].head
            if verb.pos_ == "VERB" and verb.i in {t.i for t in left} and self._subject_among(verb, left):
                return verb
        return None

    def _subject_among(self, verb: Token, tokens: list[Token]) -> bool:
        subject = _subject(verb, self._quoted)
        return subject is not None and any(t.i == subject.i for t in tokens)

    def _governing_verb(self, n: int, frame: set[int]) -> Token | None:
        """The nearest reporting verb of the clause around the quote among the quoted words' heads."""
        best: tuple[int, Token] | None = None
        for t in self.token_spans[n]:
            if self.quote_of[t.head.i] == n and t.head.i != t.i:
                continue  # not a root of the quoted words
            hops, h = 0, t
            while h.head.i != h.i:
                h, hops = h.head, hops + 1
                if h.i in frame and _is_reporting(h):
                    if best is None or hops < best[0]:
                        best = (hops, h)
                    break
        return best[1] if best else None

    def _nearest_verb(self, n: int, left: list[Token], right: list[Token]) -> Token | None:
        """A reporting verb in the quote's clause: main verbs before subordinate ones, then the nearest."""
        span = self.token_spans[n]
        candidates = [t for t in left + right if _is_reporting(t)]
        if not candidates:
            return None

        def rank(t: Token) -> tuple[bool, int]:
            distance = span.start - t.i if t.i < span.start else t.i - span.end
            return t.dep_ in ("relcl", "acl"), distance

        return min(candidates, key=rank)

    def _verb_attribution(self, verb: Token) -> _Attribution | None:
        subject = _subject(verb, self._quoted)
        if subject is None or self._quoted(subject):
            return None
        return self._attribution(subject, verb.lemma_.lower())

    def _according_to(self, frame: list[Token]) -> _Attribution | None:
        for t in frame:
            if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                objects = [c for c in self.doc[t.i + 1].children if c.dep_ == "pobj"]
                if objects and not self._quoted(objects[0]):
                    return self._attribution(objects[0], "according to")
        return None

    def _bare_name(self, n: int, left: list[Token], right: list[Token]) -> _Attribution | None:
        """No verb: `"...," the official news agency.` or a headline's `Trump: "..."`."""
        if self._ends_clause(n, right) and not any(t.pos_ in ("VERB", "AUX") for t in right):
            return self._name_phrase(right)
        if left and left[-1].text == ":" and not any(t.pos_ in ("VERB", "AUX") for t in left):
            return self._name_phrase(left[:-1])
        return None

    def _name_phrase(
        self, tokens: list[Token], cue: str | None = None, common_ok: bool = False
    ) -> _Attribution | None:
        """The speaker a short noun phrase names, when the tokens are only that phrase; a phrase
        without a name (`a senior official`) only when `common_ok`."""
        phrase = self.doc[tokens[0].i : tokens[-1].i + 1] if tokens else None
        tokens = [t for t in tokens if not t.is_punct]
        if not tokens or len(tokens) > 12 or any(t.pos_ not in _NAME_TAGS for t in tokens):
            return None
        labels = [self.entity_of.get(t.i, _NO_ENTITY).label for t in tokens]
        # a person named in the phrase is the speaker (`State Department spokesman Matthew Miller`)
        named = [t for t, label in zip(tokens, labels, strict=True) if label == "PERSON"][-1:] or [
            t for t, label in zip(tokens, labels, strict=True) if label in SPEAKER_LABELS
        ]
        proper = [t for t in tokens if t.pos_ == "PROPN"]
        common = [t for t in tokens if t.pos_ == "NOUN"] if common_ok else []
        head = named[0] if named else proper[-1] if proper else common[-1] if common else None
        if head is None:
            return None
        return self._attribution(head, cue, _trim(phrase).text)

    # -- from the subject's token to an attribution ---------------------------------------------

    def _attribution(
        self, subject: Token, cue: str | None, mention: str | None = None
    ) -> _Attribution | None:
        mention = mention or _mention_text(subject)
        low = subject.lower_
        entity: Entity | None = None
        speaker: str | None = None
        if low in _RELATIVE_THING and subject.head.dep_ == "relcl":
            return None  # `an ad that urges ...`: a thing, whose author the parse does not give
        if low in _RELATIVE_PERSON and subject.head.dep_ == "relcl":
            antecedent = subject.head.head
            entity = self._entity_at(antecedent)
            speaker = entity.name if entity else _mention_text(antecedent)
        elif low in _PERSONAL:
            entity = self._antecedent(subject, frozenset({"PERSON"}))
        elif low in _GROUP:
            labels = frozenset({"ORG", "GPE", "NORP"}) if low == "it" else frozenset({"ORG", "NORP"})
            entity = self._antecedent(subject, labels)
            if entity is None and low == "it":
                return None  # `it shows ...`: an unresolved `it` is seldom a speaker
        elif subject.pos_ != "PRON":
            entity = self._entity_at(subject)
            speaker = entity.name if entity else mention
        if entity is not None:
            speaker = entity.name
        return _Attribution(mention=mention, speaker=speaker, entity=entity, cue=cue)

    def _entity_at(self, head: Token) -> Entity | None:
        """The entity naming the phrase headed by `head`: its own mention, a compound's, or a name match."""
        for t in [head, *(c for c in head.children if c.dep_ in ("compound", "flat", "appos"))]:
            ent = self.entity_of.get(t.i)
            if ent is not None and ent.label in SPEAKER_LABELS:
                return ent
        if head.pos_ == "PROPN":
            return self._name_match(head.text)
        return None

    def _name_match(self, word: str) -> Entity | None:
        """The one speaking entity whose name or surface form ends with `word` ('Peskov')."""
        matches = {
            e.entity_id: e
            for e in self.entities
            if e.label in SPEAKER_LABELS
            and any(f.split()[-1] == word for f in [e.name, *e.surface_forms] if f)
        }
        return next(iter(matches.values())) if len(matches) == 1 else None

    def _antecedent(self, pronoun: Token, labels: frozenset[str]) -> Entity | None:
        """The entity a pronoun refers to: in the nearest of the last four sentences that has a
        compatible mention, the most salient one (see _salience), the later on a tie. Mentions
        inside quotes do not count: the people a quote talks about are rarely its speaker."""
        starts = [pronoun.sent.start]
        while len(starts) < 4 and starts[-1] > 0:
            starts.append(self.doc[starts[-1] - 1].sent.start)
        lo = bisect.bisect_left(self.mentions, starts[-1], key=lambda x: x[0])
        hi = bisect.bisect_left(self.mentions, pronoun.i, key=lambda x: x[0])
        best: tuple[tuple[int, int], Entity] | None = None
        for i, ent in self.mentions[lo:hi]:
            if ent.label not in labels or self._quoted(self.doc[i]):
                continue
            key = (-sum(i < start for start in starts), _salience(self.doc[i]))
            if best is None or key >= best[0]:
                best = (key, ent)
        return best[1] if best else None

    # -- inheritance --------------------------------------------------------------------------

    def _inherit(self, own: list[_Attribution | None], unspoken: set[int]) -> list[_Attribution | None]:
        """Fill in the speakers of quotes without one of their own; unspoken stay without."""
        attrs = list(own)
        self._share_within_groups(attrs, unspoken)
        events = self._events(attrs)
        for n in range(len(attrs)):
            if attrs[n] is None and n not in unspoken:
                para = self._paragraph(self.spans[n].start)
                attrs[n] = _nearest_event(events.get(para, []), self.spans[n].start)
        # A paragraph that is all quotation continues the last speaker of the paragraph before it;
        # going in order lets a run of such paragraphs carry the speaker on.
        last = {para: evs[-1][2] for para, evs in events.items()}
        quotation = self._quotation_paragraphs()
        for n in range(len(attrs)):
            para = self._paragraph(self.spans[n].start)
            if para not in quotation:
                continue
            if attrs[n] is None and n not in unspoken:
                attrs[n] = last.get(para - 1)
            if attrs[n] is not None:
                last[para] = attrs[n]
        return attrs

    def _share_within_groups(self, attrs: list[_Attribution | None], unspoken: set[int]) -> None:
        """A quote running over paragraphs is one statement: its pieces share one speaker."""
        for group in self._groups():
            found = next((attrs[n] for n in group if attrs[n] is not None), None)
            for n in group:
                if n not in unspoken:
                    attrs[n] = attrs[n] or found

    def _groups(self) -> Iterator[list[int]]:
        group: list[int] = []
        for n, raw in enumerate(self.spans):
            if group and not (not self.spans[group[-1]].closed and self._opens_paragraph(raw)):
                yield group
                group = []
            group.append(n)
        if group:
            yield group

    def _opens_paragraph(self, raw: RawSpan) -> bool:
        start = self.para_starts[self._paragraph(raw.start)]
        return raw.start - start <= 4 and not self.text[start : raw.start].strip(" \"“‘'")

    def _events(self, attrs: list[_Attribution | None]) -> dict[int, list[tuple[int, bool, _Attribution]]]:
        """Per paragraph, in text order: (offset, is a quote, attribution) of each attributed quote
        and each reporting verb with a subject in the narrative."""
        events: dict[int, list[tuple[int, bool, _Attribution]]] = defaultdict(list)
        for raw, attr in zip(self.spans, attrs, strict=True):
            if attr is not None:
                events[self._paragraph(raw.start)].append((raw.start, True, attr))
        for t in self.doc:
            if _is_reporting(t) and self._frame(t):
                attr = self._verb_attribution(t)
                if attr is not None:
                    events[self._paragraph(t.idx)].append((t.idx, False, attr))
        for evs in events.values():
            evs.sort(key=lambda e: e[0])
        return events

    def _quotation_paragraphs(self) -> set[int]:
        """The paragraphs with no words outside their quotes."""
        text, inside = self.text, defaultdict(list)
        for raw in self.spans:
            inside[self._paragraph(raw.start)].append(raw)
        found = set()
        for para, raws in inside.items():
            end = self.para_starts[para + 1] if para + 1 < len(self.para_starts) else len(text)
            cuts = [self.para_starts[para], *(x for r in raws for x in (r.start, r.end)), end]
            if not any(c.isalnum() for a, b in zip(cuts[::2], cuts[1::2], strict=True) for c in text[a:b]):
                found.add(para)
        return found

    # -- quote type ---------------------------------------------------------------------------

    def _quote_type(self, raw: RawSpan) -> str:
        """'direct' when the quote is a whole statement standing in the clause's place: it opens the
        paragraph or follows a colon, comma or reporting verb, starts with a capital and ends at
        punctuation; 'partial' for words quoted inside a sentence."""
        text = self.text
        opens = self._opens_paragraph(raw)
        before = text[max(0, raw.start - 40) : raw.start].rstrip(" \"“‘'")  # a bounded look back
        after = text[raw.end : raw.end + 3].lstrip("\"”’' ")
        starts = opens or (before and (before[-1] in ":,—" or before.split()[-1].lower() in _REPORTING_FORMS))
        ends = text[raw.end - 1] in ".,!?;:…—-" or not after or after[0] in ",.!?;:—\n"
        # a paragraph-opening quote may begin in lower case when it continues an open quote
        capital = text[raw.start].isupper() or opens
        return "direct" if starts and ends and capital else "partial"


def _nearest_event(events: list[tuple[int, bool, _Attribution]], here: int) -> _Attribution | None:
    """The attribution of the last event before `here`, else of the first quote after it (a
    reporting clause after a quote rarely reaches back to it)."""
    k = bisect.bisect_left(events, here, key=lambda e: e[0])
    if k > 0:
        return events[k - 1][2]
    return next((attr for pos, is_quote, attr in events[k:] if is_quote and pos > here), None)


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        j = i
        while j < len(text) and text[j] == "\n":
            j += 1
        starts.append(j)
        i = text.find("\n", j)
    return starts


def _in_relative_clause(t: Token, start: int) -> bool:
    """Whether the token belongs to a relative clause that begins at or after `start`."""
    while t.head.i != t.i:
        if t.dep_ == "relcl" and t.left_edge.i >= start:
            return True
        t = t.head
    return t.dep_ == "relcl"


def _is_mark(t: Token) -> bool:
    return all(c in _MARK_CHARS for c in t.text)


def _is_reporting(t: Token) -> bool:
    if t.pos_ != "VERB" or t.lemma_.lower() not in REPORTING_VERBS:
        return False
    # `called it "a disaster"` names; `were calling "every 15 minutes"` telephones
    return t.lemma_.lower() != "call" or any(c.dep_ in ("dobj", "oprd", "ccomp", "xcomp") for c in t.children)


def _salience(t: Token) -> int:
    """How likely a mention is what a later pronoun refers to: the subject of a reporting verb (3),
    of the main clause (2), of another clause (1), anything else (0)."""
    while t.dep_ in ("compound", "flat") and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return 0
    if _is_reporting(t.head):
        return 3
    return 2 if t.head.dep_ == "ROOT" else 1


def _subject(verb: Token, excluded: Callable[[Token], bool], depth: int = 0) -> Token | None:
    """The speaker's token for a reporting verb: its subject, the agent of a passive, the inverted
    subject of `"...," said Trump`, or the subject
    of the verb it is conjoined with or subordinate to. Quoted words are never the speaker."""
    children = [c for c in verb.children if not excluded(c)]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if subjects:  # two subjects is a parse error around a quote; the nearer one is the verb's
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    for c in children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if verb.lemma_ == "quote":  # `X was quoted as saying`
        return next((c for c in children if c.dep_ == "nsubjpass"), None)
    if _inverted(verb):
        for c in children:
            if (
                c.i > verb.i
                and c.dep_ in _INVERTED
                and c.pos_ in ("PROPN", "NOUN")
                and c.ent_type_ not in _WHEN
            ):
                return c
    if depth < 4 and verb.dep_ in _SHARED_SUBJECT and verb.head.i != verb.i:
        return _subject(verb.head, excluded, depth + 1)
    return _subject_nearby(verb, excluded) if depth == 0 else None


def _inverted(verb: Token) -> bool:
    """Whether the verb may come before its subject: a finite `said` (`"...," said X`), or another
    reporting verb right after the quote (`"...," added X`), never a participle (`adding a plug`)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    before = verb.doc[verb.i - 1] if verb.i else verb
    return verb.lemma_ == "say" or (verb.lemma_ in _INVERTIBLE and (_is_mark(before) or before.text == ","))


def _subject_nearby(verb: Token, excluded: Callable[[Token], bool]) -> Token | None:
    """When the parse lost a participle's subject (`..., writing "..."`): the subject of the clause
    before it."""
    if verb.tag_ == "VBG":
        for t in reversed(verb.doc[verb.sent.start : verb.i]):
            if excluded(t):
                break
            if t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX"):
                return t
    return None


def _trim(span: Span) -> Span:
    """The span without punctuation or spaces at its ends, but with a closing bracket it opened."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text == ")" and "(" in doc[start : end - 1].text:
            break
        end -= 1
    return doc[start:end]


def _mention_text(head: Token) -> str:
    """The words naming the speaker: the head with its modifiers on the left and its name, title or
    affiliation on the right, stopping before relative clauses and punctuation."""
    end = head.i
    for c in head.rights:
        if c.dep_ not in _NAME_RIGHT:
            break
        end = c.right_edge.i
    return _trim(head.doc[head.left_edge.i : end + 1]).text
