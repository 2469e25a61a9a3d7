"""Gender only as the article's words show it: honorifics, gendered nouns, pronouns with one antecedent."""

from __future__ import annotations


def genders(people, text: str) -> dict[str, tuple[str, str] | None]:
    entities, _, facts = people(text)
    return {e.name: facts.genders.get(e.entity_id) for e in entities if e.label == "PERSON"}


def test_an_honorific_or_gendered_noun_shows_the_gender(people) -> None:
    found = genders(people, "Spokeswoman Jessica Ditto said via email that Mr. Lovas had resigned.")
    assert found == {"Jessica Ditto": ("female", "spokeswoman"), "Lovas": ("male", "Mr. Lovas")}


def test_a_pronoun_counts_only_when_one_person_is_in_reach(people) -> None:
    text = ("Wells Fargo CEO John Stumpf testified on Tuesday. He admitted the bank had opened false accounts.\n\n"
            "Elizabeth Warren questioned John Stumpf for an hour. She said he should resign.")
    found = genders(people, text)
    assert found["John Stumpf"] == ("male", "He admitted the")
    # two people are in reach of `She`, so the narrative rule gives it to no one; the attribution `She said`,
    # which speaker resolution points at Warren (the only woman in reach), does count
    assert found["Elizabeth Warren"] == ("female", "She say")


def test_a_first_name_alone_never_gives_a_gender(people) -> None:
    found = genders(people, 'Mary Johnson and Robert Smith signed the letter, which called the plan "reckless."')
    assert found == {"Mary Johnson": None, "Robert Smith": None}


def test_pronouns_inside_quotation_marks_are_the_speakers_story(people) -> None:
    found = genders(people, '"She told me it was over," Tom Baker said.')
    assert found == {"Tom Baker": None}


def test_conflicting_words_leave_the_gender_unknown(people) -> None:
    text = "Alex Morgan arrived late. He was tired.\n\nAlex Morgan left early. She was angry."
    assert genders(people, text) == {"Alex Morgan": None}


def test_a_title_before_the_name_is_no_other_person_in_reach(people) -> None:
    found = genders(people, "Gov. Dana Whitlock (R-Ohio) said his budget would pass.")
    assert found == {"Dana Whitlock": ("male", "his budget would")}


def test_a_pronoun_in_a_reported_clause_means_the_named_subject_above_it(people) -> None:
    text = ("The council met the union on Monday after the strike vote in the port of Harwick.\n\n"
            "Mayor Ruth Adair of Harwick said it would be improper for her to comment on the talks.")
    assert genders(people, text)["Ruth Adair"] == ("female", "her to comment")


def test_an_object_pronoun_never_means_its_own_clauses_subject(people) -> None:
    # `him` cannot be Walsh, and the subject above (Gonzalez) is two people away: no one is gendered
    text = ("Senators met in the capital on Monday to discuss the port of Harwick.\n\n"
            "Maria Gonzalez said Peter Walsh had called him about the vote.")
    found = genders(people, text)
    assert found["Peter Walsh"] is None and found["Maria Gonzalez"] is None


def test_a_participle_clause_or_another_name_between_stops_the_binding(people) -> None:
    text = ("Delegates gathered in the hall on Monday to hear the candidates in Harwick.\n\n"
            "Tom Reyes attacked Ana Lopez, saying she had misled voters.")
    assert genders(people, text) == {"Tom Reyes": None, "Ana Lopez": None}
