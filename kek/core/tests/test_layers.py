"""The apps depend downwards only and no app's modules import each other in a circle.

The rules stand in pyproject.toml ([tool.importlinter]) and docs/architecture.md; import-linter
reads every import statement, including those inside functions.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_apps_depend_downwards_only_and_without_cycles():
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_the_check_reports_an_import_against_the_layers(tmp_path):
    """The same check with the layers turned upside down must fail: it really reads our imports."""
    config = tmp_path / "upside-down.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "kek"\n\n[[tool.importlinter.contracts]]\n'
        'name = "upside down"\ntype = "layers"\nlayers = ["kek.core", "kek.plan"]\n'
    )
    result = lint_imports("--config", str(config))
    assert result.returncode != 0
    assert "kek.plan is not allowed to import kek.core" in result.stdout
