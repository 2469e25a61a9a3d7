"""Word lists and rule tables as data files: comments and blanks skipped, malformed lines named."""

from __future__ import annotations

from importlib import resources

import pytest

from transforms.lexicon import LexiconError, mapping, table, word_list


def test_word_lists_skip_comments_and_blank_lines():
    text = "# reporting verbs\nsay\n\n  tell   # to someone\nwarn\n"
    assert word_list("verbs.txt", text=text) == frozenset({"say", "tell", "warn"})


def test_phrases_keep_their_words_with_single_spaces():
    assert word_list("x.txt", phrases=True, text="secretary  of state\n") == frozenset({"secretary of state"})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("say\nsay so\n", r"^verbs\.txt:2: 'say so' has a space; one word per line$"),
        ("# header\n\nsay\tsaid\n", r"^verbs\.txt:3: 'say\\tsaid' has a tab; one word per line$"),
    ],
)
def test_a_malformed_word_list_line_is_named_by_file_and_line(text, message):
    with pytest.raises(LexiconError, match=message):
        word_list("verbs.txt", text=text)


def test_tables_map_keys_to_their_other_fields_in_file_order():
    text = "# key\tname\tlabel\nus\tUnited States\tGPE\ngop\tRepublican Party\tORG\n"
    assert table("aliases.tsv", 3, text=text) == {"us": ("United States", "GPE"), "gop": ("Republican Party", "ORG")}
    assert mapping("genders.tsv", text="mrs\tf\nmr\tm\n") == {"mrs": "f", "mr": "m"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("us\tUnited States\n", r"^aliases\.tsv:1: expected 3 non-empty tab-separated fields, got 'us\\tUnited"),
        ("us\tUnited States\tGPE\nuk\t\tGPE\n", r"^aliases\.tsv:2: expected 3 non-empty tab-separated fields"),
        ("us\tUnited States\tGPE\nus\tAmerica\tGPE\n", r"^aliases\.tsv:2: 'us' is already defined above$"),
    ],
)
def test_a_malformed_table_line_is_named_by_file_and_line(text, message):
    with pytest.raises(LexiconError, match=message):
        table("aliases.tsv", 3, text=text)


def test_every_shipped_file_loads():
    folder = resources.files("transforms.lexicon")
    names = [p.name for p in folder.iterdir() if p.name.endswith((".txt", ".tsv"))]
    assert names, "the package ships its word lists and tables"
    for name in names:
        text = (folder / name).read_text(encoding="utf-8")
        assert text.startswith("#"), f"{name} starts with a comment saying what it is for"
        if name.endswith(".txt"):
            assert word_list(name, phrases=True)
        else:
            first = next(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
            assert table(name, len(first.split("\t")))


def test_a_byte_order_mark_is_not_part_of_the_first_entry_and_any_space_splits_words():
    assert word_list("verbs.txt", text="\ufeffsay\ntell\n") == frozenset({"say", "tell"})
    with pytest.raises(LexiconError, match=r"^verbs\.txt:1: 'say\\xa0so' has a space"):
        word_list("verbs.txt", text="say\u00a0so\n")
    assert word_list("x.txt", phrases=True, text="secretary\u00a0of state\n") == frozenset({"secretary of state"})


def test_the_rules_digest_changes_with_any_rule_file(tmp_path):
    from transforms.lexicon import rules_digest

    (tmp_path / "reporting_verbs.txt").write_text("say\nclaim\n")
    (tmp_path / "aliases.tsv").write_text("GOP\tRepublican Party\n")
    (tmp_path / "notes.md").write_text("not a rule file")
    first = rules_digest(tmp_path)
    assert len(first) == 64 and rules_digest(tmp_path) == first
    (tmp_path / "notes.md").write_text("edited")
    assert rules_digest(tmp_path) == first  # only word lists and tables count
    (tmp_path / "reporting_verbs.txt").write_text("say\n")
    removed = rules_digest(tmp_path)
    assert removed != first
    (tmp_path / "reporting_verbs.txt").rename(tmp_path / "other_verbs.txt")
    assert rules_digest(tmp_path) != removed
    assert len(rules_digest()) == 64  # the package's own rules


def test_a_mapping_value_outside_its_value_set_names_the_line() -> None:
    assert mapping("genders.tsv", values=("f", "m"), text="mrs\tf\n# men\nmr\tm\n") == {"mrs": "f", "mr": "m"}
    with pytest.raises(LexiconError, match=r"^genders.tsv:3: 'alderwoman' has 'female'; expected one of f, m$"):
        mapping("genders.tsv", values=("f", "m"), text="mrs\tf\n\nalderwoman\tfemale\n")
