"""Rule 4 (transforms.entities.names): spellings compared for identity and the canonical name of each
group of mentions; the words and surname that people are compared by."""

from __future__ import annotations

from transforms.entities.model import RawMention, raw_mention
from transforms.entities.names import (
    canonical_names,
    fold_apostrophes,
    folded_spelling_key,
    name_words,
    spelling_key,
    surname,
)


def group(*spelled: tuple[str, str], key: str | None = None) -> list[RawMention]:
    """Mentions (spelling, label) in reading order, keyed by their spelling unless `key` is given
    (the acronym rule keys `KCNA` by its expansion)."""
    raws = []
    for n, (text, label) in enumerate(spelled):
        r = raw_mention("body", n * 40, n * 40 + len(text), text, label, [])
        r.key = key or spelling_key(text)
        raws.append(r)
    return raws


def names_of(raws: list[RawMention]) -> dict[str, tuple[str, str]]:
    return canonical_names(raws)


def test_spellings_compare_without_case_full_stops_or_apostrophe_style() -> None:
    assert spelling_key("U.S.") == spelling_key("US") == "us"
    assert spelling_key("O’Malley") == spelling_key("O'Malley") == spelling_key("O‘MALLEY") == "o'malley"
    assert spelling_key(" United  States\n") == "united states"
    assert spelling_key("Calif.") == "calif"


def test_a_line_folded_once_keys_its_spans_as_spelling_key_does() -> None:
    line = "MAYOR O’REILLY’s aide, ‘Dr. J. Smith`, met U.S. officials — Straße Ω ΣΑΣ"
    folded = fold_apostrophes(line)
    assert len(folded) == len(line)  # offsets are kept, so a span of the line is the same span folded
    for a in range(len(line)):
        for b in range(a, len(line) + 1):
            assert folded_spelling_key(folded[a:b]) == spelling_key(line[a:b])


def test_a_persons_words_and_surname() -> None:
    assert name_words("Joseph R. Biden Jr.") == ["joseph", "r", "biden", "jr"]
    assert surname(name_words("Joseph R. Biden Jr.")) == "biden"
    assert surname(name_words("Martin Luther King III")) == "king"
    assert name_words("Clinton, Hillary") == ["clinton", "hillary"]
    assert surname(["jr"]) == "jr"  # a lone word is its own surname


def test_aliases_give_one_name_in_every_article() -> None:
    names = names_of(group(("U.S.", "GPE"), ("America", "GPE"), ("GOP", "ORG"), ("Calif.", "GPE"), ("AP", "ORG")))
    assert names == {
        "us": ("United States", "GPE"),
        "america": ("United States", "GPE"),
        "gop": ("Republican Party", "ORG"),
        "calif": ("California", "GPE"),
        "ap": ("Associated Press", "ORG"),
    }


def test_aliases_and_states_apply_to_places_and_groups_only() -> None:
    """The small model tags `America` a PERSON at times; `Calif.` as an ORG is no state."""
    names = names_of(group(("America", "PERSON"), ("Calif.", "ORG")))
    assert names == {"america": ("America", "PERSON"), "calif": ("Calif.", "ORG")}


def test_group_names_are_singular() -> None:
    names = names_of(
        group(("Republicans", "NORP"), ("Democratic", "NORP"), ("Democrats", "NORP"), ("Swiss", "NORP"))
    )
    assert names == {
        "republicans": ("Republican", "NORP"),
        "democratic": ("Democrat", "NORP"),
        "democrats": ("Democrat", "NORP"),
        "swiss": ("Swiss", "NORP"),
    }


def test_mixed_case_wins_over_a_shouted_dateline() -> None:
    assert names_of(group(("WASHINGTON", "GPE"), ("Washington", "GPE"))) == {"washington": ("Washington", "GPE")}
    assert names_of(group(("WASHINGTON", "GPE"))) == {"washington": ("Washington", "GPE")}
    assert names_of(group(("REUTERS", "ORG"), ("REUTERS", "ORG"), ("Reuters", "ORG"))) == {
        "reuters": ("Reuters", "ORG")
    }
    # short acronyms are not shouting
    assert names_of(group(("NATO", "ORG"), ("NATO", "ORG"), ("Nato", "ORG"))) == {"nato": ("NATO", "ORG")}


def test_the_expansion_names_an_acronyms_group() -> None:
    raws = group(("Korean Central News Agency", "ORG"))
    raws += group(("KCNA", "ORG"), ("KCNA", "ORG"), key="korean central news agency")
    assert names_of(raws) == {"korean central news agency": ("Korean Central News Agency", "ORG")}


def test_otherwise_the_most_frequent_spelling_then_the_first() -> None:
    assert names_of(group(("O'Malley", "PERSON"), ("O’Malley", "PERSON"), ("O’Malley", "PERSON"))) == {
        "o'malley": ("O’Malley", "PERSON")
    }
    assert names_of(group(("O'Malley", "PERSON"), ("O’Malley", "PERSON"))) == {"o'malley": ("O'Malley", "PERSON")}
    typo = group(("HIllary Clinton", "PERSON"), ("HIllary Clinton", "PERSON"), ("Hillary Clinton", "PERSON"))
    assert names_of(typo) == {"hillary clinton": ("Hillary Clinton", "PERSON")}


def test_name_words_leave_out_the_arabic_article_of_a_family_name_only() -> None:
    assert name_words("Abdel Fattah el-Sisi") == ["abdel", "fattah", "sisi"]
    assert name_words("al-Rashid") == ["rashid"]
    assert surname(name_words("Hamid Al-Rashid")) == "rashid"
    # a first word keeps it, and a name that only starts so is no article (`Alba`, `Elena`)
    assert name_words("Al-Hussein bin Talal") == ["al-hussein", "bin", "talal"]
    assert name_words("Elena Alba-Ruiz") == ["elena", "alba-ruiz"]
    assert name_words("Hamid al\u2011Rashid") == ["hamid", "rashid"]  # a non-breaking hyphen, as web copy sets it
