"""``build_distributed``: a local Dask cluster of two workers builds the same graph as a serial build."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import subprocess
import sys

import pytest
from distributed import Client, LocalCluster

import kg.distributed
from conftest import write_reports
from kg.distributed import DaskExtractor, build_distributed, dask_extractor
from kg.errors import KgError
from kg.pipeline import build_reports, extract_locally, read_all

# Six reports of our own, French and English; "Brevik Cables" comes back under a shorter name and
# "Sandvær Energi" in both languages, so the registry's order-dependent choices are exercised.
REPORTS = {
    "01-brevik-nantes.fr.txt": (
        "NANTES, 3 février 2025 — Brevik Cables SA, dont le siège est à Nantes, construira une "
        "usine de câbles sous-marins à Saint-Nazaire. Le site produira 40 000 tonnes par an. "
        "L'entreprise investira 210 millions d'euros. Le port en eau profonde a pesé dans le choix."
    ),
    "02-halden-leeds.en.txt": (
        "LEEDS, England — Halden Foods Ltd, which is headquartered in Leeds, will build a bakery "
        "in Doncaster with a capacity of 60,000 tonnes a year. Managing director Priya Raman said "
        "the £45 million project would create 180 jobs."
    ),
    "03-brevik-cherbourg.fr.txt": (
        "CHERBOURG, 9 avril 2025 — Brevik Cables ouvrira un atelier à Cherbourg. Le groupe, basé "
        "à Nantes, a choisi la ville pour son accès à la mer. Marc Le Goff, directeur général de "
        "Brevik Cables, a annoncé un investissement de 35 millions d'euros."
    ),
    "04-sandvaer-rouen.fr.txt": (
        "ROUEN, 2 juin 2025 — Sandvær Energi, dont le siège est à Oslo, implantera une usine "
        "d'électrolyseurs près de Rouen. Le site aura une capacité de 500 MW. Sandvær Energi "
        "s'est associé à Normandie Gaz pour ce projet."
    ),
    "05-sandvaer-hull.en.txt": (
        "HULL, England — Sandvær Energi, the Oslo-based company, plans an electrolyser plant in "
        "Hull with a capacity of 300 MW. The company picked Hull for its port and its grid "
        "connection, chief executive Ingrid Solberg said."
    ),
    "06-marlow-derby.en.txt": (
        "DERBY, England — Marlow Precision plc, based in Derby, will invest £60 million in a "
        "components plant in Nottingham. The plant will make 2 million parts a year."
    ),
    "07-empty.en.txt": "   \n",
}
REPORTS["08-marlow-derby-copy.en.txt"] = REPORTS["06-marlow-derby.en.txt"]  # built once, noted


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_reports(tmp_path_factory.mktemp("reports"), REPORTS)


def test_distributed_same_trig_as_serial(client: Client, corpus: Path) -> None:
    serial = build_reports([corpus])
    seen: list[str] = []
    spread = build_distributed([corpus], scheduler=client, on_report=lambda p: seen.append(p.name))
    assert len(spread.reports) == 6
    assert spread.dataset.serialize(format="trig") == serial.dataset.serialize(format="trig")
    assert [r.path for r in spread.reports] == [r.path for r in serial.reports]
    assert seen == sorted(REPORTS)


def test_distributed_failure_is_the_serial_line(client: Client, corpus: Path) -> None:
    serial = build_reports([corpus])
    spread = build_distributed([corpus], scheduler=client)
    assert [str(f) for f in spread.failures] == [str(f) for f in serial.failures]
    assert len(spread.failures) == 1
    assert "07-empty.en.txt: the file holds only whitespace" in str(spread.failures[0])


def test_distributed_same_text_twice_is_the_serial_note(client: Client, corpus: Path) -> None:
    serial = build_reports([corpus])
    spread = build_distributed([corpus], scheduler=client)
    assert [str(d) for d in spread.duplicates] == [str(d) for d in serial.duplicates]
    assert [d.path.name for d in spread.duplicates] == ["08-marlow-derby-copy.en.txt"]


@pytest.mark.parametrize(("window", "per_task"), [(1, 1), (2, 3), (5, 2)])
def test_distributed_streams_in_order(client: Client, corpus: Path, window: int, per_task: int) -> None:
    extractor = DaskExtractor(client, per_task=per_task, window=window)
    outcomes = list(extractor(read_all(sorted(corpus.iterdir()), None)))
    assert [outcome.path.name for outcome in outcomes] == sorted(REPORTS)
    extracted = [o.path.name for o in outcomes if o.extraction is not None]
    assert extracted == [name for name in sorted(REPORTS) if name != "07-empty.en.txt"]
    local = list(extract_locally(read_all(sorted(corpus.iterdir()), None)))
    assert [o.extraction for o in outcomes] == [o.extraction for o in local]


def test_distributed_local_cluster_of_its_own(corpus: Path) -> None:
    spread = build_distributed([corpus / "02-halden-leeds.en.txt"], workers=2, lang="en")
    serial = build_reports([corpus / "02-halden-leeds.en.txt"], lang="en")
    assert spread.dataset.serialize(format="trig") == serial.dataset.serialize(format="trig")


def page_faults_of_allocations(times: int = 40, size: int = 1 << 20) -> int:
    """Minor page faults of this process while it allocates, fills and frees ``times`` arrays of
    ``size`` bytes: about ``size / 4096`` each when freed memory goes back to the system."""
    import resource

    import numpy

    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(times):
        array = numpy.ones(size, dtype=numpy.uint8)
        del array
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


FAULTS_THEN_KEPT = f"""
import sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from test_distributed import page_faults_of_allocations
from kg.distributed import keep_freed_memory
print(page_faults_of_allocations(), keep_freed_memory(), page_faults_of_allocations())
"""


def test_keep_freed_memory_undoes_the_trim_threshold_dask_sets() -> None:
    # The environment Dask's nanny gives its workers: each freed 1 MiB array goes back to the system.
    run = subprocess.run([sys.executable, "-c", FAULTS_THEN_KEPT], capture_output=True, text=True, check=True,
                         env={"MALLOC_TRIM_THRESHOLD_": "65536", "PATH": "/usr/bin:/bin"})
    before, kept, after = run.stdout.split()
    assert kept == "True"
    assert int(before) > 40 * 200  # about 256 pages a MiB, every time
    assert int(after) < 40 * 20  # the same memory, reused


def test_own_local_cluster_workers_keep_freed_memory_and_do_not_profile() -> None:
    with dask_extractor(None, 1, "en") as extractor:
        faults = extractor.client.run(page_faults_of_allocations)
        profiling = extractor.client.run(lambda: __import__("dask").config.get("distributed.worker.profile.enabled"))
    assert len(faults) == 1 and all(count < 40 * 20 for count in faults.values())
    assert list(profiling.values()) == [False]


def test_distributed_unreachable_scheduler_is_one_line(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.distributed, "CONNECT_TIMEOUT", "1s")  # nothing listens on port 9
    with pytest.raises(KgError, match=r"tcp://127\.0\.0\.1:9: cannot connect to the Dask scheduler"):
        build_distributed([corpus], scheduler="tcp://127.0.0.1:9")


# --- kg build --executor dask ---------------------------------------------------------------------


def test_cli_build_on_dask_writes_the_serial_bytes(kg_cli, corpus: Path, tmp_path: Path) -> None:
    serial, spread = tmp_path / "serial.trig", tmp_path / "spread.trig"
    assert kg_cli("build", corpus, "-o", serial).exit_code == 1  # the empty report fails
    result = kg_cli("build", corpus, "-o", spread, "--executor", "dask", "--workers", "2")
    assert result.exit_code == 1, result.stderr
    assert spread.read_bytes() == serial.read_bytes()
    assert f"kg: {corpus / '07-empty.en.txt'}: the file holds only whitespace" in result.stderr


def test_cli_build_into_a_store_on_dask_stores_the_serial_graph(kg_cli, client: Client, corpus: Path,
                                                                 tmp_path: Path) -> None:
    address = client.scheduler.address
    serial = tmp_path / "serial.trig"
    kg_cli("build", corpus, "-o", serial)
    result = kg_cli("build", corpus, "--store", tmp_path / "s", "--executor", "dask", "--scheduler", address,
                    "-o", tmp_path / "stored.trig")
    assert "kg: 6 report(s) built into" in result.stderr, result.stderr
    assert (tmp_path / "stored.trig").read_bytes() == serial.read_bytes()
    again = kg_cli("build", corpus, "--store", tmp_path / "s", "--executor", "dask", "--scheduler", address)
    assert "kg: 0 report(s) built into" in again.stderr and "6 unchanged" in again.stderr


@pytest.mark.parametrize("option", [["--scheduler", "tcp://127.0.0.1:8786"], ["--workers", "3"]])
def test_cli_build_dask_options_need_the_dask_executor(kg_cli, corpus: Path, tmp_path: Path,
                                                       option: list[str]) -> None:
    result = kg_cli("build", corpus, "-o", tmp_path / "g.ttl", *option)
    assert result.exit_code == 2
    assert "--scheduler and --workers are options of --executor dask" in result.stderr
    assert not (tmp_path / "g.ttl").exists()


def test_cli_build_unreachable_scheduler_is_one_line(kg_cli, corpus: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.distributed, "CONNECT_TIMEOUT", "1s")
    result = kg_cli("build", corpus, "-o", tmp_path / "g.ttl", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        next(line for line in result.stderr.splitlines() if "cannot connect to the Dask scheduler" in line)]
