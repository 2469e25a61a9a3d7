"""What quote extraction returns (Quote) and what its attribution rules pass around (Attribution, and
the reported-speech rules' Statement)."""

from __future__ import annotations

from dataclasses import dataclass

from transforms.entities import Entity


@dataclass(frozen=True)
class Quote:
    """One attributed statement of an article's field: a quotation-mark span, or a statement
    reported without quotation marks (quote_type 'indirect'), with its speaker when one was found."""

    field: str  # 'headline' | 'standfirst' | 'body'
    paragraph_index: int  # 0-based paragraph within the field
    char_start: int  # offsets into the field's text of the quoted words (without the marks) or the content
    char_end: int
    text: str
    # 'direct' (a whole quoted statement), 'partial' (words quoted inside a sentence) or 'indirect'
    quote_type: str
    speaker: str | None  # resolved canonical name; None when unknown
    speaker_mention: str | None  # the words naming the speaker at the attribution ('he', 'Peskov')
    speaker_entity_id: str | None  # Entity.entity_id when the speaker is a named entity
    cue: str | None  # lemma of the reporting verb; None when none
    cue_class: str | None = None  # 'speech', 'belief' or 'evidence' (cue_table.CUE_CLASSES); None when no cue
    # The statement's other speakers, of a coordinated subject (`Clinton and Sanders said`): each
    # becomes a row of its own (extract_quotes), whose `conjunct` is its place among them (1, 2, ...).
    co_speakers: tuple[Attribution, ...] = ()
    conjunct: int = 0


@dataclass(frozen=True)
class Attribution:
    """Who said a quote, as one attribution rule found it: the words naming the speaker there, the
    resolved speaker (an entity's canonical name, else those words), the entity, and the cue."""

    mention: str
    speaker: str | None
    entity: Entity | None
    cue: str | None  # lemma of the reporting verb, 'according to', or None (a bare name, a stance)
    others: tuple[Attribution, ...] = ()  # the other speakers of a coordinated subject, in text order


@dataclass(frozen=True)
class Statement:
    """One reported statement: its content's character offsets in the field, the cue's lemma
    (`say`, `according to`, `claim`), the cue's class and the source when the text gives one."""

    start: int
    end: int
    cue: str
    complement: str  # how the content hangs on the cue: clause, infinitive, object, a preposition, noun
    cue_class: str
    attribution: Attribution | None
