"""The evaluation is a client of the API: it must not ship, and shipped code must not use it."""

from __future__ import annotations

import ast
import tomllib
from fnmatch import fnmatch
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
NOT_SHIPPED = ("evaluation", "bench", "tests")


def shipped_patterns() -> list[str]:
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns: list[str] = pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    return patterns


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_wheel_includes_no_evaluation_bench_or_tests() -> None:
    patterns = shipped_patterns()

    shipped = [name for name in NOT_SHIPPED if any(fnmatch(name, p) for p in patterns)]
    assert shipped == []
    assert list((REPO_ROOT / "crosscheck" / "evaluation").glob("*.py")) == []


def test_shipped_packages_never_import_the_evaluation() -> None:
    packages = [pattern.rstrip("*") for pattern in shipped_patterns()]
    offenders = [
        f"{path.relative_to(REPO_ROOT)}: {module}"
        for package in packages
        for path in sorted((REPO_ROOT / package).rglob("*.py"))
        for module in imported_modules(path)
        if module.split(".")[0] in NOT_SHIPPED or ".evaluation" in module
    ]

    assert offenders == []


def test_the_docker_context_leaves_them_out() -> None:
    ignored = (REPO_ROOT / ".dockerignore").read_text(encoding="utf-8").split()

    assert set(NOT_SHIPPED) <= set(ignored)
