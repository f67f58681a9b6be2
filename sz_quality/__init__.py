"""szq: check official statistics against the quantified targets of the Shenzhen Quality plan.

The library does the work and never prints; the `szq` command is a thin edge over it.
"""

from __future__ import annotations

__version__ = "0.1.0"
