"""What ``pip install .`` ships: the analysis, and no benchmark, evaluation or training code.

The main distribution is built into a real wheel (from a copy of the sources, so the
checkout gets no build/ or egg-info folders) and its contents are read; the development
tools' wheel must carry what the main one leaves out.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest

from conftest import REPO

# Imports that mean fitting or scoring models, not using them: the package may transform
# text with scikit-learn (HashingVectorizer) but never fit, cross-validate or score.
TRAINING_IMPORTS = (
    "parallax_dev",
    "sklearn.linear_model",
    "sklearn.neural_network",
    "sklearn.model_selection",
    "sklearn.metrics",
)
DEVELOPMENT_NAMES = {"bench", "evaluation", "training", "datasets", "docs_sections"}


def _build_wheel(source: Path, out: Path) -> zipfile.ZipFile:
    """``pip wheel`` offline, with the setuptools already installed, and open the result."""
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*command, "--no-index", "--quiet", "--wheel-dir", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("*.whl")
    return zipfile.ZipFile(wheel)


def _copy(parts: list[str], target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = REPO / part
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
            shutil.copytree(source, target / part, ignore=ignore)
        else:
            shutil.copy2(source, target / part)
    return target


def _imports(source: str) -> set[str]:
    """Every module a Python file imports, at any depth (function-level imports included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _training_imports(source: str) -> set[str]:
    return {
        name
        for name in _imports(source)
        if any(name == bad or name.startswith(bad + ".") for bad in TRAINING_IMPORTS)
    }


@pytest.fixture(scope="module")
def main_wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    work = tmp_path_factory.mktemp("main-wheel")
    source = _copy(["pyproject.toml", "README.md", "src"], work / "source")
    return _build_wheel(source, work / "dist")


def test_wheel_ships_the_analysis(main_wheel: zipfile.ZipFile) -> None:
    names = set(main_wheel.namelist())
    for needed in ("parallax/cli", "parallax/pipeline/", "parallax/samples/", "parallax/py.typed"):
        assert any(n.startswith(needed) for n in names), needed
    assert any(n.startswith("parallax/models/") and n.endswith(".npz") for n in names)


def test_wheel_has_no_development_code(main_wheel: zipfile.ZipFile) -> None:
    names = main_wheel.namelist()
    assert not [n for n in names if n.startswith("parallax_dev/")]
    development = [
        n
        for n in names
        if n.startswith("parallax/")
        and (
            DEVELOPMENT_NAMES & set(PurePosixPath(n).parts)
            or PurePosixPath(n).stem in DEVELOPMENT_NAMES
            or PurePosixPath(n).stem.endswith(("_training", "_evaluation", "_experiment"))
        )
    ]
    assert development == []
    assert not [n for n in names if n.endswith(("checking_claims.tsv", "_eval.jsonl"))]
    offending = {
        n: _training_imports(main_wheel.read(n).decode("utf-8")) for n in names if n.endswith(".py")
    }
    assert {n: found for n, found in offending.items() if found} == {}


def test_wheel_installs_only_the_parallax_command(main_wheel: zipfile.ZipFile) -> None:
    (entry_points,) = [n for n in main_wheel.namelist() if n.endswith("entry_points.txt")]
    text = main_wheel.read(entry_points).decode("utf-8")
    assert "parallax = parallax.cli:main" in text and "parallax-dev" not in text


def test_package_never_imports_the_development_tools() -> None:
    offending = {
        str(path.relative_to(REPO)): _training_imports(path.read_text(encoding="utf-8"))
        for path in (REPO / "src" / "parallax").rglob("*.py")
    }
    assert {path: found for path, found in offending.items() if found} == {}


def test_development_wheel_carries_its_command_and_data(tmp_path: Path) -> None:
    source = _copy(["devtools"], tmp_path / "source") / "devtools"
    wheel = _build_wheel(source, tmp_path / "dist")
    names = set(wheel.namelist())
    assert {
        "parallax_dev/data/checking_claims.tsv",
        "parallax_dev/data/calls_to_action_eval.jsonl",
        "parallax_dev/cli/__init__.py",
        "parallax_dev/training/entailment.py",
        "parallax_dev/py.typed",
    } <= names
    (entry_points,) = [n for n in names if n.endswith("entry_points.txt")]
    assert "parallax-dev = parallax_dev.cli:main" in wheel.read(entry_points).decode("utf-8")
