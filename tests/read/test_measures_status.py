"""--measures-status FILE: a CSV of measure id, status, note, validated with stable codes."""

from __future__ import annotations

from pathlib import Path

from sz_quality.read.measures_status import parse_measures_status, read_measures_status

IDS = ("m_one", "m_two", "m_three")


def codes(raw: bytes) -> list[str]:
    return [d.code for d in parse_measures_status(raw, IDS, name="s.csv").diagnostics]


def test_valid_file_is_read_in_registry_order() -> None:
    raw = b"measure,status,note\nm_two,in_progress,half way\nm_one,done,\n"
    status = parse_measures_status(raw, IDS, name="s.csv")
    assert status.diagnostics == ()
    assert list(status.statuses) == ["m_one", "m_two"]
    assert status.statuses["m_two"].status == "in_progress"
    assert status.statuses["m_two"].note == "half way"
    assert status.statuses["m_one"].note is None
    assert status.statuses["m_two"].line == 2
    assert (status.rows, status.accepted, status.has_errors) == (2, 2, False)


def test_bom_gb18030_and_chinese_statuses(tmp_path: Path) -> None:
    raw = "measure,status,note\nm_one,已完成,按期完成\nm_two,未启动,\n"
    path = tmp_path / "s.csv"
    path.write_bytes(raw.encode("gb18030"))
    status = read_measures_status(path, IDS)
    assert status.statuses["m_one"].status == "done"
    assert status.statuses["m_one"].note == "按期完成"
    assert status.statuses["m_two"].status == "not_started"
    bom = parse_measures_status(b"\xef\xbb\xbf" + raw.encode(), IDS)
    assert bom.diagnostics == ()


def test_id_column_aliases() -> None:
    status = parse_measures_status(b"id,status\nm_one,done\n", IDS)
    assert status.statuses["m_one"].status == "done"


def test_errors_have_stable_codes_and_lines() -> None:
    raw = (
        b"measure,status,note,owner\n"
        b"m_one,done,\n"
        b",done,\n"
        b"m_onee,done,\n"
        b"m_two,finished,\n"
        b"m_one,in_progress,later\n"
    )
    status = parse_measures_status(raw, IDS, name="s.csv")
    found = [(d.code, d.severity, d.line) for d in status.diagnostics]
    assert found == [
        ("status-unknown-column", "warning", 1),
        ("status-missing-id", "error", 3),
        ("status-unknown-measure", "error", 4),
        ("status-invalid-status", "error", 5),
        ("status-duplicate", "warning", 6),
    ]
    unknown = status.diagnostics[2]
    assert unknown.hint_in("en") == "did you mean 'm_one'?"
    assert unknown.file == "s.csv" and unknown.column == 1 and unknown.field == "measure"
    assert status.statuses["m_one"].status == "in_progress"  # the later row wins
    assert status.has_errors
    assert status.rows == 5 and status.accepted == 1


def test_missing_columns_empty_and_bad_encoding() -> None:
    assert codes(b"measure,note\nm_one,x\n") == ["status-missing-column"]
    assert codes(b"") == ["status-empty"]
    assert codes(b"\n") == ["status-empty"]
    assert codes(b"\xff\xfe\x00\x00\xff") == ["status-encoding"]


def test_blank_lines_are_skipped() -> None:
    status = parse_measures_status(b"measure,status\n\nm_one,done\n,\n", IDS)
    assert status.diagnostics == () and status.rows == 1
