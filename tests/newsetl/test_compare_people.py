"""People regrouped between two warehouses: names that joined or left a person."""

from __future__ import annotations

from newsetl.compare_people import regrouped, summary_rows


def people(*groups: tuple[str, list[str]]) -> list[tuple[str, str, str]]:
    return [(f"p{i}", name, member) for i, (name, members) in enumerate(groups) for member in members]


def test_a_name_that_joined_a_person_is_a_merge_and_one_that_left_a_split() -> None:
    old = people(("James Comey", ["James Comey", "James B. Comey"]), ("Jim Comey", ["Jim Comey"]),
                 ("George Bush", ["George Bush", "George W. Bush"]), ("Ana Ek", ["Ana Ek"]))
    new = people(("James Comey", ["James Comey", "James B. Comey", "Jim Comey"]), ("George Bush", ["George Bush"]),
                 ("George W. Bush", ["George W. Bush"]), ("Ana Ek", ["Ana Ek"]), ("Owen Tabb", ["Owen Tabb"]))
    report = regrouped(old, new)
    got = [dict(zip(report.columns, row, strict=True)) for row in report.rows]
    assert got == [
        {"change": "merged", "person": "James Comey", "names": "James B. Comey, James Comey, Jim Comey",
         "other side": "James B. Comey, James Comey | Jim Comey"},
        {"change": "split", "person": "George Bush", "names": "George Bush, George W. Bush",
         "other side": "George Bush | George W. Bush"},
    ]
    assert summary_rows(report) == [("people", "merged", 1), ("people", "split", 1)]


def test_person_ids_and_names_in_one_warehouse_only_are_not_regrouping() -> None:
    old = people(("Ana Ek", ["Ana Ek", "A. Ek"]))
    new = [("other-id", "Ana Ek", "Ana Ek"), ("other-id", "Ana Ek", "A. Ek"), ("x", "Bo Ek", "Bo Ek")]
    assert regrouped(old, new).rows == ()
