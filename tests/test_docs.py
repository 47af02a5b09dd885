"""The README documents every command and option users have, and names the two commands."""

from __future__ import annotations

from pathlib import Path

import click

from parallax.cli import main

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, f"{prefix}{name} "))
    return found


def test_every_command_is_in_the_readme() -> None:
    for name, _command in _commands(main):
        assert f"parallax {name}" in README, f"`parallax {name}` is not documented in README.md"


def test_every_input_option_is_in_the_readme() -> None:
    for option in main.commands["analyze"].params:
        for flag in getattr(option, "opts", []):
            if flag.startswith("--") and flag not in {"--help", "--output", "--format"}:
                assert flag in README, f"{flag} is not documented in README.md"


def test_two_commands_and_ci() -> None:
    assert "make demo" in README and "make test" in README
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = [
        line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd "))
    ]
    assert commands == ["make test"]
