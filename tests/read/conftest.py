"""The reader's tests read against the small test registry (tests/fixtures/validate)."""

from __future__ import annotations

import pytest
from reader_helpers import FIXTURES

from sz_quality.plan.lookup import Lookup, load_lookup


@pytest.fixture(scope="module")
def lookup() -> Lookup:
    return load_lookup(FIXTURES / "targets.yaml")
