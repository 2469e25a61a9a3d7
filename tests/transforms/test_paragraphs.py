"""A paragraph break is a sentence boundary the parser keeps."""

from __future__ import annotations

from transforms.paragraphs import COMPONENT

# Newspaper style with doubled apostrophes: the model reads the `''` that opens the third paragraph as
# the close of the second's sentence and, left alone, runs that sentence on into the third.
BODY = (
    "At a rally in Dover on Monday, Ms. Okafor tried to soften her earlier remarks, saying that the county "
    "should take a lead and ''be bringing the towns along, not pushing them.''\n\n"
    "Her shifting remarks on the bypass point to the risk that there may be no gain for Ms. Okafor in "
    "backing a detailed route this year, said Peter Lindqvist, a planner at the Harwell Institute.\n\n"
    "''Even if she could win people over now, by the spring the plan will have changed,'' Mr. Lindqvist said."
)


def test_the_component_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index(COMPONENT) < names.index("parser")


def test_no_sentence_runs_across_a_paragraph_break(nlp):
    doc = nlp(BODY)
    for sent in doc.sents:
        assert "\n" not in sent.text.strip(), sent.text
    starts = [t.idx for t in doc if t.is_sent_start]
    assert BODY.index("Her shifting") in starts and BODY.index("''Even") in starts


def test_a_single_line_break_ends_a_sentence_too(nlp):
    doc = nlp("Council tax will rise by 4 percent\nThe mayor said the rise was needed.")
    assert [s.text.strip() for s in doc.sents][-1] == "The mayor said the rise was needed."
