"""Shared fixtures: the ../shared folder, the bundled samples, stores, the pipeline, the CLIs."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = Path(str(resources.files("parallax") / "samples"))


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, skipping the test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared is not present ({path} missing); these tests need its data")
    return path


@pytest.fixture
def seeds() -> Path:
    return shared_path("seeds")


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def sample_files() -> list[Path]:
    return sorted(
        p
        for p in SAMPLES.iterdir()
        if p.suffix in {".txt", ".html", ".md"} and p.name != "README.md"
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "parallax.db"


@pytest.fixture(scope="session")
def pipeline() -> Any:
    import parallax

    return parallax.load()


@pytest.fixture
def cli(db: Path) -> Callable[..., Result]:
    """Run the CLI in-process against a fresh database; stdout and stderr kept apart."""
    from parallax.cli import main

    def invoke(*args: str, input: str | None = None) -> Result:
        runner = CliRunner()
        command = list(args)
        if command and command[0] in {"analyze", "ingest", "search", "show"}:
            command[1:1] = ["--db", str(db)]
        return runner.invoke(main, command, input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def dev_cli() -> Callable[..., Result]:
    """Run the ``parallax-dev`` command (benchmarks, evaluations, training) in-process."""
    from parallax_dev.cli import main

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def analyze_json(cli: Callable[..., Result]) -> Callable[..., tuple[dict[str, Any], Result]]:
    def run(*paths: str | Path) -> tuple[dict[str, Any], Result]:
        result = cli("analyze", *map(str, paths), "--format", "json", "--quiet")
        return json.loads(result.stdout), result

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    def make(name: str, content: bytes | str) -> Path:
        path = tmp_path / "inputs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return make


@pytest.fixture
def article_text() -> str:
    return (
        "Finland joins the alliance\n\nApril 4, 2023\n\n"
        "Finland became the thirty-first member of NATO on Tuesday, when its foreign minister "
        "handed the accession papers to the United States in Brussels. The country shares a "
        "long border with Russia.\n\nOfficials in Helsinki said the step ended decades of "
        "military non-alignment. Moscow said it would respond with counter-measures.\n"
    )


def load_json(text: str) -> Any:
    return json.loads(text)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests never reach the internet: resolving any non-local host fails loudly."""
    import socket

    real = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in {"localhost", "127.0.0.1", "::1", None} and not str(host).startswith("127."):
            raise socket.gaierror(f"network disabled in tests: {host}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
    yield
