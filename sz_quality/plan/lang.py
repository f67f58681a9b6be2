"""The two languages of szq; the registry keeps both names of everything."""

from __future__ import annotations

from typing import Literal, Protocol, get_args

__all__ = ["LANGS", "Lang", "Named", "name_of"]

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)


class Named(Protocol):
    @property
    def name_zh(self) -> str: ...

    @property
    def name_en(self) -> str: ...


def name_of(item: Named, lang: Lang) -> str:
    return item.name_zh if lang == "zh" else item.name_en
