"""Where a build's time goes: py-spy samples ``build_reports`` on generated reports, and the
samples are summed by stage (spaCy's own components against kg's) and by kg function.

py-spy samples from outside the process, so, unlike cProfile, it does not inflate Python-heavy
code against spaCy's compiled code. Needs ``pip install py-spy``.

    python bench/hotspots.py --reports 50
"""
from __future__ import annotations

import argparse
import collections
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import corpus

# A sample belongs to the first of these found on its stack; else to spaCy if under nlp(text).
STAGES = (("kg_sentences", "extract: kg_sentences"), ("kg_mentions", "extract: kg_mentions"),
          ("kg_coref", "extract: kg_coref"), ("kg_modality", "extract: kg_modality"),
          ("kg_relations", "extract: kg_relations"), ("to_extraction", "extract: to_extraction"),
          ("read_report", "read (decode, language detection)"), ("build_graph", "graph: build_graph"))
SPACY = "spaCy: its own components and tokenizer"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=50)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        profiled_build(args.reports)
        return
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "samples.txt"
        subprocess.run([spy, "record", "-r", "200", "-f", "raw", "-o", str(raw), "--", sys.executable,
                        __file__, "--run", "--reports", str(args.reports)], check=True, capture_output=True)
        summarize(raw.read_text().splitlines(), args.top)


def profiled_build(count: int) -> None:
    from kg.extract import load_pipeline
    from kg.pipeline import build_reports

    paths = corpus(count + 2, seed=11)
    for lang in ("fr", "en"):
        load_pipeline(lang)
    build_reports(paths[:2])  # gazetteer, language detector, ontology: not counted
    sampled(build_reports, paths[2:])


def sampled(build, paths) -> None:
    """The build whose samples count (found by this function's name on the stacks)."""
    build(paths)


def summarize(lines: list[str], top: int) -> None:
    total, stages = 0, collections.Counter()
    functions, innermost = collections.Counter(), collections.Counter()
    for line in lines:
        stack, count = line.rsplit(" ", 1)
        frames = stack.split(";")
        if not any(f.startswith("sampled ") for f in frames):
            continue
        total += int(count)
        stage = _stage(frames)
        stages[stage] += int(count)
        ours = [re.sub(r":\d+\)$", ")", f) for f in frames if "(kg/" in f]
        for name in set(ours):
            functions[name] += int(count)
        if stage != SPACY:
            # The kg function deepest in the stack: where its time goes, rdflib and re included.
            innermost[ours[-1]] += int(count)
    print(f"{total} samples")
    for stage, n in stages.most_common():
        print(f"{100 * n / total:5.1f} %  {stage}")
    for title, counts in (("kg's functions, inclusive:", functions),
                          ("kg's functions, the innermost on the stack (spaCy's own time left out):", innermost)):
        print(title)
        for name, n in counts.most_common(top):
            print(f"{100 * n / total:5.1f} %  {name}")


def _stage(frames: list[str]) -> str:
    names = [f.split(" (")[0] for f in frames]
    for key, stage in STAGES:
        if any(name.endswith(key) for name in names):
            return stage
    if any(name in {"Language.__call__", "Language.pipe"} for name in names):
        return SPACY
    return "other: " + frames[-1][:80]


if __name__ == "__main__":
    main()
