"""Shared helpers of the tests that need no Odoo."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "thidua_module"


def load_tool(name):
    """Import a module of thidua_module/tools without importing Odoo."""
    path = ADDON / "tools" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"thidua_tools_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def addon_dir():
    return ADDON
