"""Stories: near-copies of one article (a new headline, a paragraph added or cut, wire copy with another
first paragraph) grouped under the earliest article, by MinHash signatures over word shingles and
datasketch's locality-sensitive hashing (LSH) index. Pure: plain data in, plain data out.

The rule (README, "Stories"), which depends only on the set of articles, never on the order they came in:
- two articles are *near-copies* when the MinHash estimate of the Jaccard similarity of their sets of
  SHINGLE_WORDS-word shingles is at least THRESHOLD (and LSH proposes them, which at that similarity it
  does with a probability of about 0.99);
- an article's *parent* is its earliest near-copy published before it (order: published_date, then
  article_id, a stable tie-break); its story is its parent's story, or its own id when it has no parent.
So the first article of every story is the earliest of the story, and an article published earlier than
a story's first article that arrives later becomes that story's first: the stories it changes are
recomputed, and their rows rewritten (only those)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

SHINGLE_WORDS = 5  # words per shingle: a shared 5-word run is rarely chance, unlike a shared word or pair
NUM_PERM = 128  # hash functions per signature: a Jaccard estimate within about +-0.045 (1 s.d. at J=0.5)
THRESHOLD = 0.5  # Jaccard of shingle sets at or above which two articles are one story (README: trade-off)
SEED = 1  # one fixed seed: signatures stored by one run compare with those of the next
SCHEME = "affine32"  # datasketch's hashing scheme of the stored values (fixed, like the seed)

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def words(text: str) -> list[str]:
    """The text's words, lower-cased, punctuation and quotation marks dropped (a copy that changes only
    those is still a copy)."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of `size`-word runs of the text; a text shorter than `size` words is one shingle; empty for no words."""
    w = words(text)
    if len(w) <= size:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i : i + size]) for i in range(len(w) - size + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (NUM_PERM uint32 values) of the text's shingles; None for a text without words,
    which is never a near-copy of anything."""
    found = shingles(text)
    if not found:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in sorted(found)])
    return m.hashvalues.copy()


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The MinHash estimate of the Jaccard similarity of the shingle sets behind two signatures, 0..1."""
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass(frozen=True)
class Entry:
    """One article in the index: its id, publication date and signature (None: no words)."""

    article_id: str
    published_date: date
    signature: np.ndarray | None

    @property
    def order(self) -> tuple[date, str]:
        """Which of two articles is earlier: publication date, then id (stable, content-derived)."""
        return (self.published_date, self.article_id)


@dataclass(frozen=True)
class Assignment:
    """An article's story (the id of its first article) and its similarity to that article (1.0 for the first)."""

    story_id: str
    similarity: float


class StoryIndex:
    """The articles published so far with their stories, and the LSH index that finds an article's
    near-copies without comparing it with every other: adding n articles costs n lookups (plus the
    recomputation of the stories they change), whatever the size of the index."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        if not 0 < threshold <= 1:
            raise ValueError(f"story threshold {threshold} is not in (0, 1]")
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.entries: dict[str, Entry] = {}
        self.stories: dict[str, Assignment] = {}
        self._members: dict[str, set[str]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def load(self, entries: Iterable[Entry], stories: Mapping[str, Assignment]) -> None:
        """Fill an empty index with articles whose stories are already decided (as stored); an entry
        without a story in `stories` counts as a story of its own until `update` decides it."""
        for e in entries:
            self._insert(e)
            self._set(e.article_id, stories.get(e.article_id) or Assignment(e.article_id, 1.0))

    def update(self, added: Sequence[Entry], removed: Collection[str] = ()) -> dict[str, Assignment]:
        """Withdraw the articles `removed`, add `added` (an id already present is replaced), and decide
        the stories again where that changes them. Returns article_id -> Assignment for every added
        article and every article already present whose story or similarity changed."""
        dirty: set[str] = set()  # stories whose members are decided again
        for aid in [*removed, *(e.article_id for e in added if e.article_id in self.entries)]:
            if aid in self.entries:
                dirty.add(self.stories[aid].story_id)
                self._drop(aid)
        for e in added:
            self._insert(e)
        new = {e.article_id for e in added}
        for e in added:  # an older article's parent may now be this one: its story is decided again
            dirty.update(self.stories[n].story_id for n in self.near_copies(e)
                         if n not in new and e.order < self.entries[n].order)
        again = new | {m for s in dirty for m in self._members.get(s, ())}
        decided: dict[str, Assignment] = {}
        for aid in sorted(again, key=lambda a: self.entries[a].order):  # a parent before its children
            entry = self.entries[aid]
            earlier = [n for n in self.near_copies(entry) if self.entries[n].order < entry.order]
            if earlier:
                parent = min(earlier, key=lambda n: self.entries[n].order)
                first = decided[parent].story_id if parent in decided else self.stories[parent].story_id
                decided[aid] = Assignment(first, self._similarity(aid, first))
            else:
                decided[aid] = Assignment(aid, 1.0)
        changed = {aid: a for aid, a in decided.items() if aid in new or self.stories.get(aid) != a}
        for aid, a in decided.items():
            self._set(aid, a)
        return changed

    def near_copies(self, entry: Entry) -> list[str]:
        """Ids of the indexed articles other than `entry` whose estimated similarity to it is at least the
        threshold (LSH proposes the candidates; each is checked against its signature)."""
        if entry.signature is None:
            return []
        found = self._lsh.query(_lean(entry.signature))
        return [n for n in found if n != entry.article_id
                and similarity(entry.signature, self.entries[n].signature) >= self.threshold]

    def members(self, story_id: str) -> set[str]:
        return set(self._members.get(story_id, ()))

    def _similarity(self, a: str, b: str) -> float:
        sa, sb = self.entries[a].signature, self.entries[b].signature
        return 1.0 if a == b else similarity(sa, sb) if sa is not None and sb is not None else 0.0

    def _insert(self, e: Entry) -> None:
        self.entries[e.article_id] = e
        if e.signature is not None:
            self._lsh.insert(e.article_id, _lean(e.signature), check_duplication=False)

    def _drop(self, aid: str) -> None:
        if self.entries.pop(aid).signature is not None:
            self._lsh.remove(aid)
        old = self.stories.pop(aid)
        self._members[old.story_id].discard(aid)
        if not self._members[old.story_id]:
            del self._members[old.story_id]

    def _set(self, aid: str, a: Assignment) -> None:
        old = self.stories.get(aid)
        if old is not None:
            self._members[old.story_id].discard(aid)
            if not self._members[old.story_id]:
                del self._members[old.story_id]
        self.stories[aid] = a
        self._members.setdefault(a.story_id, set()).add(aid)


def _lean(values: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
