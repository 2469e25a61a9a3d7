"""Antecedents (transforms.quotes.antecedents): the entity a pronoun subject refers to, and how salient
a mention is."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from tests.transforms.quotes.mentions import COUNCIL, MARA, OWEN, word
from transforms.quotes.antecedents import antecedent_of, salience
from transforms.quotes.context import FieldContext

Context = Callable[..., FieldContext]


def test_pronoun_antecedents_outside_quotes_only(context: Context) -> None:
    ctx = context('Owen Tabb spoke first. "Mara Lindqvist is wrong," he said.', MARA, OWEN)
    he = word(ctx, "he")
    assert antecedent_of(ctx, he, frozenset({"PERSON"})).name == "Owen Tabb"
    assert antecedent_of(ctx, he, frozenset({"ORG"})) is None


def test_a_personal_pronoun_after_long_quotation_looks_further_back(context: Context) -> None:
    quotation = " ".join(f'"The port has {n} problems."' for n in range(6))
    ctx = context(f'Owen Tabb spoke first. {quotation} "We will fix them," he said.', OWEN)
    he = word(ctx, "he")
    assert antecedent_of(ctx, he, frozenset({"PERSON"})).name == "Owen Tabb"
    it = context(f'The Harbour Council met. {quotation} "We will fix them," it said.', COUNCIL)
    assert antecedent_of(it, word(it, "it"), frozenset({"ORG"})) is None  # only `he` and `she` look that far


def test_salience_ranks_subjects_of_reporting_verbs_first(nlp: Language) -> None:
    doc = nlp("Owen Tabb said the budget was late. Mara Lindqvist met Ida Holt.")
    assert salience(doc[1]) == 3  # Tabb: subject of `said` (from `Owen`, a compound, too)
    assert salience(doc[0]) == 3
    mara, ida = doc[9], doc[12]
    assert (mara.text, ida.text) == ("Lindqvist", "Holt")
    assert salience(mara) == 2 and salience(ida) == 0
