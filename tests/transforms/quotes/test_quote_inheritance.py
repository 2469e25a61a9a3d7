"""Inheritance (transforms.quotes.inheritance): a quote without a speaker of its own takes one from
the quote it continues, the nearest attribution of its paragraph, or the paragraph before."""

from __future__ import annotations

from collections.abc import Callable

from transforms.entities import Entity
from transforms.quotes.attribution import own_attribution
from transforms.quotes.context import FieldContext
from transforms.quotes.inheritance import continued_quotes, inherit, nearest_event, quotation_paragraphs
from transforms.quotes.titles import is_unspoken
from transforms.quotes.types import Attribution

Context = Callable[..., FieldContext]
MARA = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])
OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])
A = Attribution("Tabb", "Owen Tabb", Entity("Owen Tabb", "PERSON"), "say")
B = Attribution("she", "Mara Lindqvist", Entity("Mara Lindqvist", "PERSON"), "say")


def speakers(ctx: FieldContext) -> list[str | None]:
    """Each quote's speaker after its own attribution and inheritance, as extract_quotes runs them."""
    unspoken = {n for n in range(len(ctx.spans)) if is_unspoken(ctx, n)}
    own = [None if n in unspoken else own_attribution(ctx, n) for n in range(len(ctx.spans))]
    return [a.speaker if a else None for a in inherit(ctx, own, unspoken)]


# -- the nearest event of a paragraph --------------------------------------------------------------


def test_nearest_event_is_the_last_one_before() -> None:
    events = [(10, True, A), (50, False, B)]
    assert nearest_event(events, 30) is A
    assert nearest_event(events, 60) is B


def test_before_every_event_only_a_later_quote_counts() -> None:
    assert nearest_event([(10, True, A), (50, False, B)], 5) is A
    assert nearest_event([(50, False, B)], 5) is None  # a reporting clause after rarely reaches back
    assert nearest_event([], 5) is None


# -- groups and quotation paragraphs ---------------------------------------------------------------


def test_a_quote_over_paragraphs_is_one_group(context: Context) -> None:
    ctx = context("“The first is money.\n\n“The second is time.\n\n“The third is trust,” she said. “Thanks.”")
    assert list(continued_quotes(ctx)) == [[0, 1, 2], [3]]


def test_paragraphs_of_nothing_but_quotation(context: Context) -> None:
    ctx = context('"The road is closed," Tabb said.\n\n"Until spring."\n\nTabb left. "Bye."')
    assert quotation_paragraphs(ctx) == {1}


# -- inheriting speakers ---------------------------------------------------------------------------


def test_pieces_of_one_quote_share_its_speaker(context: Context) -> None:
    ctx = context(
        "Owen Tabb opened the hearing.\n\n"
        'Tabb said: "The council has three problems. The first is money.\n\n'
        '"The second is time. The third is trust."',
        OWEN,
    )
    assert speakers(ctx) == ["Owen Tabb", "Owen Tabb"]


def test_the_next_sentence_quote_takes_the_nearest_speaker(context: Context) -> None:
    ctx = context('"The road is closed," Tabb said. "It will stay closed until spring."', OWEN)
    assert own_attribution(ctx, 1) is None
    assert speakers(ctx) == ["Owen Tabb", "Owen Tabb"]


def test_a_reporting_clause_in_the_paragraph_counts(context: Context) -> None:
    ctx = context('Mara Lindqvist said the vote was close. "We lost by four."', MARA)
    assert own_attribution(ctx, 0) is None
    assert speakers(ctx) == ["Mara Lindqvist"]


def test_a_reporting_clause_of_a_subordinate_aside_does_not_count(context: Context) -> None:
    ctx = context('"The contracts are binding," Tabb told reporters in July, after Lindqvist stated an interest '
                  'in ending the lease. "They cannot be broken."', OWEN, MARA)
    assert own_attribution(ctx, 1) is None
    assert speakers(ctx) == ["Owen Tabb", "Owen Tabb"]


def test_a_quotation_paragraph_continues_the_paragraph_before(context: Context) -> None:
    ctx = context(
        '"The harvest was the worst in forty years," Mara Lindqvist said.\n\n"Half the orchards lost everything."',
        MARA,
    )
    assert speakers(ctx) == ["Mara Lindqvist", "Mara Lindqvist"]


def test_unspoken_quotes_inherit_nothing(context: Context) -> None:
    ctx = context('Owen Tabb said he appeared on "Morning Valley Hour" on Monday.', OWEN)
    assert speakers(ctx) == [None]
