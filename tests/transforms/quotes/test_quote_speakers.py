"""Speakers (transforms.quotes.speakers): a reporting verb's subject, and who that subject is."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Token

from transforms.quotes.antecedents import antecedent_of
from transforms.quotes.context import FieldContext
from transforms.quotes.speakers import (
    mention_text,
    name_match,
    name_phrase,
    resolve_speaker,
    subject_of,
    trim_mention,
    verb_attribution,
)

Context = Callable[..., FieldContext]
MARA = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])
OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])
COUNCIL = ("Harbour Council", "ORG", ["Harbour Council"])


def word(ctx: FieldContext, text: str, nth: int = 0) -> Token:
    return [t for t in ctx.doc if t.text == text][nth]


def never(_: Token) -> bool:
    return False


# -- the subject of a reporting verb ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verb", "subject"),
    [
        ("Owen Tabb said the road would stay closed.", "said", "Tabb"),  # the subject
        ('"The road is closed," said Owen Tabb.', "said", "Tabb"),  # inverted after the quote
        ("The budget was criticised by Owen Tabb on Tuesday.", "criticised", "Tabb"),  # a passive's agent
        ("Owen Tabb smiled and said the road was open.", "said", "Tabb"),  # shared with the verb before
    ],
)
def test_subject_of(nlp: Language, sentence: str, verb: str, subject: str) -> None:
    doc = nlp(sentence)
    found = subject_of(next(t for t in doc if t.text == verb), never)
    assert found is not None and found.text == subject


def test_subject_of_never_takes_a_date_or_an_excluded_word(context: Context) -> None:
    ctx = context('"We will appeal," said Wednesday the council.')
    found = subject_of(word(ctx, "said"), ctx.quoted)
    assert found is None or found.text != "Wednesday"  # `said Wednesday` is when, never who
    ctx = context('Owen Tabb said "we will appeal".', OWEN)
    assert subject_of(word(ctx, "appeal"), ctx.quoted) is None  # its subject `we` is quoted


def test_verb_attribution_needs_a_subject_in_the_narrative(context: Context) -> None:
    ctx = context('"We will appeal," Owen Tabb said.', OWEN)
    attr = verb_attribution(ctx, word(ctx, "said"))
    assert attr is not None and (attr.speaker, attr.mention, attr.cue) == ("Owen Tabb", "Owen Tabb", "say")
    ctx = context('Owen Tabb said "we will appeal".', OWEN)
    assert verb_attribution(ctx, word(ctx, "appeal")) is None  # the quoted verb's subject is quoted


# -- resolving the subject -------------------------------------------------------------------------


def test_personal_pronoun_resolves_to_the_salient_person(context: Context) -> None:
    ctx = context("Mara Lindqvist criticised Owen Tabb on Tuesday. She said the budget was a fantasy.", MARA, OWEN)
    attr = resolve_speaker(ctx, word(ctx, "She"), "say")
    assert attr is not None
    assert (attr.speaker, attr.mention, attr.entity.name, attr.cue) == (
        "Mara Lindqvist",
        "She",
        "Mara Lindqvist",
        "say",
    )


def test_a_coordinated_subject_gives_each_named_speaker(context: Context) -> None:
    ctx = context("Mara Lindqvist and Owen Tabb said the port would reopen.", MARA, OWEN)
    attr = verb_attribution(ctx, word(ctx, "said"))
    assert attr is not None and attr.speaker == "Mara Lindqvist"
    assert [(o.speaker, o.mention, o.cue) for o in attr.others] == [("Owen Tabb", "Owen Tabb", "say")]
    ctx = context("Mara Lindqvist and her aides said the port would reopen.", MARA)
    attr = verb_attribution(ctx, word(ctx, "said"))
    assert attr is not None and attr.speaker == "Mara Lindqvist" and attr.others == ()


def test_a_possessor_keeps_its_possessive_in_the_mention(context: Context) -> None:
    ctx = context("Owen Tabb spoke. Tabb's claim that the vote was rigged angered voters.", OWEN)
    owner = word(ctx, "Tabb", 1)
    attr = resolve_speaker(ctx, owner, "claim")
    assert attr is not None and (attr.mention, attr.speaker) == ("Tabb's", "Owen Tabb")
    ctx = context("The council's claim that the vote was rigged angered voters.")
    attr = resolve_speaker(ctx, word(ctx, "council"), "claim")
    assert attr is not None and (attr.mention, attr.speaker) == ("The council's", "The council")


def test_a_pronoun_with_its_companions_names_the_group(context: Context) -> None:
    ctx = context("Mara Lindqvist spoke first. She and her aides argue that the levy is unfair.", MARA)
    attr = verb_attribution(ctx, word(ctx, "argue"))
    assert attr is not None and (attr.mention, attr.speaker) == ("She and her aides", "Mara Lindqvist")


def test_an_authored_noun_speaks_for_its_author(context: Context) -> None:
    ctx = context("A 2019 study by the Harbour Council found that the port was losing money.", COUNCIL)
    attr = verb_attribution(ctx, word(ctx, "found"))
    assert attr is not None and (attr.speaker, attr.mention) == ("Harbour Council", "A 2019 study")
    ctx = context("Owen Tabb spoke on Monday. Owen Tabb's tweet said the port was losing money.", OWEN)
    attr = verb_attribution(ctx, word(ctx, "said"))
    assert attr is not None and attr.speaker == "Owen Tabb" and attr.entity is not None
    ctx = context("A study of the port found that it was losing money.")  # no author: the words themselves
    attr = verb_attribution(ctx, word(ctx, "found"))
    assert attr is not None and attr.speaker == "A study of the port" and attr.entity is None


@pytest.mark.parametrize(
    ("sentence", "verb", "mention"),
    [
        ("Owen Tabb issued a statement saying the port would close.", "saying", "a statement"),
        ("Owen Tabb said in a statement that the port would close.", "said", "Owen Tabb"),
        ("Owen Tabb sent an email to residents saying the port would close.", "saying", "an email"),
        ("A lawsuit filed by Owen Tabb alleges that the port broke the law.", "alleges", "A lawsuit"),
    ],
)
def test_a_document_speaks_for_who_issued_it(context: Context, sentence: str, verb: str, mention: str) -> None:
    ctx = context(sentence, OWEN)
    attr = verb_attribution(ctx, word(ctx, verb))
    assert attr is not None and (attr.speaker, attr.mention) == ("Owen Tabb", mention)


def test_a_persons_campaign_speaks_as_the_campaign_not_the_person(context: Context) -> None:
    ctx = context("Owen Tabb spoke on Monday. Owen Tabb's campaign said the port would reopen.", OWEN)
    attr = verb_attribution(ctx, word(ctx, "said"))
    assert attr is not None
    assert (attr.speaker, attr.mention, attr.entity) == ("Tabb campaign", "Owen Tabb's campaign", None)
    ctx = context("Owen Tabb spoke on Monday. The Tabb team said the port would reopen.", OWEN)
    attr = verb_attribution(ctx, word(ctx, "said"))
    assert attr is not None and attr.speaker == "Tabb team"


@pytest.mark.parametrize(
    ("sentence", "pronoun", "speaker"),
    [
        ("Mrs. Lindqvist met Mr. Tabb on Monday. He said the port would reopen.", "He", "Owen Tabb"),
        ("Mr. Tabb met Mrs. Lindqvist on Monday. She said the port would reopen.", "She", "Mara Lindqvist"),
        ("Her husband, Owen Tabb, met Mara Lindqvist, whose budget failed. She said it was a fantasy.", "She",
         "Mara Lindqvist"),
    ],
)
def test_a_pronoun_never_takes_a_person_titled_otherwise(
    context: Context, sentence: str, pronoun: str, speaker: str
) -> None:
    ctx = context(sentence, ("Mara Lindqvist", "PERSON", ["Lindqvist", "Mara Lindqvist"]),
                  ("Owen Tabb", "PERSON", ["Tabb", "Owen Tabb"]))
    assert antecedent_of(ctx, word(ctx, pronoun), frozenset({"PERSON"})).name == speaker


def test_a_pronoun_passes_over_a_person_titled_otherwise_to_one_of_unknown_gender(context: Context) -> None:
    ctx = context("Mr. Tabb met Lindqvist on Monday. She said the port would reopen.", MARA, OWEN)
    assert antecedent_of(ctx, word(ctx, "She"), frozenset({"PERSON"})).name == "Mara Lindqvist"


def test_group_pronouns_resolve_to_organisations(context: Context) -> None:
    ctx = context("The Harbour Council met on Monday. It said the port would reopen.", COUNCIL)
    attr = resolve_speaker(ctx, word(ctx, "It"), "say")
    assert attr is not None and attr.speaker == "Harbour Council"


def test_an_unresolved_it_and_a_relative_that_are_nobody(context: Context) -> None:
    ctx = context("It shows the port would reopen.")
    assert resolve_speaker(ctx, word(ctx, "It"), "show") is None
    ctx = context("It said the port would reopen.")  # a text that says: `it`, as the text gives it (unnamed_sources)
    attr = resolve_speaker(ctx, word(ctx, "It"), "say")
    assert attr is not None and (attr.mention, attr.speaker, attr.entity) == ("It", None, None)
    ctx = context("The council drew up a plan that urges voters to stay home.")
    that = word(ctx, "that")
    assert that.head.dep_ == "relcl"
    assert resolve_speaker(ctx, that, "urge") is None  # a plan is a thing, whose author the parse does not give


def test_a_relative_that_of_a_document_is_the_document_or_its_author(context: Context) -> None:
    ctx = context("The Harbour Council ran an ad that urges voters to stay home.", COUNCIL)
    attr = resolve_speaker(ctx, word(ctx, "that"), "urge")
    assert attr is not None and (attr.mention, attr.speaker) == ("that", "Harbour Council")
    ctx = context("Voters found a memo, which says the port will close.")
    attr = resolve_speaker(ctx, word(ctx, "which"), "say")
    assert attr is not None and (attr.mention, attr.speaker) == ("which", "a memo")


def test_relative_who_is_its_antecedent(context: Context) -> None:
    ctx = context("It was Owen Tabb, who chairs the board, who complained most.", OWEN)
    who = word(ctx, "who")
    assert who.head.dep_ == "relcl"
    attr = resolve_speaker(ctx, who, None)
    assert attr is not None and attr.speaker == "Owen Tabb"


def test_name_without_entity_keeps_its_words(context: Context) -> None:
    ctx = context("Councillor Brenna Holt said the port would reopen.")
    attr = verb_attribution(ctx, word(ctx, "said"))
    assert attr is not None and attr.entity is None and attr.speaker == attr.mention
    assert "Holt" in attr.mention


def test_short_name_matches_exactly_one_entity(context: Context) -> None:
    ctx = context("Tabb spoke.", OWEN, MARA)
    assert name_match(ctx, "Tabb").name == "Owen Tabb"
    assert name_match(ctx, "Brenna") is None
    two = context("Tabb spoke.", OWEN, ("Ida Tabb", "PERSON", ["Ida Tabb"]))
    assert name_match(two, "Tabb") is None  # two Tabbs: the article does not say which


def test_name_phrase_prefers_the_named_person(context: Context) -> None:
    ctx = context('"We will appeal," council spokesman Owen Tabb.', OWEN)
    right = [t for t in ctx.doc if t.i > word(ctx, '"', 1).i]
    attr = name_phrase(ctx, right)
    assert attr is not None and attr.speaker == "Owen Tabb"
    assert attr.mention == "council spokesman Owen Tabb" and attr.cue is None


def test_name_phrase_without_a_name_only_when_allowed(context: Context) -> None:
    ctx = context('"We will appeal," a senior official')
    right = [t for t in ctx.doc if t.i > word(ctx, '"', 1).i]
    assert name_phrase(ctx, right) is None
    attr = name_phrase(ctx, right, "say", common_ok=True)
    assert attr is not None and attr.mention == "a senior official"


# -- salience and the speaker's words --------------------------------------------------------------


def test_mention_text_and_trim_mention(nlp: Language) -> None:
    doc = nlp("State Department spokesman Matthew Miller told reporters on Monday that talks continue.")
    miller = next(t for t in doc if t.text == "Miller")
    assert mention_text(miller) == "State Department spokesman Matthew Miller"
    doc = nlp("“the official Korean Central News Agency (KCNA).”")
    assert trim_mention(doc[:]).text == "the official Korean Central News Agency (KCNA)"
    doc = nlp("(Owen Tabb),")
    assert trim_mention(doc[:]).text == "Owen Tabb"


@pytest.mark.parametrize(
    ("sentence", "verb", "subject"),
    [
        ("A Harbour University poll found last week that the levy would pass.", "found", "poll"),
        ("The Harbour Council survey showed on Monday that most residents back the plan.", "showed", "survey"),
    ],
)
def test_subject_of_a_main_verb_the_parse_read_as_a_modifier(
    nlp: Language, sentence: str, verb: str, subject: str
) -> None:
    doc = nlp(sentence)
    v = next(t for t in doc if t.text == verb)
    found = subject_of(v, never)
    assert found is not None and found.text == subject, [(t.text, t.dep_) for t in doc]


def test_relative_who_after_a_description_is_the_name_described(context: Context) -> None:
    ctx = context("Among the donors was Owen Tabb, a longtime harbour investor who backs the plan.", OWEN)
    who = word(ctx, "who")
    assert who.head.dep_ == "relcl" and who.head.head.dep_ == "appos"
    attr = resolve_speaker(ctx, who, "back")
    assert attr is not None and (attr.mention, attr.speaker) == ("who", "Owen Tabb")
    ctx = context("The money came from the Harbour Council, a body that backs the plan.", COUNCIL)
    attr = resolve_speaker(ctx, word(ctx, "that"), "back")
    assert attr is not None and attr.speaker == "Harbour Council"


def test_a_relative_that_of_a_name_without_an_entity_is_the_name(context: Context) -> None:
    ctx = context("The ruling came from the Harbour Licensing Board, which found that the port was safe.")
    which = word(ctx, "which")
    assert which.head.head.pos_ == "PROPN"  # and no entity of the article holds it
    attr = resolve_speaker(ctx, which, "find")
    assert attr is not None and attr.mention == "which" and "Board" in attr.speaker
