"""Stories on article pairs a newsroom produces: a copy under a new headline, a paragraph added or cut,
wire copy with a local first paragraph; and two different stories on one topic that share a quotation,
which must stay apart. Then the rule's order: the earliest article is the first, whatever came first."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from transforms.stories import THRESHOLD, Assignment, Entry, StoryIndex, shingles, signature, similarity, words

WIRE = [
    "Flood defences along the River Severn were breached early on Tuesday, forcing the evacuation of "
    "about 400 homes in Shrewsbury and nearby villages, the Environment Agency said.",
    "Water levels at the Welsh Bridge gauge reached 5.2 metres overnight, the highest since the "
    "record floods of 2000, after three days of heavy rain across mid Wales and Shropshire.",
    "\"We are asking people in the affected streets to leave now and not to wait for the water to "
    "reach their doors,\" said Helen Morgan, the agency's area manager for the West Midlands.",
    "Emergency shelters opened at two schools and a leisure centre, and the council said it had "
    "arranged buses for residents without cars. Police closed the Frankwell car park and several roads.",
    "The Met Office issued an amber warning for further rain on Wednesday, with up to 60mm expected "
    "on high ground, which forecasters said could push the river higher still by Thursday morning.",
    "Residents criticised the pace of work on new barriers promised after the 2020 floods. \"We were "
    "told this would never happen again,\" said Tom Price, whose cafe near the riverside flooded twice.",
    "The agency said the temporary barriers had held for most of the night before water found a way "
    "under a section near the railway embankment, where engineers were working to pump it back.",
    "Network Rail said services between Shrewsbury and Wolverhampton were suspended and would not "
    "resume before Thursday, with replacement buses running every half hour from the station.",
]


def body(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def sim(a: str, b: str) -> float:
    return similarity(signature(a), signature(b))


def group(texts: dict[str, tuple[date, str]], threshold: float = THRESHOLD) -> dict[str, Assignment]:
    index = StoryIndex(threshold)
    return index.update([Entry(aid, d, signature(t)) for aid, (d, t) in texts.items()])


def test_words_and_shingles_ignore_case_punctuation_and_curly_quotes() -> None:
    assert words("“We’re OK,” she said.") == ["we're", "ok", "she", "said"]
    assert shingles("a b c d e f") == {"a b c d e", "b c d e f"}
    assert shingles("too short") == {"too short"}
    assert shingles(" \n ") == set()
    assert signature("") is None


def test_a_copy_under_a_new_headline_is_the_same_story() -> None:
    # the signature is of the body: the headline is what a republisher changes first
    assert sim(body(WIRE), body(WIRE)) == 1.0
    stories = group({"a": (date(2024, 1, 9), body(WIRE)), "b": (date(2024, 1, 9), body(WIRE))})
    assert stories["b"] == Assignment("a", 1.0) and stories["a"] == Assignment("a", 1.0)


@pytest.mark.parametrize("edit", ["added", "removed"])
def test_the_same_story_with_a_paragraph_added_or_removed(edit: str) -> None:
    extra = ("Shropshire Council said 120 volunteers had filled more than 5,000 sandbags since Sunday and "
             "asked for more help at the depot on Longden Road.")
    other = WIRE[:4] + [extra] + WIRE[4:] if edit == "added" else WIRE[:3] + WIRE[4:]
    s = sim(body(WIRE), body(other))
    assert 0.75 < s < 1.0
    stories = group({"first": (date(2024, 1, 9), body(WIRE)), "later": (date(2024, 1, 10), body(other))})
    assert stories["later"].story_id == "first" and stories["later"].similarity == pytest.approx(s)


def test_wire_copy_with_a_different_first_paragraph() -> None:
    local = ["Families in Coleham were among hundreds told to leave their homes on Tuesday as the Severn "
             "burst through temporary barriers, and the Shrewsbury Chronicle saw water in Longden Coleham."]
    copy = body(local + WIRE[1:])
    assert sim(body(WIRE), copy) >= THRESHOLD
    stories = group({"wire": (date(2024, 1, 9), body(WIRE)), "local": (date(2024, 1, 9), copy)})
    assert stories["local"].story_id == stories["wire"].story_id


def test_a_trimmed_wire_copy_of_half_the_story_is_found_and_a_quarter_is_not() -> None:
    # Jaccard, not containment: a copy cut to half its length shares about half the shingles of the whole
    half = group({"w": (date(2024, 1, 9), body(WIRE)), "h": (date(2024, 1, 10), body(WIRE[:5]))})
    assert half["h"].story_id == "w" and 0.5 <= half["h"].similarity < 0.75
    quarter = group({"w": (date(2024, 1, 9), body(WIRE)), "q": (date(2024, 1, 10), body(WIRE[:2]))})
    assert quarter["q"].story_id == "q"


def test_on_one_date_the_tie_break_is_the_article_id() -> None:
    stories = group({"w": (date(2024, 1, 9), body(WIRE)), "h": (date(2024, 1, 9), body(WIRE[:6]))})
    assert stories["w"].story_id == stories["h"].story_id == "h"


def test_two_stories_on_one_topic_sharing_a_quoted_sentence_stay_apart() -> None:
    follow_up = [
        "Insurers estimated on Friday that claims from this week's Severn floods would exceed 40 million "
        "pounds, as the water began to fall and residents of Shrewsbury returned to assess the damage.",
        WIRE[2],  # the same quotation, as a follow-up piece recalls it
        "The Association of British Insurers said most households with standard cover were protected, but "
        "that businesses in the Frankwell area had struggled to find flood cover since 2020.",
        "Loss adjusters arrived in the town on Thursday. One said drying out a flooded terraced house "
        "typically took three to six months before repairs could even begin.",
        "The government said it would review the timetable for the permanent barrier scheme, which has "
        "been delayed twice by planning objections and rising construction costs.",
    ]
    assert sim(body(WIRE), body(follow_up)) < 0.15
    stories = group({"flood": (date(2024, 1, 9), body(WIRE)), "insurers": (date(2024, 1, 12), body(follow_up))})
    assert stories["insurers"] == Assignment("insurers", 1.0)


def test_an_article_published_earlier_that_arrives_later_becomes_the_first_of_the_story() -> None:
    index = StoryIndex()
    index.update([Entry("b", date(2024, 1, 10), signature(body(WIRE))),
                  Entry("c", date(2024, 1, 11), signature(body(WIRE[:7])))])
    changed = index.update([Entry("z", date(2024, 1, 8), signature(body(WIRE[1:])))])
    assert {aid: a.story_id for aid, a in changed.items()} == {"z": "z", "b": "z", "c": "z"}
    assert index.stories["b"].similarity == pytest.approx(sim(body(WIRE[1:]), body(WIRE)))
    assert index.members("z") == {"z", "b", "c"} and index.members("b") == set()


def test_stories_do_not_depend_on_the_order_articles_arrive_in() -> None:
    texts = {"a": (date(2024, 1, 9), body(WIRE)), "b": (date(2024, 1, 9), body(WIRE[:7])),
             "c": (date(2024, 1, 8), body(WIRE[1:])), "d": (date(2024, 1, 10), body(WIRE[3:])),
             "e": (date(2024, 1, 7), body(WIRE[:2]))}
    whole = group(texts)
    for order in itertools.permutations(texts):
        index = StoryIndex()
        for aid in order:
            index.update([Entry(aid, texts[aid][0], signature(texts[aid][1]))])
        assert index.stories == whole, order


def test_withdrawing_a_story_s_first_article_hands_the_story_to_the_next_earliest() -> None:
    index = StoryIndex()
    index.update([Entry(a, date(2024, 1, d), signature(body(WIRE[: 8 - d + 1]))) for a, d in
                  (("a", 1), ("b", 2), ("c", 3))])
    assert {a.story_id for a in index.stories.values()} == {"a"}
    changed = index.update([], removed=["a"])
    assert {aid: a.story_id for aid, a in changed.items()} == {"b": "b", "c": "b"}
    assert "a" not in index.entries and index.members("a") == set()


def test_an_article_without_words_is_a_story_of_its_own() -> None:
    stories = group({"x": (date(2024, 1, 9), ""), "y": (date(2024, 1, 9), "")})
    assert stories == {"x": Assignment("x", 1.0), "y": Assignment("y", 1.0)}


def test_a_threshold_outside_zero_to_one_is_refused() -> None:
    with pytest.raises(ValueError, match="threshold 1.5"):
        StoryIndex(1.5)
