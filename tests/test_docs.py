"""The documentation keeps up with the code: every command has help and a README example, every
bundled query and every make target the README names exists, every relative link resolves."""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.export import FORMATS
from kg.resources import query_names

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)
CODE_LINES = [line.strip() for block in re.findall(r"```\n(.*?)```", README, re.S) for line in block.splitlines()]


def test_docs_commands_include_the_pipeline_ones() -> None:
    assert {"build", "validate", "query", "queries", "facts"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_docs_command_has_help(name: str) -> None:
    command = main.commands[name]
    assert command.help and command.help.strip()
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"kg {name} {param.opts[0]} has no help"
        else:  # arguments: named in the help, as spaCy's and sqlite-utils' commands do
            assert param.human_readable_name.rstrip(".") in command.help, f"kg {name}: {param.name}"


@pytest.mark.parametrize("args", [[], *([name] for name in COMMANDS)], ids=["kg", *COMMANDS])
def test_docs_help_option_works(args: list[str]) -> None:
    result = CliRunner().invoke(main, [*args, "--help"], prog_name="kg")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: kg")


@pytest.mark.parametrize("name", COMMANDS)
def test_docs_readme_shows_each_command(name: str) -> None:
    assert f"**`kg {name}`**" in README
    assert any(line.startswith(f"kg {name}") for line in CODE_LINES), f"no example of kg {name}"


@pytest.mark.parametrize("name", query_names())
def test_docs_readme_names_each_query(name: str) -> None:
    assert f"| `{name}` |" in README


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_docs_build_help_names_each_output_format(suffix: str) -> None:
    output = next(p for p in main.commands["build"].params if p.name == "output")
    assert suffix in output.help


def test_docs_readme_opens_with_the_two_commands() -> None:
    first_block = re.search(r"```\n(.*?)```", README, re.S).group(1)
    assert [line.split("#")[0].strip() for line in first_block.splitlines()] == ["make example", "make test"]
    assert README.index("```") < README.index("\n## ")


MAKE_TARGETS = {*re.findall(r"`make (\w+)", README), *(line.split()[1] for line in CODE_LINES if line.startswith("make "))}


@pytest.mark.parametrize("target", sorted(MAKE_TARGETS | {"example", "test", "score"}))
def test_docs_make_targets_exist(target: str) -> None:
    assert re.search(rf"^{target}:", MAKEFILE, re.M), f"the Makefile has no target {target}"


@pytest.mark.parametrize("link", re.findall(r"\]\(([^)#:]+)\)", README))
def test_docs_readme_links_resolve(link: str) -> None:
    assert (ROOT / link).exists()


def test_docs_readme_has_the_scores_section() -> None:
    assert "\n## Scores on the development reports\n" in README
