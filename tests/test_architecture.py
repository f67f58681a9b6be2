"""The package's layout is its architecture: imports run one way, modules stay small.

Layers, from the edge inwards: cli -> render -> report -> check -> read -> plan, with the
foundation modules (paths, atomic, words: the catalogue of words) below them all. A module
may import its own layer and the layers inside it, never one further out. A module over 500
lines (a class over 300) must say why in its opening docstring, with the words "longer than"
naming its length's reason.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sz_quality"
LAYERS = ("foundation", "plan", "read", "check", "report", "render", "cli")
MODULE_LINES = 500
CLASS_LINES = 300


def _layer(module: str) -> str:
    parts = module.split(".")
    if module == "sz_quality.__main__":
        return "cli"  # `python -m sz_quality` is the command line
    if len(parts) < 2 or parts[1] not in LAYERS:
        return "foundation"  # sz_quality, sz_quality.paths, .atomic, .words
    return parts[1]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            else:
                names = [node.module or ""]
            found.extend((node.lineno, name) for name in names if name.startswith("sz_quality"))
        elif isinstance(node, ast.Import):
            found.extend(
                (node.lineno, alias.name)
                for alias in node.names
                if alias.name.startswith("sz_quality")
            )
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_one_way(path: Path) -> None:
    own = LAYERS.index(_layer(_module_name(path)))
    if _module_name(path) == "sz_quality":
        return  # the package's lazy public API names every layer
    outward = [
        f"line {line}: {name}"
        for line, name in _imports(path)
        if name != "sz_quality" and LAYERS.index(_layer(name)) > own
    ]
    assert not outward, f"{path.relative_to(PACKAGE)} imports an outer layer: {outward}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_classes_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    explained = "longer than" in (ast.get_docstring(tree) or "")
    lines = text.count("\n")
    assert lines <= MODULE_LINES or explained, f"{lines} lines, and no reason given"
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= CLASS_LINES or explained, f"class {node.name}: {length} lines"


def test_the_folder_listing_is_the_architecture() -> None:
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
    assert folders == sorted(LAYERS[1:])


def test_every_public_name_imports() -> None:
    """`from sz_quality import X` works for every name of the lazy public API."""
    import sz_quality

    for name in sz_quality.__all__:
        assert getattr(sz_quality, name) is not None, name


def _architecture_section() -> str:
    text = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    start = text.index("# Architecture")
    return text[start : text.index("\n## ", start + 1)]


def test_the_readme_names_every_module_and_only_real_ones() -> None:
    section = _architecture_section()
    for layer in LAYERS[1:]:
        assert f"{layer}/" in section, layer
    modules = {
        str(path.relative_to(PACKAGE))
        for path in SOURCES
        if path.name != "__init__.py" and path.parent != PACKAGE
    }
    for module in sorted(modules):
        layer, name = module.split("/", 1)
        block = section[section.index(f"  {layer}/") :]
        following = [f"  {other}/" for other in LAYERS[1:] if f"  {other}/" in block[1:]]
        end = min((block.index(other, 1) for other in following), default=len(block))
        named_here = re.search(rf"(?<![\w/]){re.escape(name)}\b", block[:end])
        assert named_here, f"docs/architecture.md does not name {module}"
    named = set(re.findall(r"\b([a-z_]+\.py)\b", section.split("```")[1]))
    real = {path.name for path in SOURCES}
    assert named <= real, (
        f"docs/architecture.md names modules that do not exist: {sorted(named - real)}"
    )


def test_the_readme_python_examples_import_what_exists() -> None:
    """Every `from sz_quality... import` of the Python blocks of the README and docs/
    names a real thing."""
    documents = [PACKAGE.parent / "README.md", *sorted((PACKAGE.parent / "docs").glob("*.md"))]
    text = "".join(path.read_text(encoding="utf-8") for path in documents)
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks
    checked = 0
    for block in blocks:
        for node in ast.walk(ast.parse(block)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sz_quality"):
                module = importlib.import_module(node.module or "")
                for alias in node.names:
                    assert getattr(module, alias.name, None) is not None, (node.module, alias.name)
                    checked += 1
    assert checked >= 5


def _runtime_imports(path: Path) -> set[str]:
    """The package's modules a module imports when it runs (at module level or in a
    function), leaving out `if TYPE_CHECKING:` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    names: set[str] = set()
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = ".".join(package[: len(package) - node.level + 1])
            target = f"{base}.{node.module}" if node.module else base
            names.update(
                [target] if node.module else [f"{target}.{alias.name}" for alias in node.names]
            )
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sz_quality"):
            names.add(node.module or "")
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("sz_quality"))
    return {_known_module(name) for name in names} - {_module_name(path)}


MODULES = {_module_name(path): path for path in SOURCES}


def _known_module(name: str) -> str:
    """The module a name imported from a package is (sz_quality.plan.units), or the
    module that holds it (sz_quality.__version__ -> sz_quality)."""
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def _cycles_inside_layers() -> list[set[str]]:
    """The groups of modules of one layer that import one another in a circle."""
    edges = {
        module: {name for name in _runtime_imports(path) if _layer(name) == _layer(module)}
        for module, path in MODULES.items()
    }
    # Tarjan's strongly connected components
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(edges[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(group)

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return groups


def test_no_import_cycle_inside_a_layer() -> None:
    cycles = [sorted(group) for group in _cycles_inside_layers()]
    assert not cycles, f"modules of one layer import one another in a circle: {cycles}"


def test_no_two_layers_have_a_module_of_the_same_name() -> None:
    layers_of: dict[str, set[str]] = {}
    for path in SOURCES:
        if path.name != "__init__.py":
            layers_of.setdefault(path.name, set()).add(_layer(_module_name(path)))
    shared = {name: sorted(layers) for name, layers in layers_of.items() if len(layers) > 1}
    assert not shared, f"modules of the same name in several layers: {shared}"


def test_the_tests_are_grouped_by_layer_in_files_of_at_most_600_lines() -> None:
    """A module's tests are in tests/<its layer>/ (the package's own at tests/), none long."""
    tests = PACKAGE.parent / "tests"
    folders = {p.name for p in tests.iterdir() if p.is_dir() and any(p.glob("test_*.py"))}
    assert folders == {*LAYERS[1:], "docs"}
    long = {
        str(path.relative_to(tests)): lines
        for path in tests.rglob("*.py")
        if (lines := path.read_text(encoding="utf-8").count("\n")) > 600
    }
    assert not long, f"test files over 600 lines: {long}"
