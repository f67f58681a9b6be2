"""The HTML report in a real browser: headless Chromium renders it without console errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("jinja2")
pytest.importorskip("matplotlib")

from sz_quality.check.evaluate import evaluate  # noqa: E402
from sz_quality.render.report_writer import write_report  # noqa: E402

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def _flags(profile: Path) -> list[str]:
    return [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_renders_in_chromium(tmp_path: Path, lang: str, registry: Any,
                                    measure_registry: Any) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no chromium binary on PATH (Debian: apt-get install chromium)")
    from test_report import make_data

    data = make_data()
    report = evaluate(registry, data, 2013, lang=lang)  # type: ignore[arg-type]
    page = tmp_path / "report.html"
    write_report(page, report, registry, measures=measure_registry, data=data,
                 lang=lang)  # type: ignore[arg-type]
    done = subprocess.run(
        [browser, *_flags(tmp_path / "profile"), "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert 'id="summary"' in dom
    assert ("总览" if lang == "zh" else "Summary") in dom
    assert "<svg" in dom and 'id="chart-rd_share_2015"' in dom
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
    assert console == [], "\n".join(console)
    assert "<script" not in dom  # the <script> held by a source is text, not an element

    shot = tmp_path / "report.png"
    subprocess.run(
        [browser, *_flags(tmp_path / "profile2"), "--hide-scrollbars", "--window-size=390,1600",
         f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert shot.exists() and shot.stat().st_size > 10_000
