"""Every pointer in the documentation and the registries resolves inside the repository.

A clone has no folder beside it: a link to ../shared/… or to a path on one machine works
for nobody else. Markdown links and path-like code spans (`docs/schema.md`,
`sz_quality/render/`) are resolved from the file's folder or from the repository's root.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
    ROOT / "examples" / "sources" / "README.md",
]
# Files the README names that live in a user's own repository, not in this one.
ELSEWHERE = {".pre-commit-config.yaml", ".gitlab-ci.yml"}

MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
CODE_SPAN = re.compile(r"`([^`\s]+)`")
PATH_LIKE = re.compile(r"^[A-Za-z0-9_.\-/]+$")
HEADER_PATH = re.compile(r"([A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)+\.(?:md|txt|yaml))")
SUFFIXES = (".md", ".yaml", ".yml", ".csv", ".txt", ".py", ".json", ".toml", ".xlsx")


def prose(text: str) -> str:
    """The text outside fenced code blocks (commands there name the user's own files)."""
    return "".join(part for index, part in enumerate(text.split("```")) if index % 2 == 0)


def pointers(path: Path) -> list[str]:
    text = prose(path.read_text(encoding="utf-8"))
    found = [target for target in MARKDOWN_LINK.findall(text) if "://" not in target]
    for span in CODE_SPAN.findall(text):
        if not PATH_LIKE.match(span) or span in ELSEWHERE:
            continue
        if "/" in span or span.endswith(SUFFIXES):
            found.append(span)
    return [pointer.split("#")[0] for pointer in found if pointer.split("#")[0]]


def resolves(document: Path, pointer: str) -> bool:
    for base in (document.parent, ROOT):
        target = (base / pointer).resolve()
        if target.is_relative_to(ROOT) and target.exists():
            return True
    return False


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_relative_link_resolves(document: Path) -> None:
    broken = [pointer for pointer in pointers(document) if not resolves(document, pointer)]
    assert not broken, f"{document.name}: {broken}"


def test_the_pointers_are_found() -> None:
    readme = pointers(ROOT / "README.md")
    assert "docs/schema.md" in readme and "docs/domain.md" in readme
    assert "../sz_quality/data/source.zh.txt" in pointers(ROOT / "docs" / "domain.md")


@pytest.mark.parametrize(
    "path",
    [ROOT / "targets.yaml", ROOT / "measures.yaml", ROOT / "tests/fixtures/validate/targets.yaml"],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_registry_headers_point_inside_the_repository(path: Path) -> None:
    header = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")
    ]
    named = HEADER_PATH.findall("\n".join(header))
    assert named, path
    for pointer in named:
        assert (ROOT / pointer).exists(), f"{path.name}: {pointer}"


def test_no_absolute_machine_paths_in_tests_or_bench() -> None:
    for path in [*ROOT.glob("tests/**/*.py"), *ROOT.glob("bench/*.py")]:
        if path.name == Path(__file__).name:  # this file names the pattern it looks for
            continue
        assert "/work/" not in path.read_text(encoding="utf-8"), path.name
