"""The project's own Python source, parsed once: its modules, their syntax trees and what they import.

Shared by the architecture tests. A "project package" is a top-level folder of the repository holding an
`__init__.py`, except `tests` (`bench/` and `scripts/` hold no `__init__.py`, so they are not packages).
Migrations are left out everywhere: they are generated code that must keep importing what they were
written against.
"""

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_PROJECT_PACKAGES = {"tests"}


@dataclass(frozen=True)
class Module:
    name: str  # dotted, e.g. "content.models"; a package's __init__.py is the package's own name
    path: Path
    is_package: bool

    @property
    def location(self):
        return self.path.relative_to(ROOT).as_posix()

    @property
    def package(self):
        """The top-level package (the app) this module belongs to."""
        return self.name.split(".")[0]


@dataclass(frozen=True)
class Import:
    importer: Module
    target: str  # the dotted name of the project module imported
    line: int

    @property
    def where(self):
        return f"{self.importer.location}:{self.line}"


@cache
def project_packages():
    return sorted(
        folder.name
        for folder in ROOT.iterdir()
        if (folder / "__init__.py").is_file() and folder.name not in NOT_PROJECT_PACKAGES
    )


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def project_modules():
    """Every module of the project packages, by dotted name (migrations excluded)."""
    modules = {}
    for package in project_packages():
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts or "__pycache__" in path.parts:
                continue
            module = Module(module_name(path), path, path.name == "__init__.py")
            modules[module.name] = module
    return modules


@cache
def syntax_tree(module):
    return ast.parse(module.path.read_text(encoding="utf-8"), filename=str(module.path))


def parsed_modules():
    return [(module, syntax_tree(module)) for module in project_modules().values()]


def absolute_base(module, node):
    """The absolute dotted name `from … import` reads from, relative imports resolved."""
    if not node.level:
        return node.module
    package = module.name if module.is_package else module.name.rpartition(".")[0]
    parts = package.split(".")
    parts = parts[: len(parts) - (node.level - 1)]
    return ".".join(parts + ([node.module] if node.module else []))


def imported_names(module, tree):
    """(dotted name, line) of every import anywhere in the module, functions and methods included.

    `from pkg import name` gives `pkg.name` when that is a project module, else `pkg`. Project or not,
    each name is as precise as the source allows; `project_target` narrows it to a project module.
    """
    modules = project_modules()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = absolute_base(module, node)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield (submodule if submodule in modules else base), node.lineno


def project_target(dotted_name):
    """The project module a dotted name refers to (its longest prefix that is one), or None.

    `import a.b.c` counts as an import of `a.b.c` only, not of `a` and `a.b`: their `__init__` files run,
    but counting them would report cycles through empty `__init__` files.
    """
    modules = project_modules()
    parts = dotted_name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


@cache
def project_imports():
    """Every import of one project module by another (self-imports left out)."""
    imports = {}  # an Import per (module, target, line), in source order
    for module, tree in parsed_modules():
        for dotted_name, line in imported_names(module, tree):
            target = project_target(dotted_name)
            if target and target != module.name:
                imports.setdefault(Import(module, target, line), None)
    return list(imports)
