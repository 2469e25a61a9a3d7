"""One person per individual across the warehouse: name variants join, names of other people never do."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.warehouse.test_views import entity, write_part
from warehouse.derived_views import PEOPLE, PERSON_NAMES
from warehouse.people import group_people, name_parts
from warehouse.schema import ENTITIES
from warehouse.views import build_database


def persons(names: list[str]) -> list[set[str]]:
    """The names grouped into people (a fragment that is nobody's name is left out), unresolved marked `?`."""
    found = group_people([(n, n) for n in names])
    groups: dict[str, set[str]] = {}
    for n in names:
        if n in found:
            a = found[n]
            groups.setdefault(a.person_id, set()).add(n + ("?" if a.unresolved else ""))
    return sorted(groups.values(), key=lambda g: sorted(g))


@pytest.mark.parametrize("variants", [
    ["Harry M. Reid", "Harry Reid"],
    ["Paul D. Ryan", "Paul Ryan"],
    ["John F. Kerry", "John Kerry", "John Forbes Kerry"],
    ["HILLARY CLINTON", "Hillary Clinton", "Hillary Rodham Clinton"],
    ["Enrique Pena Nieto", "Enrique Peña Nieto"],
    ["KellyAnne Conway", "Kellyanne Conway"],
    ["Bill Clinton", "William J. Clinton"],
    ["Joe Biden", "Joseph R. Biden"],
    ["Mike Pence", "Michael R. Pence", "Mr. Mike Pence"],
    ["James Comey", "James B. Comey"],
    ["RaÃºl Grijalva", "Raúl Grijalva"],
])
def test_variants_of_one_name_are_one_person(variants) -> None:
    assert persons(variants) == [set(variants)]


def test_names_that_mark_another_person_stay_apart() -> None:
    assert persons(["George W. Bush", "George H.W. Bush"]) == [{"George H.W. Bush"}, {"George W. Bush"}]
    assert persons(["Donald Trump", "Donald J. Trump", "Donald Trump Jr."]) == [
        {"Donald J. Trump", "Donald Trump"}, {"Donald Trump Jr."}]
    assert persons(["Bill Clinton", "Hillary Clinton"]) == [{"Bill Clinton"}, {"Hillary Clinton"}]


def test_a_bare_form_two_people_could_claim_stays_unresolved() -> None:
    assert persons(["George W. Bush", "George H.W. Bush", "George Bush"]) == [
        {"George Bush?"}, {"George H.W. Bush"}, {"George W. Bush"}]
    assert persons(["Bill Clinton", "Hillary Clinton", "Clinton"]) == [
        {"Bill Clinton"}, {"Clinton?"}, {"Hillary Clinton"}]
    # a short given name two full ones of the family could claim
    assert persons(["Al Smith", "Albert Smith", "Alan Smith"]) == [{"Al Smith?"}, {"Alan Smith"}, {"Albert Smith"}]


@pytest.mark.parametrize("variants", [
    ["Moon Jae-in", "Moon Jae In"],
    ["Lee Myung-bak", "Lee Myung Bak", "LEE MYUNG-BAK"],
    ["Hamid al-Rashid", "Hamid Rashid", "Hamid Al-Rashid", "Hamid al Rashid"],
    ["Nabil el-Araby", "Nabil El Araby", "Nabil Araby"],
    ["Rosa Kemp-Harlow", "Rosa Kemp Harlow"],
])
def test_a_hyphen_inside_a_name_and_the_arabic_article_are_spelling(variants) -> None:
    assert persons(variants) == [set(variants)]


def test_folding_hyphens_and_articles_keeps_other_people_apart() -> None:
    # another given name after the family name, another hyphenated given name first
    assert persons(["Kim Jong-un", "Kim Jong-il", "Kim Jong Un"]) == [{"Kim Jong Un", "Kim Jong-un"}, {"Kim Jong-il"}]
    assert persons(["Jean-Pierre Morel", "Jean-Paul Morel"]) == [{"Jean-Paul Morel"}, {"Jean-Pierre Morel"}]
    # `Al` as a given name is no article
    assert persons(["Al Ramirez", "Ramon Ramirez"]) == [{"Al Ramirez"}, {"Ramon Ramirez"}]
    # a bare family name with the article: the one person of that family, unresolved between two
    assert persons(["Hamid al-Rashid", "al-Rashid"]) == [{"Hamid al-Rashid", "al-Rashid"}]
    assert persons(["Hamid al-Rashid", "Omar Rashid", "al-Rashid"]) == [
        {"Hamid al-Rashid"}, {"Omar Rashid"}, {"al-Rashid?"}]
    # a hyphenated family name alone is the family name its full form ends with; two family names
    # joined by a hyphen (`Obama-Clinton`, a ticket) are no one's
    assert persons(["Rosa Kemp-Harlow", "Kemp-Harlow"]) == [{"Kemp-Harlow", "Rosa Kemp-Harlow"}]
    assert persons(["Hillary Clinton", "Bill Clinton", "Clinton", "Obama-Clinton", "Trump-Clinton"]) == [
        {"Bill Clinton"}, {"Clinton?"}, {"Hillary Clinton"}, {"Obama-Clinton?"}, {"Trump-Clinton?"}]


def test_half_of_a_hyphenated_name_is_not_a_middle_name_to_leave_out() -> None:
    # `Smith-Jones` is one family name: `Mary Jones` and a bare `Jones` are other people, written
    # with the hyphen or without it (`Sheila Jackson Lee`) the name is one person
    assert persons(["Mary Smith-Jones", "Mary Jones"]) == [{"Mary Jones"}, {"Mary Smith-Jones"}]
    assert persons(["Tara Ross-Beddow", "Tara Ross Beddow", "Tara Beddow", "Ross-Beddow", "Beddow"]) == [
        {"Beddow", "Tara Beddow"}, {"Ross-Beddow", "Tara Ross Beddow", "Tara Ross-Beddow"}]
    assert persons(["Tara Ross-Beddow", "Beddow"]) == [{"Beddow?"}, {"Tara Ross-Beddow"}]
    # a middle name of her own still joins the bare form (`Mary Jones` is `Mary Q. Jones`)
    assert persons(["Mary Smith-Jones", "Mary Q. Jones", "Mary Jones"]) == [
        {"Mary Jones", "Mary Q. Jones"}, {"Mary Smith-Jones"}]
    # given names after the family name (`Moon Jae-in`) are never written without the hyphen's first half
    assert persons(["Moon Jae-in", "Moon Jae In", "Moon In"]) == [{"Moon In"}, {"Moon Jae In", "Moon Jae-in"}]


def test_a_bare_family_name_one_person_claims_is_that_person() -> None:
    assert persons(["Dmitry Peskov", "Peskov"]) == [{"Dmitry Peskov", "Peskov"}]


def test_headline_fragments_are_nobodys_name() -> None:
    assert persons(["Donald Trump", "Hillary Clinton", "Trump Warns Clinton"]) == [
        {"Donald Trump"}, {"Hillary Clinton"}]
    # a given name that is also someone's family name is still a given name
    assert persons(["Scott Walker", "Tim Scott", "Scott Walker Jr."]) == [
        {"Scott Walker"}, {"Scott Walker Jr."}, {"Tim Scott"}]


def test_name_parts_fold_case_accents_and_titles() -> None:
    p = name_parts("Sen. ENRIQUE PEÑA NIETO Jr.")
    assert (p.first, p.middle, p.last, p.suffix) == ("enrique", "p", "nieto", "jr")
    assert name_parts("!!!") is None


def test_the_grouping_is_the_same_in_any_order() -> None:
    names = ["James Comey", "James B. Comey", "George Bush", "George W. Bush", "Bush", "Dmitry Peskov"]
    assert group_people([(n, n) for n in names]) == group_people([(n, n) for n in reversed(names)])


def test_people_view_and_person_names_table_are_built_with_comments(tmp_path: Path) -> None:
    rows = [
        entity("a1", "James Comey", "PERSON", {"James Comey": 2, "Comey": 1}),
        entity("a2", "James B. Comey", "PERSON", {"James B. Comey": 1}),
        entity("a2", "Kremlin", "ORG", {"Kremlin": 1}),
    ]
    db = tmp_path / "news.duckdb"
    build_database(db, {"entities": [write_part(tmp_path, ENTITIES, rows, "part-0.parquet")]},
                   {"entities": ENTITIES.columns})
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(DISTINCT person_id), count(*) FROM person_names").fetchall() == [(1, 2)]
        # no article rows in this warehouse: the people view joins articles, so it is empty, but typed
        cols = con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'people' "
                           "ORDER BY column_index").fetchall()
        assert dict(cols) == PEOPLE.columns
        cols = con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'person_names' "
                           "ORDER BY column_index").fetchall()
        assert dict(cols) == PERSON_NAMES.columns
    finally:
        con.close()


def test_short_forms_must_be_listed_both_ways_and_shorter() -> None:
    # the package chains `fred` -> `wilfred` -> `will`: two different men
    assert persons(["Fred Rogers", "Will Rogers"]) == [{"Fred Rogers"}, {"Will Rogers"}]
    # `C. Rick Martin` goes by Rick; `B. Hussein Obama` by no listed given name, so by the initial
    assert persons(["C. Rick Martin", "Carmel Martin"]) == [{"C. Rick Martin"}, {"Carmel Martin"}]
    assert persons(["B. Hussein Obama", "Barack Obama"]) == [{"B. Hussein Obama", "Barack Obama"}]
    assert persons(["George HW Bush", "George H.W. Bush", "George W. Bush"]) == [
        {"George H.W. Bush", "George HW Bush"}, {"George W. Bush"}]


def test_a_titled_or_given_name_bare_form_is_not_resolved() -> None:
    assert persons(["Saeed Abedini", "Mrs. Abedini"]) == [{"Mrs. Abedini?"}, {"Saeed Abedini"}]
    assert persons(["Larry David", "David"]) == [{"David?"}, {"Larry David"}]


def test_typeset_hyphens_are_hyphens() -> None:
    # web copy sets U+2010 and the non-breaking U+2011 where a keyboard types `-`
    assert persons(["Moon Jae-in", "Moon Jae\u2011in", "Moon Jae\u2010in"]) == [
        {"Moon Jae-in", "Moon Jae\u2011in", "Moon Jae\u2010in"}]
    assert persons(["Hamid al\u2011Rashid", "Hamid Rashid"]) == [{"Hamid Rashid", "Hamid al\u2011Rashid"}]
    assert persons(["Mary Smith\u2011Jones", "Mary Jones"]) == [{"Mary Jones"}, {"Mary Smith\u2011Jones"}]
