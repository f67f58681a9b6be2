"""JSON output: UTF-8 text, stable key order, one trailing newline (byte-identical runs).

Every JSON szq writes goes through `dumps`, which refuses NaN and infinity (they are not
JSON: a parser rejects `NaN`); the reader and the registry loader refuse non-finite
numbers, so none reaches it.
"""

from __future__ import annotations

import json
from typing import Any


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
