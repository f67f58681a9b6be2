"""`szq template --all -o FOLDER`: one form per agency, never over a form filled in.

A manifest in the folder (szq-forms.txt) records each form szq wrote with the SHA-256 of
its bytes. A form that is still what szq wrote is replaced; any other existing file (a
form an agency has filled in, a file szq did not write) is kept unless `force`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ...atomic import folder_lock, write_text_atomic

__all__ = ["FORMS_MANIFEST", "FormsWritten", "write_forms"]

FORMS_MANIFEST = "szq-forms.txt"
_HEADER = (
    "# The forms szq wrote here, with the SHA-256 of each. szq replaces a form only while\n"
    "# it is unchanged (or with --force); a form filled in is kept.\n"
)


@dataclass
class FormsWritten:
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # existing files left as they are


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(folder: Path) -> dict[str, str]:
    try:
        lines = (folder / FORMS_MANIFEST).read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, NotADirectoryError, UnicodeDecodeError):
        return {}
    recorded: dict[str, str] = {}
    for line in lines:
        digest, _, name = line.partition("  ")
        # plain names only: an edited manifest never reaches outside the folder
        if line.startswith("#") or not name or Path(name).name != name or "\\" in name:
            continue
        recorded[name] = digest
    return recorded


def _untouched(path: Path, digest: str | None) -> bool:
    """The file is a regular file whose bytes are what szq recorded writing."""
    if digest is None or path.is_symlink() or not path.is_file():
        return False
    return _digest(path.read_bytes()) == digest


def write_forms(folder: Path, forms: dict[str, str], *, force: bool = False) -> FormsWritten:
    """Write each `name -> CSV text` in `folder` (created if needed), keeping an existing
    file unless it is szq's own untouched form or `force`."""
    folder.mkdir(parents=True, exist_ok=True)
    result = FormsWritten()
    with folder_lock(folder):
        recorded = _manifest(folder)
        for name, text in forms.items():
            path = folder / name
            exists = path.is_symlink() or path.exists()
            data = text.encode("utf-8")
            ours = _untouched(path, recorded.get(name)) or _untouched(path, _digest(data))
            if exists and not force and not ours:
                result.kept.append(path)
                recorded.pop(name, None)  # no longer szq's form
                continue
            write_text_atomic(path, text)
            recorded[name] = _digest(data)
            result.written.append(path)
        body = "".join(f"{recorded[name]}  {name}\n" for name in sorted(recorded))
        write_text_atomic(folder / FORMS_MANIFEST, _HEADER + body)
    return result
