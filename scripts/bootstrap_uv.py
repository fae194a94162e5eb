"""Install uv into a private folder when the machine has none: `python3 bootstrap_uv.py VERSION DIR`.

Tries a virtual environment with pip first; without venv/ensurepip (a bare Debian python3),
fetches the uv wheel from PyPI with the standard library and unpacks its binary.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import stat
import subprocess
import sys
import tempfile
import urllib.request
import zipfile
from pathlib import Path


def with_pip(version: str, target: Path) -> bool:
    try:
        subprocess.run([sys.executable, "-m", "venv", str(target)], check=True, capture_output=True)
        subprocess.run([str(target / "bin" / "python"), "-m", "pip", "install", "--quiet", f"uv=={version}"], check=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"bootstrap: venv + pip did not work ({exc}); downloading the uv wheel instead", file=sys.stderr)
        shutil.rmtree(target, ignore_errors=True)
        return False
    return (target / "bin" / "uv").exists()


def wheel_platform_tags() -> tuple[str, ...]:
    machine = platform.machine().lower()
    arch = {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)
    if sys.platform == "darwin":
        return ("macosx",)
    return (f"manylinux_2_17_{arch}", f"manylinux2014_{arch}", f"musllinux_1_1_{arch}")


def with_wheel_download(version: str, target: Path) -> None:
    request = urllib.request.Request(
        "https://pypi.org/simple/uv/", headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        files = json.load(response)["files"]
    tags = wheel_platform_tags()
    wheel = next(
        (f for f in files if f["filename"].startswith(f"uv-{version}-") and f["filename"].endswith(".whl")
         and any(t in f["filename"] for t in tags)),
        None,
    )
    if wheel is None:
        sys.exit(f"bootstrap: no uv {version} wheel for {platform.machine()}; install uv yourself and re-run make")
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / wheel["filename"]
        urllib.request.urlretrieve(wheel["url"], archive)
        digest = hashlib.sha256(archive.read_bytes()).hexdigest()
        if digest != wheel["hashes"]["sha256"]:
            sys.exit(f"bootstrap: {wheel['filename']} failed its SHA-256 check; re-run make")
        with zipfile.ZipFile(archive) as zipped:
            member = next(n for n in zipped.namelist() if n.endswith("/scripts/uv"))
            (target / "bin").mkdir(parents=True, exist_ok=True)
            binary = target / "bin" / "uv"
            binary.write_bytes(zipped.read(member))
    binary.chmod(binary.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def main() -> None:
    version, target = sys.argv[1], Path(sys.argv[2])
    if not with_pip(version, target):
        with_wheel_download(version, target)
    print(f"bootstrap: uv {version} installed in {target}/bin", file=sys.stderr)


if __name__ == "__main__":
    main()
