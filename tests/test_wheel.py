"""The addon builds as the OCA publishes its addons: a wheel made by whool.

The wheel is built once, without network (pip wheel --no-build-isolation with
the whool of requirements-test.txt), and must hold every file Odoo loads.
"""

import ast
import os
import re
import subprocess
import sys
import zipfile
from email.parser import HeaderParser

import pytest

from conftest import ADDON, ROOT

DIST_NAME = "odoo-addon-thidua_module"
PREFIX = "odoo/addons/thidua_module/"
# whool packages the files git tracks (all files outside a git checkout).
HINT = "whool packages only the files git tracks: git add them"


def manifest():
    return ast.literal_eval((ADDON / "__manifest__.py").read_text(encoding="utf-8"))


def addon_files(*patterns):
    """The addon's files matching the glob patterns, relative to the addon."""
    found = set()
    for pattern in patterns:
        for path in ADDON.glob(pattern):
            relative = path.relative_to(ADDON)
            if path.is_file() and "__pycache__" not in relative.parts:
                found.add(relative.as_posix())
    return found


@pytest.fixture(scope="session")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    # The version must come from the project's settings, not the caller's.
    env = {k: v for k, v in os.environ.items() if k != "WHOOL_POST_VERSION_STRATEGY_OVERRIDE"}
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "--disable-pip-version-check",
        "--quiet",
        "--wheel-dir",
        str(out),
        str(ADDON),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, (
        "pip wheel failed (is whool installed? pip install -r requirements-test.txt):\n"
        + result.stdout
        + result.stderr
    )
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="session")
def wheel_files(wheel):
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.fixture(scope="session")
def wheel_metadata(wheel, wheel_files):
    (name,) = [n for n in wheel_files if n.endswith(".dist-info/METADATA")]
    with zipfile.ZipFile(wheel) as archive:
        return HeaderParser().parsestr(archive.read(name).decode("utf-8"))


def missing_from(wheel_files, names):
    return sorted(name for name in names if PREFIX + name not in wheel_files)


def test_wheel_is_named_after_the_addon_and_the_manifest_version(wheel, wheel_metadata):
    version = manifest()["version"]
    assert wheel.name == f"odoo_addon_thidua_module-{version}-py3-none-any.whl"
    assert wheel_metadata["Name"] == DIST_NAME
    assert wheel_metadata["Version"] == version


def test_wheel_requires_odoo_18_and_the_addons_of_requirements_odoo(wheel_metadata):
    requires = wheel_metadata.get_all("Requires-Dist")
    assert "odoo==18.0.*" in requires
    text = (ROOT / "requirements-odoo.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line.split("#")[0])
        if name:
            assert any(r.startswith(name[1] + "==18.0.") for r in requires), (name[1], requires)


@pytest.mark.parametrize("key", ["data", "demo"])
def test_wheel_holds_every_file_of_the_manifest(wheel_files, key):
    names = manifest().get(key, [])
    assert names
    assert not missing_from(wheel_files, names), HINT


def test_wheel_holds_the_translations(wheel_files):
    names = addon_files("i18n/*.po", "i18n/*.pot")
    assert {"i18n/vi.po", "i18n/thidua_module.pot"} <= names
    assert not missing_from(wheel_files, names), HINT


def test_wheel_holds_the_security_files(wheel_files):
    names = addon_files("security/*")
    assert "security/ir.model.access.csv" in names
    assert not missing_from(wheel_files, names), HINT


def test_wheel_holds_the_reports(wheel_files):
    names = addon_files("report/*.xml", "report/*.py")
    assert any(name.endswith(".py") for name in names)
    assert any(name.endswith(".xml") for name in names)
    assert not missing_from(wheel_files, names), HINT


def test_wheel_holds_the_static_files(wheel_files):
    names = addon_files("static/**/*")
    assert "static/description/icon.png" in names
    assert not missing_from(wheel_files, names), HINT


def test_wheel_holds_the_migrations(wheel_files):
    assert not missing_from(wheel_files, addon_files("migrations/**/*")), HINT


def test_wheel_holds_every_python_module(wheel_files):
    names = {name for name in addon_files("**/*.py") if not name.startswith("build/")}
    assert {"__init__.py", "__manifest__.py"} <= names
    assert not missing_from(wheel_files, names), HINT


def test_wheel_holds_no_build_file_nor_bytecode(wheel_files):
    assert PREFIX + "pyproject.toml" not in wheel_files
    assert not [name for name in wheel_files if name.endswith(".pyc")]
