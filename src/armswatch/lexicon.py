"""Vietnamese/English lexicons kept as data: `data/lexicons/NAME.yaml`.

Each lexicon file is a YAML mapping. If `data/schema/lexicon.NAME.schema.json`
exists the file is validated against it on load (tests call `validate_all`).
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .kb import DATA, json_cached, load_yaml

LEX_DIR = DATA / "lexicons"
SCHEMA_DIR = DATA / "schema"


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> Any:
    path = LEX_DIR / f"{name}.yaml"
    return json_cached(f"lexicon-{name}", [path], lambda: load_yaml(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def demonyms():
    """(regex, lower-case demonym -> country name) of the nationality adjectives of `person_cues`
    ("Chinese", "U.S."), matched as written, as whole words; (None, {}) when the lexicon has none."""
    import re

    dem = (load_lexicon("person_cues") or {}).get("demonyms") or {}
    if not dem:
        return None, {}
    rx = re.compile("(?<![\\w.])(?:" + "|".join(re.escape(x) for x in sorted(dem, key=len, reverse=True))
                    + r")(?![\w-])")
    return rx, {k.lower(): v for k, v in dem.items()}


def validate_all() -> list[str]:
    """Schema errors of every lexicon that has a schema."""
    import jsonschema

    errors = []
    for path in sorted(LEX_DIR.glob("*.yaml")):
        schema_path = SCHEMA_DIR / f"lexicon.{path.stem}.schema.json"
        data = load_yaml(path.read_text(encoding="utf-8"))
        if schema_path.exists():
            schema = json.loads(schema_path.read_text(encoding="utf-8"))
            for err in jsonschema.Draft202012Validator(schema).iter_errors(data):
                errors.append(f"{path.name}: {'/'.join(map(str, err.absolute_path))}: {err.message}")
    return errors
