"""The messages of diagnostics as templates: a key of sz_quality.words and the values that
fill it, worded in the user's language only when shown.

A Diagnostic keeps the template's key and its values (`template(key, ...)`); `message`
builds the text in a language. Imports only the catalogue of words, so that
sz_quality.read.observations and sz_quality.read.codes both use it without a cycle.
"""

from __future__ import annotations

from typing import Any

from ..words import word

__all__ = [
    "Param",
    "Params",
    "Template",
    "ValueKey",
    "did_you_mean",
    "message",
    "template",
    "value_template",
]

Param = str | int | float
"""A value that fills a message template: JSON-friendly, the same in every language."""

Params = tuple[tuple[str, Param], ...]

# messages whose {region} is a phrase ("region 'r3' ") built from the raw region, if any
_WITH_REGION = frozenset(
    {
        "duplicate-row.equal",
        "duplicate-row.differ",
        "duplicate-row.named",
        "revision",
        "suspect-magnitude",
        "repeated-value",
        "derived-mismatch",
        "plan-short-of-target",
    }
)

Template = tuple[str, Params]
"""A message key and the values that fill it."""


def template(key: str, **params: Param) -> Template:
    """A message to build later, in whichever language it is shown.

    A value named `<name>_zh` and `<name>_en` fills `{name}` in that language (names of
    indicators and agencies).
    """
    return key, tuple(params.items())


ValueKey = tuple[str, str, int]
"""Which value: its series' id, its region ("": the city total) and its year."""


def value_template(key: str, about: ValueKey, /, **params: Param) -> Template:
    """A message about one value: `about` fills its {id}, {region} (a phrase, or nothing
    for the city total) and {year}, before `params`."""
    series, region, year = about
    return template(key, id=series, region=region, year=year, **params)


def did_you_mean(guess: str | None, otherwise: Template | None = None) -> Template | None:
    """The hint of a name not found: "did you mean 'GUESS'?", else `otherwise`."""
    return template("did-you-mean", name=guess) if guess else otherwise


def message(key: str, lang: str, **params: Any) -> str:
    """The message `key` in `lang` ("zh" or "en"), filled with `params`."""
    return word(f"diagnostic.{key}", lang, **_in_language(key, lang, params))


def _in_language(key: str, lang: str, params: dict[str, Any]) -> dict[str, Any]:
    """The values as the template in `lang` takes them."""
    values = dict(params)
    suffix = "_zh" if lang == "zh" else "_en"
    for name, value in params.items():
        if name.endswith(suffix):
            values[name[: -len(suffix)]] = value
    if key == "binary":
        values["kind"] = message(str(values["kind"]), lang)
    elif key in _WITH_REGION:
        region = values.get("region", "")
        values["region"] = message("region", lang, region=region) if region else ""
    return values
