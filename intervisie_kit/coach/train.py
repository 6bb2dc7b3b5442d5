"""Count the coach's word model (``model.json``) again from the development set of a checkout.

    python -m intervisie_kit.coach.train

Run it after adding labelled turns to ``tests/data/coach_dev.tsv``; ``tests/test_coach.py`` fails while
the table and the development set disagree.
"""

from __future__ import annotations

from ..paths import kit_root
from .evaluation import read_labelled
from .model import MODEL_FILE, dump, train


def main() -> int:
    source = kit_root() / "tests" / "data" / "coach_dev.tsv"
    if not source.is_file():
        print(f"{source} not found: run this from a checkout of the kit")
        return 2
    rows = [(row.lang, row.kind.value, row.text) for row in read_labelled(source)]
    MODEL_FILE.write_text(dump(train(rows)), encoding="utf-8")
    print(f"{MODEL_FILE}: counted {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
