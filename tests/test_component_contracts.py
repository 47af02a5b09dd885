"""Component contracts: declared layers are the layers read and written; versions follow code.

The audit runs the real default pipeline over the bundled samples with every analysis,
sentence and layer mapping replaced by a recording stand-in, so a component that reads a
layer it does not declare fails here, whatever the order happens to be today.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from parallax.components import DEFAULT_COMPONENTS
from parallax.errors import PipelineError
from parallax.ingest import read_articles
from parallax.model import Analysis
from parallax.pipeline import Pipeline
from parallax.pipeline.audit import audit, undeclared, unused
from parallax.pipeline.versions import CodeVersion, clear_cache, code_version, module_closure


def test_every_component_reads_and_writes_only_what_it_declares(
    pipeline: Pipeline, sample_files: list[Path]
) -> None:
    articles, problems = read_articles(sample_files)
    assert articles and not problems
    accesses = audit(pipeline, articles)
    assert [a.component for a in accesses] == list(DEFAULT_COMPONENTS)
    assert undeclared(pipeline, accesses) == []
    assert unused(pipeline, accesses) == []


def test_the_audit_catches_an_undeclared_read_and_write() -> None:
    @dataclass
    class Sneaky:
        name: str = "sneaky"
        version: str = "1"
        requires: tuple[str, ...] = ("sentences",)
        assigns: tuple[str, ...] = ("notes",)

        def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
            for analysis in analyses:
                _ = [s.techniques for s in analysis.sentences]
                analysis.layers["notes"] = analysis.layers.get("claims")
                analysis.layers["actors"] = []
                yield analysis

    @dataclass
    class Sentences:
        name: str = "sentences"
        version: str = "1"
        requires: tuple[str, ...] = ()
        assigns: tuple[str, ...] = ("sentences",)

        def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
            from parallax.model import Sentence

            for analysis in analyses:
                text = analysis.article.text
                analysis.sentences = [Sentence("s1", 1, text, 0, len(text))]
                yield analysis

    from parallax.model import Article

    pipeline = Pipeline([Sentences(), Sneaky()])
    accesses = audit(pipeline, [Article(text="One sentence.", source="x", language="en")])
    assert undeclared(pipeline, accesses) == [
        "sneaky reads 'claims' without declaring it",
        "sneaky reads 'techniques' without declaring it",
        "sneaky writes 'actors' without declaring it in assigns",
    ]


@dataclass
class Step:
    name: str
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    reads_if_present: tuple[str, ...] = ()
    version: str = "1"

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        yield from analyses


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        (
            [
                Step("a", assigns=("claims",)),
                Step("b", reads_if_present=("times",)),
                Step("c", assigns=("times",)),
            ],
            "'b' reads 'times' when present, but 'c' assigns it later; move 'c' before it",
        ),
        (
            [Step("check", assigns=("claims.verdicts",)), Step("read", assigns=("claims",))],
            "assigns 'claims.verdicts', fields on the 'claims' layer, which no earlier",
        ),
        (
            [Step("a", assigns=("frames",)), Step("b", assigns=("frames",))],
            "'a' and 'b' both assign 'frames'",
        ),
        (
            [Step("a", requires="doc", assigns=("x",))],
            "declares requires as a string; make it a tuple",
        ),
        (
            [Step("a", assigns=("Frames!",))],
            "declares the layer 'Frames!' in assigns",
        ),
        (
            [Step("a", requires=("claims.verdicts",)), Step("b", assigns=("claims",))],
            "requires 'claims.verdicts', which no earlier component assigns",
        ),
    ],
)
def test_the_pipeline_refuses_a_plan_that_cannot_work(steps: list[Any], message: str) -> None:
    with pytest.raises(PipelineError, match=re.escape(message)):
        Pipeline(steps)


def test_a_layer_read_if_present_may_be_missing_altogether() -> None:
    Pipeline([Step("claims", reads_if_present=("times",), assigns=("claims",))])


def test_every_default_component_has_a_version_derived_from_its_code(
    pipeline: Pipeline,
) -> None:
    versions = {c.name: c.version for c in pipeline.components}
    assert all(re.fullmatch(r"[0-9a-f]{12}", v) for v in versions.values()), versions
    assert len(set(versions.values())) == len(versions)
    frames = next(c for c in pipeline.components if c.name == "frames")
    assert frames.version != code_version("parallax.components.frames")  # the model counts


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A small package whose component module imports a helper inside a function."""
    root = tmp_path / "toypkg"
    (root / "data").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "data" / "table.tsv").write_text("a\t1\n")
    (root / "helper.py").write_text('"""Helper."""\n\nLIMIT = 3\n')
    (root / "typing_only.py").write_text("X = 1\n")
    (root / "step.py").write_text(
        textwrap.dedent(
            '''
            """A step."""
            from typing import TYPE_CHECKING

            if TYPE_CHECKING:
                from toypkg import typing_only

            def run():
                """Use the helper."""
                from toypkg.helper import LIMIT
                return LIMIT
            '''
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    clear_cache()
    yield root
    clear_cache()


def _version() -> str:
    clear_cache()
    return code_version("toypkg.step", data=("data/table.tsv",))


def test_changing_code_or_data_changes_the_version_and_docs_do_not(package: Path) -> None:
    assert module_closure("toypkg.step") == {"toypkg.step", "toypkg.helper"}
    first = _version()
    helper = package / "helper.py"
    helper.write_text('"""Helper, reworded."""\n\n# a comment\nLIMIT  =  3\n')
    assert _version() == first
    (package / "typing_only.py").write_text("X = 2\n")
    assert _version() == first
    helper.write_text('"""Helper."""\n\nLIMIT = 4\n')
    changed_code = _version()
    assert changed_code != first
    (package / "data" / "table.tsv").write_text("a\t2\n")
    assert _version() not in {first, changed_code}


def test_a_missing_data_path_is_an_error_that_names_it(package: Path) -> None:
    with pytest.raises(PipelineError, match=re.escape("'data/none.tsv', which does not exist")):
        code_version("toypkg.step", data=("data/none.tsv",))


def test_a_changed_component_changes_the_stored_pipeline_version(package: Path) -> None:
    class Versioned:
        name = "toy"
        version = CodeVersion(data=("data/table.tsv",))
        requires: tuple[str, ...] = ()
        assigns = ("toy",)

        def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
            yield from analyses

    Versioned.__dict__["version"].module = "toypkg.step"  # as if the class were defined there
    before = Pipeline([Versioned()]).version
    (package / "helper.py").write_text("LIMIT = 5\n")
    clear_cache()
    assert Pipeline([Versioned()]).version != before


def test_reanalyze_redoes_the_analyses_of_a_changed_component(
    package: Path, tmp_path: Path
) -> None:
    from parallax.settings import Settings
    from parallax.store import open_store
    from parallax.usecases import ingest as run
    from parallax.usecases import reanalyze

    class Toy:
        name = "toy"
        version = CodeVersion(data=("data/table.tsv",))
        requires: tuple[str, ...] = ()
        assigns = ("toy",)

        def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
            for analysis in analyses:
                analysis.layers["toy"] = 1
                yield analysis

    Toy.__dict__["version"].module = "toypkg.step"
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a", "b"):
        (inputs / f"{name}.txt").write_text(f"Article {name} says something about the weather.\n")
    store = open_store(tmp_path / "store.db")
    run([inputs], store=store, settings=Settings(), pipeline=Pipeline([Toy()]))
    assert reanalyze(store, Pipeline([Toy()])) == 0
    (package / "data" / "table.tsv").write_text("a\t9\n")
    clear_cache()
    assert reanalyze(store, Pipeline([Toy()])) == 2
    assert reanalyze(store, Pipeline([Toy()])) == 0
    store.close()


def test_the_version_of_the_default_pipeline_is_known_without_building_it(
    pipeline: Pipeline,
) -> None:
    from parallax.components import version

    assert version() == pipeline.version


def test_a_planned_version_reads_the_class_and_calls_no_factory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from parallax.pipeline import planned_version, registry

    class Heavy:
        name = "heavy"
        version = "7"
        requires: tuple[str, ...] = ()
        assigns = ("heavy",)

        def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
            yield from analyses

    def make_heavy() -> Heavy:
        raise AssertionError("the factory loads a model; planning must not call it")

    make_heavy.__annotations__["return"] = Heavy  # resolvable outside this function
    monkeypatch.setitem(registry._FACTORIES, "heavy-test", make_heavy)
    assert planned_version(["heavy-test"]) == Pipeline([Heavy()]).version
