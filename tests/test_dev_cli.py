"""The ``parallax-dev`` command: its groups and options, and where its results go.

The numbers the evaluations produce are pinned by the quality-floor tests; these pin the
command surface and the rule that nothing is written into the installed package.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import click
import numpy as np
import pytest
from click.testing import Result

from conftest import REPO
from parallax_dev import paths
from parallax_dev.cli import main

# Every benchmark, evaluation and training command `parallax` used to have, by group
# (new ones may join; none of these may go).
COMMANDS = {
    "bench": {"extract", "stories", "pipeline", "api", "scale"},
    "eval": {
        "techniques",
        "frames",
        "genre",
        "portrayal",
        "stories",
        "time",
        "events",
        "actors",
        "entailment",
        "checking",
        "statements",
    },
    "train": {"techniques", "frames", "entailment", "statements", "portrayal"},
}


def _group(name: str) -> click.Group:
    group = main.commands[name]
    assert isinstance(group, click.Group)
    return group


def test_groups_hold_every_development_command() -> None:
    assert set(main.commands) == set(COMMANDS)
    for name, commands in COMMANDS.items():
        assert commands <= set(_group(name).commands), name


@pytest.mark.parametrize(
    "command", [(group, name) for group, names in COMMANDS.items() for name in sorted(names)]
)
def test_every_command_has_help(dev_cli: Callable[..., Result], command: tuple[str, str]) -> None:
    result = dev_cli(*command, "--help")
    assert result.exit_code == 0 and len(result.stdout) > 80
    assert _group(command[0]).commands[command[1]].help


@pytest.mark.parametrize("name", sorted(COMMANDS["train"]))
def test_train_commands_take_an_output_folder(name: str) -> None:
    options = {o.name: o for o in _group("train").commands[name].params}
    assert "out" in options and options["out"].default is None  # resolved to the checkout


def test_defaults_are_in_the_checkout_not_the_installed_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # found from this package's checkout, not the working folder
    assert paths.repo_root() == REPO
    assert paths.default_models_dir() == REPO / "src" / "parallax" / "models"
    assert paths.docs_dir() == REPO / "docs"
    monkeypatch.delenv("PARALLAX_SHARED", raising=False)
    assert paths.default_shared_dir() == REPO.parent / "shared"
    monkeypatch.setenv("PARALLAX_SHARED", str(tmp_path))
    assert paths.default_shared_dir() == tmp_path


def test_missing_dataset_is_a_usage_error_naming_it(
    dev_cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "models"
    result = dev_cli("train", "frames", "--shared", str(tmp_path), "--out", str(out))
    assert result.exit_code == 2
    assert "GVFC_extension_multimodal.csv" in result.stderr
    assert not out.exists()


def _write_gvfc(shared: Path) -> None:
    """A tiny stand-in for GVFC's headline file: three themes, project-written headlines."""
    rows = [(f"Court hears challenge to the right to carry, case {i}", "1") for i in range(6)]
    rows += [(f"Council votes on new licence checks for dealers, round {i}", "2") for i in range(6)]
    rows += [(f"Senate race tightens as candidates trade attacks, poll {i}", "3") for i in range(6)]
    rows.append(("A headline without a theme we map", "99"))
    folder = shared / "datasets" / "gvfc"
    folder.mkdir(parents=True)
    with (folder / "GVFC_extension_multimodal.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["headline", "Q3 Theme1"])
        writer.writerows(rows)


def test_train_frames_writes_into_out_only(
    dev_cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parallax.framing.frames import FrameHead

    monkeypatch.setenv("PARALLAX_CACHE", str(tmp_path / "cache"))
    _write_gvfc(tmp_path / "shared")
    committed = {p.name: p.stat().st_mtime_ns for p in paths.default_models_dir().iterdir()}
    out = tmp_path / "models"
    result = dev_cli("train", "frames", "--shared", str(tmp_path / "shared"), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["frames.json", "frames.npz"]
    assert str(out / "frames.npz") in result.stderr
    card = json.loads((out / "frames.json").read_text(encoding="utf-8"))
    assert card["labels"] == ["legality", "policy_prescription", "political"]
    assert card["command"] == "parallax-dev train frames"
    with np.load(out / "frames.npz") as arrays:
        head = FrameHead(card["labels"], arrays["weights"], arrays["bias"])
    assert head.weights.shape[0] == 3
    after = {p.name: p.stat().st_mtime_ns for p in paths.default_models_dir().iterdir()}
    assert after == committed


def test_every_command_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for group in COMMANDS:
        for name in _group(group).commands:
            assert f"parallax-dev {group} {name}" in readme, f"{group} {name} is not in README.md"


def test_outside_a_checkout_the_defaults_are_a_usage_error(tmp_path: Path) -> None:
    """A copy of parallax_dev run outside any checkout must not fall back to parallax's folder."""
    import os
    import shutil
    import subprocess
    import sys

    shutil.copytree(REPO / "devtools" / "src" / "parallax_dev", tmp_path / "lib" / "parallax_dev")
    env = dict(os.environ, PYTHONPATH=f"{tmp_path / 'lib'}{os.pathsep}{REPO / 'src'}")
    env.pop("PARALLAX_SHARED", None)
    done = subprocess.run(
        [sys.executable, "-m", "parallax_dev", "train", "frames"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "cannot find the Parallax source checkout" in done.stderr
    assert "Traceback" not in done.stderr
