"""The diagnostics of a read, and per-file accounting (rows accepted and rejected).

The per-code cap lives here and only here: `max_per_code` diagnostics of one code are
listed per file, the rest counted in one `too-many` diagnostic when the file is closed.
"""

from __future__ import annotations

from . import codes as diag
from .messages import Template, template
from .observations import Diagnostic, Severity

__all__ = ["Cell", "Findings", "SourceFile"]


Cell = tuple[int, int | None, str | None]
"""Where a diagnostic about one cell points: its line, 1-based column (None: not known)
and field."""

# Plain classes with __slots__ rather than dataclasses: defining a dataclass costs about a
# millisecond at import, and `szq validate` must start fast.


class SourceFile:
    """One file being read: its number, its row accounting and its listed diagnostics."""

    __slots__ = (
        "path",
        "number",
        "rows",
        "accepted",
        "rejected",
        "listed",
        "unlisted",
        "check_bytes",
        "sheet",
        "first_diagnostic",
    )

    def __init__(self, path: str, number: int, first_diagnostic: int = 0) -> None:
        self.path = path
        self.number = number  # 1-based, in the order files are read
        self.rows = 0
        self.accepted = 0
        self.rejected = 0
        self.listed: dict[str, int] = {}  # code -> diagnostics listed
        self.unlisted: dict[str, tuple[Severity, int]] = {}  # code -> (worst, count) over the cap
        self.check_bytes = False  # the current batch holds undecodable bytes
        self.sheet = False  # read from a spreadsheet
        self.first_diagnostic = first_diagnostic  # where its diagnostics start

    def reject(self) -> None:
        """Count a row that was read and refused."""
        self.rows += 1
        self.rejected += 1

    def blank_rows(self) -> int:
        """The blank rows seen, listed or not."""
        return self.listed.get("blank-row", 0) + self.unlisted.get("blank-row", ("warning", 0))[1]


class Findings:
    """The diagnostics of every file of a read, in order, capped per file and code."""

    __slots__ = ("diagnostics", "max_per_code", "lang")

    def __init__(self, max_per_code: int, lang: str) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.max_per_code = max_per_code
        self.lang = lang

    def emit(
        self,
        file: SourceFile,
        code: str,
        *,
        line: int | None,
        column: int | None = None,
        field: str | None = None,
        text: Template,
        hint: Template | None = None,
        severity: Severity | None = None,
    ) -> None:
        """List a diagnostic (made only when it is listed: over the cap it is counted).

        `line` None: about the whole file; `column` (1-based) and `field` None: about
        the whole row."""
        if severity is None:
            severity = diag.CODES[code].default_severity
        if self._admit(file, code, severity):
            self.diagnostics.append(
                diag.make(
                    code,
                    file.path,
                    line,
                    column,
                    field,
                    text,
                    hint,
                    severity=severity,
                    lang=self.lang,
                )
            )

    def emit_at(
        self,
        file: SourceFile,
        code: str,
        where: Cell,
        text: Template,
        hint: Template | None = None,
    ) -> None:
        """List a diagnostic about the cell `where`."""
        line, column, field = where
        self.emit(file, code, line=line, column=column, field=field, text=text, hint=hint)

    def add(self, file: SourceFile, made: Diagnostic) -> bool:
        """List a diagnostic made elsewhere, under the same cap; whether it was listed."""
        if self._admit(file, made.code, made.severity):
            self.diagnostics.append(made)
            return True
        return False

    def _admit(self, file: SourceFile, code: str, severity: Severity) -> bool:
        """Whether a diagnostic is listed; if not, it is counted for `too-many`."""
        count = file.listed.get(code, 0)
        if self.max_per_code and count >= self.max_per_code:
            previous = file.unlisted.get(code, (severity, 0))
            worst: Severity = "error" if "error" in (previous[0], severity) else "warning"
            file.unlisted[code] = (worst, previous[1] + 1)
            return False
        file.listed[code] = count + 1
        return True

    def take_unlisted(self, file: SourceFile, unlisted: dict[str, tuple[Severity, int]]) -> None:
        """Add counts of diagnostics left unlisted elsewhere (another process's half)."""
        for code, (severity, count) in unlisted.items():
            previous = file.unlisted.get(code, (severity, 0))
            worst: Severity = "error" if "error" in (previous[0], severity) else "warning"
            file.unlisted[code] = (worst, previous[1] + count)

    def relist(self, file: SourceFile) -> None:
        """Put the file's diagnostics in line order and apply the cap again (after a merge)."""
        mine = self.diagnostics[file.first_diagnostic :]
        mine.sort(key=lambda diagnostic: (diagnostic.line is None, diagnostic.line or 0))
        file.listed = {}
        self.diagnostics[file.first_diagnostic :] = [
            diagnostic
            for diagnostic in mine
            if self._admit(file, diagnostic.code, diagnostic.severity)
        ]

    def close(self, file: SourceFile) -> None:
        """One `too-many` diagnostic per code over the cap, after the file's own."""
        for code, (severity, count) in file.unlisted.items():
            self.diagnostics.append(
                diag.make(
                    "too-many",
                    file.path,
                    None,
                    None,
                    None,
                    template("too-many", count=count, code=code),
                    template("too-many.hint"),
                    severity=severity,
                    lang=self.lang,
                )
            )
