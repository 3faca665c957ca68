"""The package's PEP 517 build backend: setuptools when it can build a wheel, else the standard library alone.

``pip install --no-build-isolation ./clients/python`` must work with no package registry. setuptools before 70.1
cannot build a wheel without the separate ``wheel`` package, which many Python installations lack (and a machine
without a registry cannot fetch), so this backend hands every hook to ``setuptools.build_meta`` when setuptools can
build wheels there, and otherwise writes the (pure-Python, dependency-free) wheel, sdist or editable wheel itself
with ``zipfile`` and ``tarfile``. Both paths install the same files: the ``mlc`` package and the ``mlc`` console
script.
"""
from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import os
import re
import tarfile
import zipfile
from typing import Any, Dict, List, Optional, Tuple

NAME = "mlc"
SUMMARY = "Client and command line for the metric lifecycle service (HTTP API v1); standard library only"
REQUIRES_PYTHON = ">=3.9"
ENTRY_POINTS = "[console_scripts]\nmlc = mlc.cli:main\n"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE_DIR = os.path.join(ROOT, NAME)


def _setuptools() -> Optional[Any]:
    """``setuptools.build_meta`` when setuptools is there and can build wheels (``wheel`` or setuptools >= 70.1)."""
    try:
        from setuptools import build_meta  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return None
    try:
        able = (importlib.util.find_spec("wheel") is not None
                or importlib.util.find_spec("setuptools.command.bdist_wheel") is not None)
    except (ImportError, ValueError):
        able = False
    return build_meta if able else None


def version() -> str:
    with open(os.path.join(PACKAGE_DIR, "__init__.py"), encoding="utf-8") as handle:
        match = re.search(r'^__version__ = "([^"]+)"', handle.read(), re.M)
    if not match:
        raise RuntimeError("mlc/__init__.py has no __version__")
    return match.group(1)


# ------------------------------------------------------------------ PEP 517 / 660 hooks

def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def build_wheel(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                metadata_directory: Optional[str] = None) -> str:
    backend = _setuptools()
    if backend is not None:
        return str(backend.build_wheel(wheel_directory, config_settings))
    return _write_wheel(wheel_directory, editable=False)


def build_editable(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                   metadata_directory: Optional[str] = None) -> str:
    backend = _setuptools()
    if backend is not None and hasattr(backend, "build_editable"):
        return str(backend.build_editable(wheel_directory, config_settings))
    return _write_wheel(wheel_directory, editable=True)


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    backend = _setuptools()
    if backend is not None:
        return str(backend.build_sdist(sdist_directory, config_settings))
    return _write_sdist(sdist_directory)


# ------------------------------------------------------------------ the standard-library path

def _metadata() -> str:
    readme = os.path.join(ROOT, "README.md")
    text = (f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {version()}\nSummary: {SUMMARY}\n"
            f"Requires-Python: {REQUIRES_PYTHON}\nClassifier: Programming Language :: Python :: 3\n"
            "Classifier: Typing :: Typed\n")
    if os.path.exists(readme):
        with open(readme, encoding="utf-8") as handle:
            text += "Description-Content-Type: text/markdown\n\n" + handle.read()
    return text


def _package_files() -> List[Tuple[str, bytes]]:
    files = []
    for name in sorted(os.listdir(PACKAGE_DIR)):
        if name.endswith(".py") or name == "py.typed":
            with open(os.path.join(PACKAGE_DIR, name), "rb") as handle:
                files.append((f"{NAME}/{name}", handle.read()))
    return files


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{path},sha256={digest},{len(data)}"


def _write_wheel(directory: str, *, editable: bool) -> str:
    dist = f"{NAME}-{version()}"
    filename = f"{dist}-py3-none-any.whl"
    info = f"{dist}.dist-info"
    if editable:
        contents = [(f"__editable__.{NAME}.pth", (ROOT + "\n").encode("utf-8"))]
    else:
        contents = _package_files()
    contents += [
        (f"{info}/METADATA", _metadata().encode("utf-8")),
        (f"{info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: mlc_build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        (f"{info}/entry_points.txt", ENTRY_POINTS.encode("utf-8")),
        (f"{info}/top_level.txt", f"{NAME}\n".encode("utf-8")),
    ]
    record = "\n".join(_record_line(path, data) for path, data in contents) + f"\n{info}/RECORD,,\n"
    os.makedirs(directory, exist_ok=True)
    with zipfile.ZipFile(os.path.join(directory, filename), "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in contents:
            archive.writestr(path, data)
        archive.writestr(f"{info}/RECORD", record)
    return filename


def _write_sdist(directory: str) -> str:
    dist = f"{NAME}-{version()}"
    filename = f"{dist}.tar.gz"
    os.makedirs(directory, exist_ok=True)
    with tarfile.open(os.path.join(directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as archive:
        for folder, subfolders, names in os.walk(ROOT):
            subfolders[:] = sorted(d for d in subfolders
                                   if not d.startswith(".") and d not in ("__pycache__", "build", "dist")
                                   and not d.endswith(".egg-info"))
            for name in sorted(names):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(folder, name)
                archive.add(path, arcname=os.path.join(dist, os.path.relpath(path, ROOT)))
        data = _metadata().encode("utf-8")
        entry = tarfile.TarInfo(f"{dist}/PKG-INFO")
        entry.size = len(data)
        archive.addfile(entry, io.BytesIO(data))
    return filename
