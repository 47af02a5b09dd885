"""The dependency direction, enforced: model <- pipeline <- components <- ingest/store <- up.

The contracts live in pyproject.toml ([tool.importlinter]); import-linter reads every import
statement, function-level ones included, so a lazy import cannot hide an upward dependency.
"""

from __future__ import annotations

import re
import textwrap
import tomllib
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

REPO = Path(__file__).resolve().parents[1]


def test_the_package_keeps_its_import_contracts() -> None:
    code = lint_imports(config_filename=str(REPO / "pyproject.toml"), no_cache=True)
    assert code == 0, "an import breaks a contract; run `lint-imports` for the chain"


def test_a_function_level_upward_import_breaks_the_layers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "layered"
    (package / "low").mkdir(parents=True)
    (package / "high").mkdir()
    (package / "__init__.py").write_text("")
    (package / "high" / "__init__.py").write_text("from layered import low\n")
    (package / "low" / "__init__.py").write_text(
        textwrap.dedent(
            """
            def lazy():
                from layered.high import something  # hidden in a function
                return something
            """
        )
    )
    config = tmp_path / "setup.cfg"
    config.write_text(
        textwrap.dedent(
            """
            [importlinter]
            root_package = layered

            [importlinter:contract:layers]
            name = layers
            type = layers
            layers =
                layered.high
                layered.low
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert lint_imports(config_filename=str(config), no_cache=True) == 1


def test_every_module_of_the_package_sits_in_a_layer() -> None:
    """A new top-level module must be placed in the layers, or no contract would cover it."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["id"] == "layers")["layers"]
    placed = {name.strip(" ()") for layer in layers for name in re.split(r"[:|]", layer)}
    package = REPO / "src" / "parallax"
    modules = {p.stem for p in package.glob("*.py") if p.stem != "__init__"} | {
        p.parent.name for p in package.glob("*/__init__.py")
    }
    assert modules - placed == set(), "add these to [tool.importlinter] layers in pyproject.toml"
