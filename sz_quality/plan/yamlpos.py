"""Read YAML safely and remember the line of every value, for errors that point at it."""

from __future__ import annotations

from typing import Any

__all__ = ["YamlDocument", "YamlSyntaxError", "read_yaml"]

Path_ = tuple[str | int, ...]


class YamlSyntaxError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class YamlDocument:
    """A YAML document's data and the 1-based line of each node, by path."""

    def __init__(self, data: Any, lines: dict[Path_, int]) -> None:
        self.data = data
        self._lines = lines

    def line(self, path: Path_) -> int | None:
        """The line of the deepest node on `path` that exists (a missing key: its mapping)."""
        for end in range(len(path), -1, -1):
            found = self._lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return None


def _no_alias_loader() -> type[Any]:
    """SafeLoader refusing aliases (`*name`): a registry needs none, and nested ones
    (the "billion laughs") expand into gigabytes."""
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise YamlSyntaxError(
                    event.start_mark.line + 1,
                    f"alias *{event.anchor} refused: szq reads registries without YAML "
                    "aliases (write the value out)",
                )
            return super().compose_node(parent, index)

    return NoAliasLoader


def read_yaml(text: str) -> YamlDocument:
    """Parse with PyYAML's SafeLoader (no object construction) and record node lines.

    Duplicate keys in a mapping are an error: PyYAML would silently keep the last one.
    Aliases are refused (`_no_alias_loader`).
    """
    import yaml

    loader = _no_alias_loader()(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        if node is not None:
            _walk(node, (), lines)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise YamlSyntaxError(line, f"{error.problem or error}") from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(1, str(error)) from None
    except RecursionError:  # [[[[...]]]] thousands deep: no registry nests so
        raise YamlSyntaxError(1, "the document nests too deep to be a registry") from None
    finally:
        loader.dispose()
    return YamlDocument(data, lines)


def _walk(node: Any, path: Path_, lines: dict[Path_, int]) -> None:
    import yaml

    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                raise YamlSyntaxError(line, f"duplicate key {key!r} (first on line {seen[key]})")
            seen[key] = line
            lines[(*path, key)] = line
            _walk(value_node, (*path, key), lines)
            # a key's line is where a reader looks for it, even for a block value
            lines[(*path, key)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines)
