"""The in-tree build backend's standard-library path makes a valid pure-Python wheel (what pip installs when the
machine's setuptools cannot build wheels itself)."""
from __future__ import annotations

import base64
import hashlib
import os
import sys
import tempfile
import unittest
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "build_backend"))

import mlc  # noqa: E402
import mlc_build  # type: ignore[import-not-found]  # noqa: E402


class WheelTest(unittest.TestCase):
    def test_the_stdlib_wheel_holds_the_package_metadata_and_console_script(self) -> None:
        with tempfile.TemporaryDirectory() as directory:
            name = mlc_build._write_wheel(directory, editable=False)
            self.assertEqual(name, f"mlc-{mlc.__version__}-py3-none-any.whl")
            with zipfile.ZipFile(os.path.join(directory, name)) as wheel:
                names = set(wheel.namelist())
                info = f"mlc-{mlc.__version__}.dist-info"
                for expected in ("mlc/__init__.py", "mlc/__main__.py", "mlc/cli.py", "mlc/client.py", "mlc/stats.py",
                                 "mlc/py.typed", f"{info}/METADATA", f"{info}/WHEEL", f"{info}/RECORD",
                                 f"{info}/entry_points.txt"):
                    self.assertIn(expected, names)
                self.assertFalse([n for n in names if n.startswith(("tests/", "build_backend/"))])
                self.assertIn("mlc = mlc.cli:main", wheel.read(f"{info}/entry_points.txt").decode())
                metadata = wheel.read(f"{info}/METADATA").decode()
                self.assertIn(f"Version: {mlc.__version__}", metadata)
                self.assertIn("Requires-Python: >=3.9", metadata)
                for line in wheel.read(f"{info}/RECORD").decode().splitlines():
                    path, digest, size = line.split(",")
                    if not digest:
                        continue
                    data = wheel.read(path)
                    expected_digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                    self.assertEqual((digest, int(size)), (f"sha256={expected_digest}", len(data)), path)

    def test_no_build_requirements(self) -> None:
        self.assertEqual(mlc_build.get_requires_for_build_wheel(), [])


if __name__ == "__main__":
    unittest.main()
