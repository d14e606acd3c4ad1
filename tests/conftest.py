"""Fixtures shared by the tests of the build: spaCy's pipelines, report folders, the CLI.

spaCy's pipelines take seconds to load: :func:`pipelines` loads both once a session, and the
fixtures that build reports depend on it, so that a test's timing is its own. ``kg`` is run
in-process through click's runner (:func:`kg_cli`) where the models must stay loaded, and as a
real program (:func:`kg_process`) where a fresh interpreter matters (hash seeds, tracebacks).
"""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

BUILD_DATA = Path(__file__).parent / "data" / "build-reports"

# Reports in legacy encodings, written to disk by :func:`report_folder`. The cp1252 one holds
# characters Latin-1 lacks (’ œ €); the Latin-1 one only characters both share.
CP1252_REPORT = (
    "Les Forges d’Émeraude, groupe métallurgique basé à Bordeaux, ont inauguré jeudi une "
    "fonderie à Angoulême. L’œuvre a coûté 40 M€ et emploiera 250 salariés. « C’est un cœur "
    "industriel pour la Charente », a déclaré Aurélie Bénard, directrice générale des Forges "
    "d’Émeraude.\n"
)
LATIN1_REPORT = (
    "La société Céramiques Bréval, dont le siège est à Nantes, a ouvert un atelier à Orléans. "
    "Le site fabriquera 2 000 tonnes de carreaux par an. Selon Rémi Castaing, président de "
    "Céramiques Bréval, le choix d'Orléans tient à la proximité des clients.\n"
)


@dataclass(frozen=True)
class ReportFolder:
    """A folder of reports, good and bad, and what a build of it should say about each."""

    path: Path
    good: tuple[Path, ...]  # reports that build
    bad: dict[Path, str]  # report -> words of the one-line reason it fails
    missing: Path  # a path that does not exist, to give alongside the folder


def write_reports(folder: Path, reports: dict[str, str]) -> Path:
    """``folder`` (made if missing) holding one UTF-8 file a report, named as the keys say."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def pipelines() -> dict[str, object]:
    """The French and English spaCy pipelines, with kg's components, loaded once."""
    from kg.extract import load_pipeline

    return {lang: load_pipeline(lang) for lang in ("fr", "en")}


@pytest.fixture(scope="session")
def report_folder(tmp_path_factory: pytest.TempPathFactory) -> ReportFolder:
    """The reports of ``tests/data/build-reports``, a cp1252 and a Latin-1 report, an empty file
    and a binary one, in one folder (treat it as read-only)."""
    folder = tmp_path_factory.mktemp("reports")
    good = [folder / p.name for p in sorted(BUILD_DATA.glob("*.txt"))]
    for path in good:
        path.write_bytes((BUILD_DATA / path.name).read_bytes())
    encoded = {"forges-angouleme.fr.txt": CP1252_REPORT.encode("cp1252"),
               "breval-orleans.fr.txt": LATIN1_REPORT.encode("latin-1")}
    for name, data in encoded.items():
        (folder / name).write_bytes(data)
        good.append(folder / name)
    (folder / "empty.en.txt").write_bytes(b"")
    (folder / "binary.fr.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    bad = {folder / "empty.en.txt": "empty", folder / "binary.fr.txt": "binary"}
    return ReportFolder(folder, tuple(sorted(good)), bad, folder / "no-such-report.en.txt")


@pytest.fixture(scope="session")
def kg_cli(pipelines: dict[str, object]) -> Callable[..., Result]:
    """Run ``kg ARGS...`` in this process; the result has exit_code, stdout and stderr."""
    from kg.cli import main

    runner = CliRunner()

    def invoke(*args: object) -> Result:
        return runner.invoke(main, [str(arg) for arg in args])

    return invoke


@pytest.fixture(scope="session")
def kg_process() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m kg ARGS...`` as a program; ``env`` adds environment variables."""

    def run(*args: object, env: dict[str, str] | None = None, cwd: Path | None = None,
            ) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                              text=True, encoding="utf-8", env={**os.environ, **(env or {})},
                              cwd=cwd, timeout=600)

    return run


@pytest.fixture(scope="session")
def built_graph(tmp_path_factory: pytest.TempPathFactory, kg_cli: Callable[..., Result]) -> Path:
    """The reports of ``tests/data/build-reports``, built once by ``kg build`` into Turtle (read-only)."""
    output = tmp_path_factory.mktemp("graph") / "reports.ttl"
    result = kg_cli("build", BUILD_DATA, "--output", output)
    assert result.exit_code == 0, result.stderr
    return output
