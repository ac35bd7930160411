"""The code's shape: project modules import each other at the top, where import-linter and readers can see it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PACKAGES = ("config", "community_translation", "home", "cities", "stories", "exhibitions", "editorial", "demo")


def project_modules():
    for package in PROJECT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def imported_names(node):
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""]
    return [alias.name for alias in node.names]


def nested_project_imports(path):
    """(line, module) for each project import inside a function or class body, except an app's own ready()."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            for name in imported_names(node):
                package = name.split(".")[0]
                own_ready = function.name == "ready" and path.name == "apps.py" and package == path.parent.name
                if package in PROJECT_PACKAGES and not own_ready:
                    found.append((node.lineno, name))
    return found


def test_no_project_module_is_imported_inside_a_function():
    """An import inside a function hides a dependency from import-linter's layers; only AppConfig.ready may."""
    nested = {
        str(path.relative_to(ROOT)): imports for path in project_modules() if (imports := nested_project_imports(path))
    }
    assert nested == {}


def test_the_checker_sees_a_nested_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def render():\n    from stories.models import StoryPage\n    return StoryPage\n")
    assert nested_project_imports(sample) == [(2, "stories.models")]
