"""Every template file is shipped in a built distribution, not only in a checkout."""
from __future__ import annotations

import configparser
import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _patterns(package: str) -> list[str]:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    data = config["options.package_data"]
    return [p.strip() for p in data.get(package, "").replace("\n", ",").split(",") if p.strip()]


def test_every_template_file_matches_a_package_data_pattern():
    folder = ROOT / "templates_vn"
    patterns = _patterns("templates_vn")
    files = [p.relative_to(folder).as_posix() for p in folder.rglob("*")
             if p.is_file() and p.suffix in {".j2", ".toml", ".yaml"}]
    assert len(files) >= 29 * 3
    missing = [f for f in files if "/" in f and not any(fnmatch.fnmatch(f, p) for p in patterns)]
    assert missing == []
