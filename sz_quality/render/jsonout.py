"""JSON output: UTF-8 text, stable key order, one trailing newline (byte-identical runs)."""

from __future__ import annotations

import json
from typing import Any


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
