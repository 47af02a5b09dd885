"""Component versions derived from what decides a component's output: its code and its data.

A stored analysis carries the pipeline's version (a hash of every component's name and
version), and ``parallax reanalyze`` recomputes the analyses made by another one. A version
written by hand ("1") stays put when someone edits the code, and stale analyses then look
current; a version computed from the code cannot forget.

:func:`code_version` hashes, for one module:

- the code of the module and of every module of the same top-level package it imports,
  transitively (function-level imports included, ``if TYPE_CHECKING:`` blocks not), read as
  a syntax tree without docstrings, so a reworded comment or docstring or a reformatting
  changes nothing while any change to what runs does;
- the data files it names, relative to the top-level package's folder (a folder stands for
  every file under it), byte for byte;
- the installed versions of the distributions it names (the spaCy model, the encoder).

A component sets ``version = CodeVersion(data=..., distributions=...)`` in its class body;
the version is computed on first use, from the class's own module, without loading a model.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from parallax.errors import PipelineError

DIGEST_CHARS = 12


def code_version(
    module: str, *, data: Sequence[str] = (), distributions: Sequence[str] = ()
) -> str:
    """A short hash of ``module``'s code (with what it imports), its data files and packages.

    Args:
        module: a dotted module name, e.g. ``parallax.components.claims``.
        data: files or folders, relative to the top-level package's folder
            (``models/frames.npz``, ``domains/cold_war_nato``).
        distributions: installed distributions whose version changes the output.

    Raises:
        PipelineError: the module or a data path does not exist.
    """
    return _code_version(module, tuple(data), tuple(distributions))


@lru_cache(maxsize=256)
def _code_version(module: str, data: tuple[str, ...], distributions: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for name in sorted(module_closure(module)):
        digest.update(f"module {name}\n".encode())
        digest.update(_module_digest(name).encode())
    root = _package_folder(module.split(".")[0])
    for relative in data:
        for path in _files(root, relative):
            digest.update(f"data {path.relative_to(root).as_posix()}\n".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for distribution in distributions:
        try:
            installed = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        digest.update(f"distribution {distribution}=={installed}\n".encode())
    return digest.hexdigest()[:DIGEST_CHARS]


def module_closure(module: str) -> set[str]:
    """``module`` and every module of its top-level package that it imports, transitively."""
    package = module.split(".")[0]
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(m for m in _imports(name) if m.split(".")[0] == package and m not in seen)
    return seen


def clear_cache() -> None:
    """Forget every computed version, to see code or data changed since (tests do this)."""
    for cached in (_code_version, _package_folder, _parsed, _module_digest, _imports):
        cached.cache_clear()


class CodeVersion:
    """A component's ``version`` attribute, computed from its class's module on first use.

    Example::

        class Frames:
            version = CodeVersion(data=("models/frames.json", "models/frames.npz"))
    """

    def __init__(self, *, data: Sequence[str] = (), distributions: Sequence[str] = ()) -> None:
        self.data = tuple(data)
        self.distributions = tuple(distributions)
        self.module = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.module = owner.__module__

    def __get__(self, instance: object, owner: type | None = None) -> str:
        return code_version(self.module, data=self.data, distributions=self.distributions)


def _source_path(module: str) -> Path:
    """The source file of ``module``, found on disk below its top-level package (no import)."""
    package, *parts = module.split(".")
    folder = _package_folder(package)
    base = folder.joinpath(*parts)
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if parts and path.is_file():
            return path
    if not parts:
        return folder / "__init__.py"
    raise PipelineError(
        f"cannot find the source of module {module!r} under {folder} to derive a component "
        "version; name a module that exists"
    )


@lru_cache(maxsize=64)
def _package_folder(package: str) -> Path:
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None or not spec.origin.endswith("__init__.py"):
        raise PipelineError(
            f"cannot find the source folder of package {package!r} to derive a component "
            "version; install it from source (pip install -e .)"
        )
    return Path(spec.origin).parent


@lru_cache(maxsize=1024)
def _parsed(module: str) -> ast.Module:
    path = _source_path(module)
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@lru_cache(maxsize=1024)
def _module_digest(module: str) -> str:
    """The hash of the module's syntax tree with docstrings and bare strings left out."""
    tree = _without_strings(_parsed(module))  # strings never hide an import: safe in place
    return hashlib.sha256(ast.dump(tree, include_attributes=False).encode()).hexdigest()


def _without_strings(tree: ast.Module) -> ast.Module:
    """``tree`` without the statements that are only a string (docstrings), in place."""
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            kept = [s for s in body if not _is_string(s)]
            body[:] = kept or [ast.Pass()]
    return tree


def _is_string(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


@lru_cache(maxsize=1024)
def _imports(module: str) -> tuple[str, ...]:
    """The modules ``module`` imports anywhere in its code, outside TYPE_CHECKING blocks."""
    path = _source_path(module)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[str] = []
    for node in _runtime_nodes(_parsed(module)):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.append(child if _is_module(child) else base)
    return tuple(found)


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of ``tree`` except those under ``if TYPE_CHECKING:``."""
    stack = list(ast.iter_child_nodes(tree))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _is_module(name: str) -> bool:
    try:
        _source_path(name)
    except PipelineError:
        return False
    return True


def _files(root: Path, relative: str) -> list[Path]:
    path = root / relative
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    raise PipelineError(
        f"a component names the data path {relative!r}, which does not exist under {root}; "
        "fix the path in the component's CodeVersion(data=...)"
    )
