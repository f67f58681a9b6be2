"""The package's layout is its architecture: imports run one way, modules stay small.

Layers, from the edge inwards: cli -> render -> report -> check -> read -> plan, with the
foundation modules (paths, atomic) below them all. A module may import its own layer and the
layers inside it, never one further out. A module over 500 lines (a class over 300) must say
why in its opening docstring, with the words "longer than" naming its length's reason.
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
        return "foundation"  # sz_quality, sz_quality.paths, sz_quality.atomic, __main__
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
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Architecture")
    return readme[start : readme.index("\n## ", start + 1)]


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
        assert named_here, f"README's architecture does not name {module}"
    named = set(re.findall(r"\b([a-z_]+\.py)\b", section.split("```")[1]))
    real = {path.name for path in SOURCES}
    assert named <= real, f"README names modules that do not exist: {sorted(named - real)}"


def test_the_readme_python_examples_import_what_exists() -> None:
    """Every `from sz_quality... import` of the README's Python blocks names a real thing."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
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


# The layers whose modules import one another without a cycle (imports at run time,
# inside functions too; not those under `if TYPE_CHECKING:`, which never run).
CYCLE_FREE = ("check", "render")


def _runtime_imports(path: Path) -> set[str]:
    """The sz_quality modules `path` imports when it runs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    return {name for _, name in _imports_of(tree, path)}


def _imports_of(tree: ast.Module, path: Path) -> list[tuple[int, str]]:
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = ".".join(package[: len(package) - node.level + 1])
            if node.module:
                found.append((node.lineno, f"{base}.{node.module}"))
            else:
                found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("layer", CYCLE_FREE)
def test_no_import_cycle_inside_a_layer(layer: str) -> None:
    modules = {
        _module_name(path): path
        for path in SOURCES
        if _layer(_module_name(path)) == layer and path.name != "__init__.py"
    }
    graph = {
        name: _runtime_imports(path) & modules.keys() - {name} for name, path in modules.items()
    }
    cycles = []
    for start in sorted(graph):  # a path back to `start` through its imports
        stack, seen = [(start, [start])], set()
        while stack:
            name, trail = stack.pop()
            for following in sorted(graph[name]):
                if following == start:
                    cycles.append(" -> ".join([*trail, start]))
                elif following not in seen:
                    seen.add(following)
                    stack.append((following, [*trail, following]))
    assert not cycles, "\n".join(cycles)
