"""The HTML report in a real browser: headless Chromium renders it without console errors."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("jinja2")

from sz_quality.check.evaluate import evaluate  # noqa: E402
from sz_quality.render.report.writer import write_report  # noqa: E402

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def _flags(profile: Path) -> list[str]:
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_renders_in_chromium(
    tmp_path: Path, lang: str, registry: Any, measure_registry: Any
) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no chromium binary on PATH (Debian: apt-get install chromium)")
    from samples import make_data

    data = make_data()
    report = evaluate(registry, data, 2013)
    page = tmp_path / "report.html"
    write_report(page, report, registry, measures=measure_registry, data=data, lang=lang)  # type: ignore[arg-type]
    done = subprocess.run(
        [browser, *_flags(tmp_path / "profile"), "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert 'id="overall"' in dom
    assert ("一、总体情况" if lang == "zh" else "1. Overall") in dom
    assert "<svg" in dom and 'id="chart-rd_share_2015"' in dom
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
    assert console == [], "\n".join(console)
    assert "<script" not in dom  # the <script> held by a source is text, not an element

    shot = tmp_path / "report.png"
    subprocess.run(
        [
            browser,
            *_flags(tmp_path / "profile2"),
            "--hide-scrollbars",
            "--window-size=390,1600",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shot.exists() and shot.stat().st_size > 10_000

    # printed, it is on A4 (its @page), whatever the printer's default
    if shutil.which("pdfinfo") is None:
        return
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [browser, *_flags(tmp_path / "profile3"), f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=False,
    )
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout


# `szq report` in a process where matplotlib cannot be imported at all (so no font cache,
# stale or not, and no CJK font it knows of can play a part), with an empty MPLCONFIGDIR
HIDDEN_MATPLOTLIB = (
    "import sys; sys.modules['matplotlib'] = None; "
    "from sz_quality.cli import main; sys.argv[0] = 'szq'; main()"
)


def test_chinese_chart_titles_are_text_without_cjk_font_at_the_writer(tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no chromium binary on PATH (Debian: apt-get install chromium)")
    root = Path(__file__).resolve().parents[2]
    page = tmp_path / "r.html"
    (tmp_path / "mpl").mkdir()
    env = {**os.environ, "MPLCONFIGDIR": str(tmp_path / "mpl")}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            HIDDEN_MATPLOTLIB,
            "report",
            "examples/data-2013.csv",
            "examples/data-2015.csv",
            "--year",
            "2015",
            "--lang",
            "zh",
            "-o",
            str(page),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=root,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("\n") == 1 and "Warning" not in done.stderr  # one line: written
    dumped = subprocess.run(
        [browser, *_flags(tmp_path / "profile"), "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    charts = re.findall(r'<svg[^>]*id="(chart-[^"]+)"[^>]*>(.*?)</svg>', dumped.stdout, re.S)
    assert len(charts) >= 10
    titles = dict(
        (chart_id, re.findall(r"<text[^>]*>([^<]*)</text>", body)[0]) for chart_id, body in charts
    )
    assert titles["chart-gdp_2015"] == "本市生产总值达到1.5万亿元"
    assert titles["chart-rd_share_2015"] == "全社会研发支出占GDP比重达到4%"
    for chart_id, title in titles.items():  # every title is Chinese characters, not outlines
        assert re.search("[\u4e00-\u9fff]", title), (chart_id, title)
    assert "<path" not in "".join(body for _, body in charts)
