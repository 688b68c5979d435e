"""YAML read through libyaml's C parser when PyYAML was built with it (several times faster,
the same data), else through PyYAML's pure-Python safe loader."""

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """What `yaml.safe_load(text)` gives, parsed by the fastest safe loader available."""
    return yaml.load(text, Loader=SafeLoader)
