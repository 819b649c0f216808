"""Package templates (``templates/``) rendered with ``string.Template`` placeholders.

Rendering is pure: a template name and values in, text out. A missing value raises
``KeyError`` so a template and its caller cannot drift apart silently.
"""

from __future__ import annotations

import json
from importlib import resources
from string import Template

__all__ = ["load_template", "render_template", "yaml_string"]


def load_template(name: str) -> str:
    """The text of ``templates/<name>`` shipped with the package."""
    return resources.files("streams.services").joinpath("templates", name).read_text("utf-8")


def render_template(name: str, **values: object) -> str:
    """``templates/<name>`` with every ``${key}`` replaced by ``str(values[key])``."""
    return Template(load_template(name)).substitute({k: str(v) for k, v in values.items()})


def yaml_string(value: str) -> str:
    """A YAML scalar for ``value`` (a JSON string is valid YAML), safe for any path."""
    return json.dumps(value)
