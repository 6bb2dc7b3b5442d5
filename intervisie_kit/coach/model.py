"""A small word model for the turns the coach's rules find no cue in.

The rules (``lexicon.py``) decide most turns by a phrase they know. When a turn has none - a question
that starts with a verb but carries the asker's own reading of the case, a verdict in words no list
holds, a tip told as a story - the rules fall back to a guess: closed for a question, other for a
statement. For those turns only, this naive Bayes model over words
and word pairs, counted on the team's labelled development set (``tests/data/coach_dev.tsv``), may
overrule the guess when it is at least :data:`CONFIDENT` sure. A question can become open, closed,
suggestive or judgement; a statement advice, judgement, other or open.

The model is a table of counts in ``model.json`` next to this file, made by::

    python -m intervisie_kit.coach.train      # from a checkout: counts tests/data/coach_dev.tsv again

and a test checks that the table matches the development set, so the two never drift apart. The
threshold was chosen on the coach's three earlier held-out sets, each scored with the rules and the
development set of its own time (+2.1, +2.4 and +2.8 points of accuracy); it is not tuned on the
current held-out set. Reading the table costs a few milliseconds, once per kernel, on the first turn
that needs it.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from itertools import pairwise
from pathlib import Path

from ..terms import TurnKind
from .lexicon import TOKEN

__all__ = ["CONFIDENT", "MODEL_FILE", "dump", "features", "predict", "tokens", "train"]

MODEL_FILE = Path(__file__).with_name("model.json")
#: The model overrules the rules' guess only when it is this sure.
CONFIDENT = 0.9
#: Laplace smoothing, and the fewest turns a feature must occur in to be kept.
ALPHA = 0.5
MIN_COUNT = 2
#: A turn is a sentence or three; a long paste is judged on its start.
MAX_CHARS = 2_000
MAX_TOKENS = 400

_PUNCTUATION = frozenset("!.;:,")


def tokens(text: str) -> list[str]:
    """The turn's words as ``classify`` reads them (the same pattern), "?" included."""
    return TOKEN.findall(text[:MAX_CHARS].lower().replace("’", "'"))


def features(toks: list[str]) -> list[str]:
    """Words, adjacent word pairs and the opening word (pair) of a turn, each once, in the turn's order
    (so that sums and ties come out the same in every process); "?" counts as a word."""
    t = [w for w in toks[:MAX_TOKENS] if w not in _PUNCTUATION]
    out = [*t, *[f"{a}_{b}" for a, b in pairwise(t)]]
    if t:
        out.append(f"^{t[0]}")
        if len(t) > 1:
            out.append(f"^{t[0]}_{t[1]}")
    return list(dict.fromkeys(out))


def train(rows: Iterable[tuple[str, str, str]]) -> dict[str, object]:
    """Count (lang, kind, text) rows into the table :func:`predict` reads. Deterministic."""
    kinds = sorted(kind.value for kind in TurnKind)
    by_lang: dict[str, list[tuple[str, str]]] = {}
    for lang, kind, text in rows:
        by_lang.setdefault(lang, []).append((kind, text))
    table: dict[str, object] = {"alpha": ALPHA, "min_count": MIN_COUNT, "kinds": kinds}
    for lang, labelled in sorted(by_lang.items()):
        counts: dict[str, Counter[str]] = {k: Counter() for k in kinds}
        prior: Counter[str] = Counter()
        for kind, text in labelled:
            prior[kind] += 1
            counts[kind].update(features(tokens(text)))
        total: Counter[str] = Counter()
        for c in counts.values():
            total.update(c)
        kept = sorted(f for f, n in total.items() if n >= MIN_COUNT)
        table[lang] = {
            "prior": [prior[k] for k in kinds],
            "counts": {f: [counts[k][f] for k in kinds] for f in kept},
        }
    return table


@cache
def _model(lang: str) -> tuple[tuple[str, ...], tuple[float, ...], tuple[dict[str, float], ...], tuple[float, ...]]:
    """Log priors, and per kind the log probability of each feature (unseen features: the smoothed zero)."""
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    kinds = tuple(data["kinds"])
    part = data[lang]
    counts: dict[str, list[int]] = part["counts"]
    alpha = float(data["alpha"])
    vocab = len(counts)
    totals = [sum(c[i] for c in counts.values()) for i in range(len(kinds))]
    denominators = [math.log(t + alpha * vocab) for t in totals]
    unseen = tuple(math.log(alpha) - d for d in denominators)
    logp = tuple({f: math.log(c[i] + alpha) - d for f, c in counts.items()} for i, d in enumerate(denominators))
    n = sum(part["prior"])
    prior = tuple(math.log(p / n) if p else -math.inf for p in part["prior"])
    return kinds, prior, logp, unseen


@cache
def _indices(kinds: tuple[str, ...], allowed: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(map(kinds.index, allowed))


def predict(toks: list[str], lang: str, allowed: Iterable[str]) -> tuple[str, float, Callable[[], tuple[str, ...]]]:
    """The likeliest of the ``allowed`` kinds for a turn's :func:`tokens`, its probability among them, and a
    function that names the two words (or word pairs) that weighed most for it - asked for only when the
    model's answer is used."""
    kinds, prior, logp, unseen = _model(lang)
    first = logp[0]
    known = [f for f in features(toks) if f in first]
    scores = [(prior[i] + sum(map(logp[i].__getitem__, known)), i) for i in _indices(kinds, tuple(allowed))]
    top, best = max(scores)
    sure = 1.0 / sum(math.exp(s - top) for s, _ in scores)
    others = [i for _, i in scores if i != best]

    def evidence() -> tuple[str, ...]:
        words = [f for f in known if not f.startswith("^") and f != "?"]
        words.sort(key=lambda f: max((logp[i][f] for i in others), default=unseen[best]) - logp[best][f])
        return tuple(f.replace("_", " ") for f in words[:2])

    return kinds[best], sure, evidence


def dump(table: dict[str, object]) -> str:
    return json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
