"""Named entities of an article: spaCy NER, grouped so that each entity has one canonical name.

Rules, in the order they are applied. All work within one article; what is shared between articles
is only the constant tables below (aliases, state abbreviations, KNOWN_PEOPLE).

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
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

# spaCy labels that name things; dates, times, numbers and quantities are not entities here.
ENTITY_LABELS = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
)  # fmt: skip
# Fields in reading order: "most recently named" and "first named" follow this order.
_FIELD_ORDER = ("headline", "standfirst", "body")

# Words of a title before a person's name; stripped from PERSON mentions (compared lower-case,
# without a final full stop). Royal and religious titles (King, Pope, Prince) are part of the name.
_TITLE_WORDS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "president", "vice",
    "prime", "minister", "premier", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "gov", "governor", "lt", "col", "colonel", "gen", "general", "maj", "major",
    "capt", "captain", "sgt", "sergeant", "adm", "admiral", "cmdr", "commander", "secretary",
    "attorney", "chancellor", "mayor", "speaker", "leader", "chairman", "chairwoman", "chair", "judge",
    "justice", "chief", "deputy", "ambassador", "candidate", "nominee", "spokesman", "spokeswoman",
    "spokesperson", "rev", "reverend", "house", "senate", "majority", "minority", "state", "first",
    "lady", "former"
})  # fmt: skip
# Lower-case words that begin a name and stay in it (`de Blasio`, `van Gogh`, `al-Assad`).
_NAME_PARTICLES = frozenset({
    "de", "del", "della", "der", "di", "du", "da", "dos", "van", "von", "le", "la", "al", "el", "bin",
    "ibn", "ben", "st"
})  # fmt: skip
# Generational suffixes: the surname is the word before them (`Biden` in `Joseph R. Biden Jr.`).
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Nouns after a name that make the name a place (`Primorsky region`).
_PLACE_NOUNS = frozenset(
    {"region", "province", "oblast", "krai", "county", "prefecture", "district", "governorate"}
)
# Words just before a name that say whether the person is a woman or a man (`her husband, Bill Clinton`).
_GENDER_TITLES = {
    "mrs": "f", "ms": "f", "miss": "f", "lady": "f", "wife": "f", "mother": "f", "daughter": "f",
    "sister": "f", "mr": "m", "sir": "m", "husband": "m", "father": "m", "son": "m", "brother": "m",
}  # fmt: skip
_PRONOUN = re.compile(r"\b(he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)
# Tags of a word spaCy glued to a name that is no part of it (`Injecting Clinton`, `Obama Says`).
_STRAY_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "IN", "RB", "NN", "NNS", "PRP"})
_OFFICE_BEFORE = re.compile(r"\bsecretary\s+of\s+$", re.IGNORECASE)
# Names the small English model mislabels consistently and no article context fixes.
_FIXED_LABELS = {
    "twitter": "ORG",
    "facebook": "ORG",
    "instagram": "ORG",
    "youtube": "ORG",
    "snapchat": "ORG",
    "google": "ORG",
}
# Closed list of aliases of well-known places, groups and parties: one canonical name in every
# article. Keys are normalised spellings (see _key); values are (canonical name, label).
_ALIASES = {
    "us": ("United States", "GPE"),
    "usa": ("United States", "GPE"),
    "united states": ("United States", "GPE"),
    "united states of america": ("United States", "GPE"),
    "america": ("United States", "GPE"),
    "uk": ("United Kingdom", "GPE"),
    "united kingdom": ("United Kingdom", "GPE"),
    "britain": ("United Kingdom", "GPE"),
    "great britain": ("United Kingdom", "GPE"),
    "un": ("United Nations", "ORG"),
    "united nations": ("United Nations", "ORG"),
    "eu": ("European Union", "ORG"),
    "european union": ("European Union", "ORG"),
    "gop": ("Republican Party", "ORG"),
    "republican party": ("Republican Party", "ORG"),
    "democratic party": ("Democratic Party", "ORG"),
    "dnc": ("Democratic National Committee", "ORG"),
    "rnc": ("Republican National Committee", "ORG"),
    "democratic": ("Democrat", "NORP"),
    "russian federation": ("Russia", "GPE"),
    "ap": ("Associated Press", "ORG"),
    "associated press": ("Associated Press", "ORG"),
    "isis": ("Islamic State", "ORG"),
    "isil": ("Islamic State", "ORG"),
}
# People a bare surname names in English-language news whatever the article: `Obama` alone is
# Barack Obama, also where the article names Michelle Obama (unless `Mrs. Obama`), and such a person
# has one spelling in every article (`Donald J. Trump` -> `Donald Trump`); see rule 7. Keep it
# short: a surname belongs here only if news never uses it alone for anyone else.
KNOWN_PEOPLE: Mapping[str, str] = {
    "obama": "Barack Obama",
    "trump": "Donald Trump",
    "biden": "Joe Biden",
    "putin": "Vladimir Putin",
    "merkel": "Angela Merkel",
    "macron": "Emmanuel Macron",
    "netanyahu": "Benjamin Netanyahu",
    "erdogan": "Recep Tayyip Erdogan",
    "zelensky": "Volodymyr Zelensky",
    "xi": "Xi Jinping",
}
# AP-style abbreviations of US states, as written (with their full stops): `Calif.` is California.
_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,9}")
_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "''", "``", ":", "(", "[", "-", "–", "—"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Mention:
    """One mention: character offsets into the text of `field` (headline, standfirst or body)."""

    field: str
    start: int
    end: int
    text: str


@dataclass
class Entity:
    name: str
    label: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def entity_id(self) -> str:
        return entity_id(self.name, self.label)

    @property
    def surface_forms(self) -> list[str]:
        return sorted({m.text for m in self.mentions})


def entity_id(name: str, label: str) -> str:
    """The same id for the same canonical name and label in every article."""
    return hashlib.sha256(f"{label}\x1f{name}".encode()).hexdigest()[:16]


def entity_at(entities: list[Entity], fld: str, start: int, end: int) -> Entity | None:
    """The entity with a mention in `fld` overlapping the characters start..end, if any."""
    for ent in entities:
        for m in ent.mentions:
            if m.field == fld and m.start < end and start < m.end:
                return ent
    return None


@dataclass
class _Raw:
    """A trimmed spaCy mention on its way to an entity."""

    field: str
    start: int
    end: int
    text: str
    label: str
    order: tuple[int, int]  # (field rank, start): reading order
    paragraph: tuple[int, int]  # (field rank, paragraph index)
    key: str = ""  # normalised spelling, then the group it belongs to
    tags: tuple[str, str] = ("", "")  # fine-grained tags of the first and last token
    capitalised: bool = False  # capitalised by position: headline, sentence start, after a quote mark
    gender: str = ""  # "f" after `Mrs`, `Ms`, `her sister`, ...; "m" after `Mr`, `her husband`, ...


def extract_entities(
    docs: Mapping[str, Doc], image_credit: str | None = None, known_people: Mapping[str, str] = KNOWN_PEOPLE
) -> list[Entity]:
    """Entities mentioned in the annotated fields, one per canonical name and label (see module doc).

    `known_people` maps a lower-case surname to the one person it names on its own (rule 7); pass {}
    to resolve names from the article alone."""
    texts = {fld: doc.text for fld, doc in docs.items()}  # Doc.text rebuilds the string on each access
    raws = _mentions(docs, texts, image_credit)
    acronyms = _acronyms(texts, raws)
    raws.extend(_acronym_mentions(docs, texts, raws, acronyms))
    _fix_labels(raws, texts, known_people)
    for r in raws:
        r.key = acronyms.get(r.text, _key(r.text))
    _drop_stray_words(raws, known_people)
    names = _canonical_names(raws)
    _resolve_people(raws, names, known_people, texts)
    raws.extend(_untagged_mentions(docs, texts, raws))
    return _group(raws, names)


# -- 1, 2: mentions --------------------------------------------------------------------------------


def _rank(fld: str) -> int:
    return _FIELD_ORDER.index(fld) if fld in _FIELD_ORDER else len(_FIELD_ORDER)


def _mentions(docs: Mapping[str, Doc], texts: dict[str, str], image_credit: str | None) -> list[_Raw]:
    credit = (image_credit or "").strip().casefold()
    raws: list[_Raw] = []
    for fld, doc in docs.items():
        breaks = _breaks(texts[fld])
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            for part in _parts(ent):
                span = _trim(part, ent.label_)
                if span is None or (credit and span.text.casefold() == credit):
                    continue
                if _is_office(texts[fld], span.start_char, ent.label_):
                    continue
                label = ent.label_
                if label in ("GPE", "LOC") and all(t.tag_ == "JJ" for t in span):
                    label = "NORP"  # `Ukrainian` supplies: an adjective of a place names its people
                raws.append(_raw(fld, span.start_char, span.end_char, span.text, label, breaks))
                raws[-1].tags = (span[0].tag_, span[-1].tag_)
                raws[-1].capitalised = fld == "headline" or _capitalised(span[0])
                raws[-1].gender = _title_gender(doc[max(0, span.start - 6) : span.start])
    raws.sort(key=lambda r: r.order)
    return raws


def _raw(fld: str, start: int, end: int, text: str, label: str, breaks: list[int]) -> _Raw:
    paragraph = sum(1 for b in breaks if b < start)
    return _Raw(fld, start, end, text, label, (_rank(fld), start), (_rank(fld), paragraph))


def _parts(ent: Span) -> list[Span]:
    """An entity span split at brackets: spaCy tags `the World Health Organization (WHO` as one."""
    parts, start = [], ent.start
    for t in ent:
        if t.text in ("(", ")", "[", "]"):
            parts.append(ent.doc[start : t.i])
            start = t.i + 1
    parts.append(ent.doc[start : ent.end])
    return [p for p in parts if len(p)]


def _trim(ent: Span, label: str) -> Span | None:
    """The name inside a spaCy entity span, or None when nothing name-like is left."""
    doc, i, j = ent.doc, ent.start, ent.end
    for t in ent:  # a name never runs over a line or paragraph break
        if "\n" in t.text or t.is_space:
            j = t.i
            break
    person = label == "PERSON"
    if person:  # `Donald Trump's America`: the person is the owner; `Ted Cruz 1`, `Trump - 60 percent`
        j = next((t.i for t in doc[i:j] if t.i > i and (t.tag_ == "POS" or t.like_num or _spaced_dash(t))), j)
    while i < j and (
        doc[i].is_punct
        or doc[i].tag_ in ("DT", "POS", "PRP$")
        or doc[i].lower_ == "the"
        or (doc[i].is_lower and doc[i].lower_ not in _NAME_PARTICLES)
        or (person and j - i > 1 and doc[i].lower_.rstrip(".") in _TITLE_WORDS)
    ):
        i += 1
    while j > i and (
        doc[j - 1].is_punct or doc[j - 1].tag_ == "POS" or _POSSESSIVE.fullmatch(doc[j - 1].text)
    ):
        j -= 1
    if i == j:
        return None
    span = doc[i:j]
    if not any(c.isupper() for c in span.text) or not any(c.isalpha() for c in span.text):
        return None
    return span


def _capitalised(t: Token) -> bool:
    """True when the token would be capitalised whatever it is: first in a sentence or a quote."""
    return t.i == 0 or bool(t.is_sent_start) or t.doc[t.i - 1].text in _MARKS


def _spaced_dash(t: Token) -> bool:
    """A dash between words (`Trump - and`), not inside a name (`Jong-un`)."""
    return t.text in ("-", "–", "—") and (bool(t.whitespace_) or t.i == 0 or bool(t.doc[t.i - 1].whitespace_))


def _breaks(text: str) -> list[int]:
    """Offsets of the paragraph breaks of a field's text."""
    return [m.start() for m in re.finditer(r"\n\s*\n", text)]


def _is_office(text: str, start: int, label: str) -> bool:
    """`State` in `Secretary of State` names an office, not an organisation."""
    before = text[max(0, start - 20) : start]
    return label in ("ORG", "GPE") and bool(_OFFICE_BEFORE.search(before))


def _key(text: str) -> str:
    """Spelling compared for identity: case, full stops and apostrophe style do not matter."""
    return " ".join(text.translate(_APOSTROPHES).replace(".", "").casefold().split())


# -- 5: acronyms -----------------------------------------------------------------------------------


def _acronyms(texts: dict[str, str], raws: list[_Raw]) -> dict[str, str]:
    """Acronym -> key of its expansion, for every `Expansion (ACR)` in the article."""
    found: dict[str, str] = {}
    for r in raws:
        text = texts[r.field]
        m = re.match(rf"\s*\(\s*({_ACRONYM.pattern})\b", text[r.end : r.end + 16])
        if m and _abbreviates(m.group(1), r.text):
            found.setdefault(m.group(1), _key(r.text))
    return found


def _abbreviates(acronym: str, name: str) -> bool:
    """True when the capitals of `acronym` are initials of `name`'s words, in order."""
    initials = [w[0].upper() for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    letters = [c for c in acronym if c.isupper()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    k = 0
    for c in letters:
        while k < len(initials) and initials[k] != c:
            k += 1
        if k == len(initials):
            return False
        k += 1
    return True


def _acronym_mentions(
    docs: Mapping[str, Doc], texts: dict[str, str], raws: list[_Raw], acronyms: dict[str, str]
) -> list[_Raw]:
    """Every occurrence of a defined acronym as a whole token that is not yet a mention."""
    if not acronyms:
        return []
    label_of = {_key(r.text): r.label for r in raws}
    taken = {(r.field, r.start) for r in raws}
    extra: list[_Raw] = []
    for fld, doc in docs.items():
        breaks = _breaks(texts[fld])
        for t in doc:
            if t.text in acronyms and (fld, t.idx) not in taken:
                extra.append(_raw(fld, t.idx, t.idx + len(t), t.text, label_of[acronyms[t.text]], breaks))
    return extra


# -- 3: labels -------------------------------------------------------------------------------------


def _fix_labels(raws: list[_Raw], texts: dict[str, str], known_people: Mapping[str, str]) -> None:
    for r in raws:
        fixed = _FIXED_LABELS.get(r.text.casefold())
        if fixed:
            r.label = fixed
        elif r.label in ("ORG", "PERSON", "FAC") and _next_word(texts[r.field], r.end) in _PLACE_NOUNS:
            r.label = "GPE"
    # A word of a person's name is that person (`Trump` tagged ORG): the first or last word of a full
    # name, not an acronym (`CNN` in a mis-tagged `CNN Jake Tapper`); place names are often first
    # names too (`Charlotte`), so a place becomes a person only as a surname (`Kasich` tagged GPE).
    # Group names (NORP: `Cuban`, `Swiss`) are not relabelled by this.
    full = [_words(r.text) for r in raws if r.label == "PERSON" and len(_words(r.text)) > 1]
    surnames = {_surname(w) for w in full}
    single = [r.text for r in raws if r.label == "PERSON" and " " not in r.text]
    single = [_key(text) for text in single if not text.isupper()]
    name_words = surnames | {w[0] for w in full} | set(single)
    for r in raws:
        key = _key(r.text)
        if r.label == "PERSON":
            continue
        if key in known_people or (
            not r.text.isupper()
            and r.label not in ("NORP", "LANGUAGE")
            and key in (surnames if r.label in ("GPE", "LOC") else name_words)
        ):
            r.label = "PERSON"
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, str] = {}
    for r in raws:
        votes[_key(r.text)][r.label] += 1
        first.setdefault(_key(r.text), r.label)
    for r in raws:
        counts = votes[_key(r.text)]
        top = max(counts.values())
        r.label = first[_key(r.text)] if counts[first[_key(r.text)]] == top else counts.most_common(1)[0][0]


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([A-Za-z]+)", text[end : end + 30])
    return m.group(1).lower() if m else ""


def _words(text: str) -> list[str]:
    """A person's name as comparable words (case, full stops and apostrophe style aside)."""
    return _key(text).replace(",", " ").split()


def _surname(words: list[str]) -> str:
    """The family name: the last word before any generational suffix (`Jr.`)."""
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return words[-1]


# -- 4: canonical names ----------------------------------------------------------------------------


def _canonical_names(raws: list[_Raw]) -> dict[str, tuple[str, str]]:
    """key -> (canonical name, label) for each group of same-spelling mentions."""
    by_key: dict[str, list[_Raw]] = defaultdict(list)
    for r in raws:
        by_key[r.key].append(r)
    names: dict[str, tuple[str, str]] = {}
    for key, group in by_key.items():
        label = group[0].label
        alias = _ALIASES.get(key) or _ALIASES.get(_singular(key) if label == "NORP" else key)
        state = next((_STATES[r.text] for r in group if r.text in _STATES), None)
        if state and label == "GPE":
            alias = (state, "GPE")
        if alias and label in ("GPE", "ORG", "NORP", "LOC"):
            names[key] = alias
            continue
        counts = Counter(r.text for r in group)
        # The expansion names an acronym's group; then mixed case over a shouted dateline, then frequency.
        name = max(
            counts,
            key=lambda t: (
                _key(t) == key,
                not t.isupper() or len(t) <= 5,
                not re.search(r"\b[A-Z]{2}[a-z]", t),  # `HIllary Clinton` is a typo
                counts[t],
                -group.index(_first(group, t)),
            ),
        )
        if label == "NORP":
            name = _singular(name)
        elif label in ("GPE", "LOC") and name.isupper() and max(len(w) for w in name.split()) > 3:
            name = name.title()  # datelines: `WASHINGTON (AP) -` names Washington
        names[key] = (name, label)
    return names


def _first(group: list[_Raw], text: str) -> _Raw:
    return next(r for r in group if r.text == text)


def _singular(name: str) -> str:
    """`Republicans` -> `Republican`, `Israelis` -> `Israeli`: a group's name is its singular (NORP
    only); `Swiss`, `Druze` and the like have no plural `s` to drop."""
    return name[:-1] if re.search(r"[a-z][^su]s$", name) else name


# -- 6: people -------------------------------------------------------------------------------------


def _resolve_people(
    raws: list[_Raw],
    names: dict[str, tuple[str, str]],
    known_people: Mapping[str, str],
    texts: dict[str, str],
) -> None:
    """Point each PERSON mention's key at the full name it abbreviates (see the module doc, rule 6)."""
    people = [r for r in raws if names[r.key][1] == "PERSON"]
    words_of = {r.key: _words(r.text) for r in people if _key(r.text) == r.key}  # not acronyms
    for r in people:
        words_of.setdefault(r.key, _words(r.text))
    first_seen: dict[str, tuple[int, int]] = {}
    for r in people:
        first_seen.setdefault(r.key, r.order)
    full = sorted({k for k, w in words_of.items() if len(w) > 1}, key=first_seen.__getitem__)
    # Full names: a longer form with the same first and last word joins the shorter one.
    head: dict[str, str] = {}
    for k in sorted(full, key=lambda k: len(words_of[k])):
        for h in dict.fromkeys(head.values()):
            if _same_person(words_of[h], words_of[k]):
                head[k] = h
                break
        else:
            head[k] = k
    # A full name that ends another (`Wasserman Schultz`, `Le Pen` in `Marine Le Pen`) is a compound
    # surname: it joins the longer name when exactly one longer name ends with it, and that name is
    # written mid-sentence with a proper noun first (not `Crooked Hillary Clinton` after a quote mark).
    solid = {r.key for r in people if r.tags[0] in ("NNP", "NNPS") and not r.capitalised}
    for h in list(dict.fromkeys(head.values())):
        n = len(words_of[h])
        longer = {
            head[k] for k in full if len(words_of[k]) > n and words_of[k][-n:] == words_of[h] and k in solid
        }
        if len(longer) == 1:
            target = longer.pop()
            for k in full:
                if head[k] == h:
                    head[k] = target
    for k in full:  # the canonical form: the shortest with the person's first word, then most frequent
        forms = [f for f in full if head[f] == head[k]]
        first_word = [f for f in forms if words_of[f][0] == words_of[head[k]][0]] or forms
        best = min(
            first_word, key=lambda f: (len(words_of[f]), -sum(r.key == f for r in people), first_seen[f])
        )
        names[k] = (_known_spelling(names[best][0], known_people), "PERSON")
    for k in full:  # a person is first named by the earliest of their forms
        first_seen[head[k]] = min(first_seen[head[k]], first_seen[k])
    heads = list(dict.fromkeys(head[k] for k in full))
    candidates = {k: _candidates(words_of[k], heads, full, head, words_of) for k in words_of if k not in head}
    gender, sure = _genders(people, head, texts)
    last_full: dict[str, _Raw] = {}
    for r in people:  # reading order
        if r.key in head:
            r.key = head[r.key]
            last_full[r.key] = r
            continue
        cands = candidates[r.key]
        known = known_people.get(r.key)
        if known and r.gender != "f":  # `Trump` is Donald Trump even where the article names Melania Trump
            named = [h for h in cands if names[h][0] == known] or [h for h in cands if _nickname(h, known)]
            names.setdefault(_key(known), (known, "PERSON"))
            r.key = named[0] if named else _key(known)
        elif len(cands) == 1:
            if not (r.gender and cands[0] in sure and gender[cands[0]] != r.gender):  # `Mrs. X`, not Mr. X
                r.key = cands[0]
            elif r.key in names:  # another person of that surname: say so in the name (`Mrs. Abedini`)
                names[r.key] = (f"{'Mrs.' if r.gender == 'f' else 'Mr.'} {names[r.key][0]}", "PERSON")
        elif cands:
            # `Mrs. Clinton` is not Bill Clinton; nor, more weakly, is `Clinton ... her`.
            hint = r.gender or _pronoun_gender(texts[r.field], r.end)
            if hint:
                cands = (
                    [h for h in cands if gender.get(h) == hint]
                    or [h for h in cands if h not in gender]
                    or cands
                )
            local = [last_full[h] for h in cands if h in last_full and last_full[h].paragraph == r.paragraph]
            if local:
                r.key = max(local, key=lambda m: m.order).key
            else:
                r.key = min(cands, key=first_seen.__getitem__)


def _genders(
    people: list[_Raw], head: dict[str, str], texts: dict[str, str]
) -> tuple[dict[str, str], set[str]]:
    """Each person's gender as far as their full-name mentions show it, by majority: a title or
    kinship word before (`her husband, Bill Clinton`) counts twice, the first personal pronoun
    after once. Also the people whose gender a title or kinship word shows (the surer cases)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    titled: set[str] = set()
    for r in people:
        h = head.get(r.key)
        if h is None:
            continue
        if r.gender:
            votes[h][r.gender] += 2
            titled.add(h)
        pronoun = _pronoun_gender(texts[r.field], r.end)
        if pronoun:
            votes[h][pronoun] += 1
    gender = {h: "f" if v["f"] > v["m"] else "m" for h, v in votes.items() if v["f"] != v["m"]}
    return gender, titled & set(gender)


def _pronoun_gender(text: str, end: int) -> str:
    """The gender of the first personal pronoun after a mention, in its paragraph ("" if none)."""
    m = _PRONOUN.search(re.split(r"[.!?;\n]", text[end : end + 60])[0])
    if not m:
        return ""
    return "m" if m.group(1).lower() in ("he", "his", "him", "himself") else "f"


def _title_gender(before: Span) -> str:
    """The gender a title or kinship word right before a name gives (`Mrs.`, `her husband,`)."""
    for t in reversed(before):
        word = t.lower_.rstrip(".")
        if word in _GENDER_TITLES and (word != "miss" or t.text[0].isupper()):  # not the verb `miss`
            return _GENDER_TITLES[word]
        if not (t.is_punct or word in _TITLE_WORDS or word in ("the", "late")):
            break
    return ""


def _nickname(name: str, known: str) -> bool:
    """`Joseph R. Biden Jr.` may be `Joe Biden`: same surname, first names sharing two letters."""
    words, known_words = _words(name), _words(known)
    return _surname(words) == known_words[-1] and words[0][:2] == known_words[0][:2]


def _known_spelling(name: str, known_people: Mapping[str, str]) -> str:
    """A well-known person's one spelling: `Donald J. Trump`, `Joseph R. Biden` -> the table's. The
    first names must share two letters (`Joe`, `Joseph`), so `Jill Biden` and `Melania Trump` stay."""
    words = _words(name)
    known = known_people.get(words[-1])  # not after a suffix: `Donald Trump Jr.` is his son
    return known if known and len(words) > 1 and _nickname(name, known) else name


def _candidates(
    part: list[str], heads: list[str], full: list[str], head: dict[str, str], words_of: dict[str, list[str]]
) -> list[str]:
    """The people (heads) a short form may name. A one-word short form is a surname before it is a
    first name: `Trump` names `Donald Trump` rather than `Trump Tower`, though `Kim` names `Kim Jong-un`."""
    found = [h for h in heads if any(_contains(words_of[f], part) for f in full if head[f] == h)]
    if len(part) == 1:
        surname = [h for h in found if any(_surname(words_of[f]) == part[0] for f in full if head[f] == h)]
        return surname or found
    return found


def _drop_stray_words(raws: list[_Raw], known_people: Mapping[str, str]) -> None:
    """Words spaCy glued to a person's name: `Billionaire Donald Trump` when the article names
    `Donald Trump`; `Injecting Clinton`, `Obama Says` (a verb, adverb or common noun the article
    uses in no other name) when the article names `Clinton` or `Obama` on its own."""
    people = [r for r in raws if r.label == "PERSON"]
    known = {_key(name) for name in known_people.values()}
    full = {r.key for r in people if " " in r.key}
    keys = {r.key for r in people}
    keys_with: dict[str, set[str]] = defaultdict(set)
    for r in people:
        for w in r.key.split():
            keys_with[w].add(r.key)
    for r in people:
        words = r.key.split()
        if len(words) < 2:
            continue
        first_rest, last_rest = " ".join(words[1:]), " ".join(words[:-1])
        if _key(r.text) in known:
            continue
        # `Billionaire Donald Trump`, but not `Debbie Wasserman Schultz` (a proper noun first)
        glued = (
            len(words) > 2
            and first_rest in full
            and (r.tags[0] in _STRAY_TAGS | {"JJ", "NNPS"} or r.field == "headline")  # title case
        )
        stray = r.tags[0] in _STRAY_TAGS and keys_with[words[0]] == {r.key} and first_rest in keys
        if glued or stray:
            _cut(r, first=True)
        elif r.tags[1] in _STRAY_TAGS and keys_with[words[-1]] == {r.key} and last_rest in keys:
            _cut(r, first=False)


def _cut(r: _Raw, first: bool) -> None:
    """Drop the first or last word of a mention, offsets included."""
    if first:
        m = re.match(r"\S+\s+", r.text)
        if m:
            r.start, r.text = r.start + m.end(), r.text[m.end() :]
    else:
        m = re.search(r"\s+\S+$", r.text)
        if m:
            r.end, r.text = r.end - len(m.group()), r.text[: m.start()]
    r.key = _key(r.text)


def _same_person(short: list[str], long: list[str]) -> bool:
    """`Hillary Clinton` and `Hillary Rodham Clinton`: same first and last word, words in order
    (`Donald Trump Jr.` is not `Donald Trump`)."""
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(w in it for w in short)


def _contains(full: list[str], part: list[str]) -> bool:
    """`Kim` in `Kim Jong-un`, `de Blasio` in `Bill de Blasio`: adjacent words of the full name."""
    n = len(part)
    return n < len(full) and any(full[i : i + n] == part for i in range(len(full) - n + 1))


# -- 7: grouping -----------------------------------------------------------------------------------


def _untagged_mentions(docs: Mapping[str, Doc], texts: dict[str, str], raws: list[_Raw]) -> list[_Raw]:
    """Occurrences of the entities' spellings that spaCy did not tag. An occurrence must be a whole
    run of proper nouns (so `State` in an untagged `Islamic State` is not one), outside any spaCy
    entity; a spelling shared by two entities (`Clinton` for Bill and Hillary) is not searched."""
    keys: dict[str, set[str]] = defaultdict(set)
    for r in raws:
        keys[r.text].add(r.key)
    by_first: dict[str, list[str]] = defaultdict(list)
    for text, ks in keys.items():
        if len(ks) == 1 and len(text) > 1:
            by_first[text.split()[0]].append(text)
    extra: list[_Raw] = []
    for fld, doc in docs.items():
        text_of, breaks = texts[fld], _breaks(texts[fld])
        inside = {t.i for ent in doc.ents for t in ent}
        for r in raws:
            if r.field == fld:
                inside.update(t.i for t in doc.char_span(r.start, r.end, alignment_mode="expand"))
        for t in doc:
            if (
                t.i in inside
                or not _proper(t)
                or t.text not in by_first
                or (t.i > 0 and _proper(doc[t.i - 1]))
            ):
                continue
            for spelled in sorted(by_first[t.text], key=len, reverse=True):
                span = doc.char_span(t.idx, t.idx + len(spelled))
                if (
                    span is not None
                    and text_of[span.start_char : span.end_char] == spelled
                    and not any(x.i in inside for x in span)
                    and not (span.end < len(doc) and (_proper(doc[span.end]) or doc[span.end].text == "-"))
                ):
                    r = _raw(fld, span.start_char, span.end_char, spelled, "", breaks)
                    r.key = next(iter(keys[spelled]))
                    extra.append(r)
                    inside.update(x.i for x in span)
                    break
    return extra


def _proper(t: Token) -> bool:
    return t.tag_ in ("NNP", "NNPS")


def _group(raws: list[_Raw], names: dict[str, tuple[str, str]]) -> list[Entity]:
    """One Entity per canonical name and label, in order of first mention. A mention overlapping an
    earlier one is dropped: a token belongs to one entity, which the quotes transform relies on."""
    entities: dict[tuple[str, str], Entity] = {}
    reached: dict[str, int] = {}  # field -> end of the last mention kept
    for r in sorted(raws, key=lambda r: (r.order, -r.end)):
        if r.start < reached.get(r.field, 0):
            continue
        reached[r.field] = r.end
        name, label = names[r.key]
        ent = entities.setdefault((name, label), Entity(name, label))
        ent.mentions.append(Mention(r.field, r.start, r.end, r.text))
    return list(entities.values())
