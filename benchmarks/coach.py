"""How well and how fast the vraagcoach judges typed turns.

Scores ``intervisie_kit.coach.classify`` against the labelled turns in ``tests/data/``: per-kind
precision and recall, the confusion matrix and accuracy on the development split and on the held-out
split, then throughput on one core and the time for a 100 kB paste.

    python benchmarks/coach.py [--split dev|heldout|both] [--file extra.tsv] [--misses] [--seconds 3]

The held-out split is scored only when the rules are done; tune on the development split.
Targets (issue 4): held-out accuracy >= 92%; recall >= 90% for suggestive and for advice;
>= 20,000 turns per second on one core; a 100 kB paste answered in under 0.5 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intervisie_kit.coach import classify  # noqa: E402
from intervisie_kit.coach.evaluation import KINDS, Labelled, read_labelled, score  # noqa: E402

DATA = ROOT / "tests" / "data"
SPLITS = {"dev": DATA / "coach_dev.tsv", "heldout": DATA / "coach_heldout.tsv"}


def report(name: str, rows: list[Labelled], show_misses: bool) -> None:
    s = score(rows)
    by_lang = {lang: score([r for r in rows if r.lang == lang]) for lang in sorted({r.lang for r in rows})}
    langs = ", ".join(f"{lang} {sc.accuracy:.1%} of {sc.n}" for lang, sc in by_lang.items())
    print(f"\n== {name}: {s.n} turns, accuracy {s.accuracy:.1%} ({langs})")
    print(f"{'kind':12}{'precision':>10}{'recall':>9}{'support':>9}")
    for k in KINDS:
        print(f"{k.value:12}{s.precision(k):>10.1%}{s.recall(k):>9.1%}{s.support(k):>9}")
    print(s.table())
    dims = f"{s.dimension_hits}/{s.dimension_n}" if s.dimension_n else "-"
    print(f"flags (why/stacked/incomplete) wrong on {s.flag_errors} turns; dimension right on {dims} open questions")
    if show_misses:
        for row, v in s.misses:
            print(f"  line {row.line:4} [{row.lang}] {row.kind.value:>10} -> {v.kind.value:<10} {row.text}")


def throughput(texts: list[str], seconds: float) -> None:
    for t in texts:  # warm the per-word caches, as a practice round does
        classify(t)
    n, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for t in texts:
            classify(t)
        n += len(texts)
    print(f"\nthroughput: {n / elapsed:,.0f} turns per second on one core (target >= 20,000)")
    paste = ""
    while len(paste.encode()) < 100_000:
        paste += " ".join(texts) + "\n"
    paste = paste.encode()[:100_000].decode(errors="ignore")
    start = time.perf_counter()
    v = classify(paste)
    print(f"100 kB paste: {time.perf_counter() - start:.3f} s (target < 0.5 s), judged {v.kind.value}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "heldout", "both"], default="both")
    ap.add_argument("--file", type=Path, action="append", default=[], help="extra labelled TSV files")
    ap.add_argument("--misses", action="store_true", help="list every turn the coach got wrong")
    ap.add_argument("--seconds", type=float, default=3.0)
    args = ap.parse_args()
    names = ["dev", "heldout"] if args.split == "both" else [args.split]
    all_rows: list[Labelled] = []
    for name in names:
        rows = read_labelled(SPLITS[name])
        all_rows += rows
        report(name, rows, args.misses)
    for path in args.file:
        report(str(path), read_labelled(path), args.misses)
    throughput([r.text for r in all_rows], args.seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
