"""The public read path must stay stock Django, so that upgrading Django is safe.

Django promises stability for its documented API only. `QuerySet.query`, SQL compilers and the
underscore attributes of a QuerySet change between releases without notice: code that reaches into
them, or objects that impersonate models (a `__class__` property, attribute forwarding through
`__getattr__`), can break silently on an upgrade. Model `_meta` and `_state` are documented and allowed.

Each failure names file:line; see tests/architecture/sources.py for which files are checked.
"""

import ast

from tests.architecture.sources import parsed_modules

PRIVATE_SQL_PACKAGE = "django.db.models.sql"

# Attributes of the ORM's SQL layer. Nothing in the project reads an attribute named `query` on
# anything else today (checked with grep), so the rule has no exception. If one is needed later, make it
# precise (e.g. allow `.query` on the direct result of a call to `urlsplit`/`urlparse`), not blanket.
SQL_LAYER_ATTRIBUTES = {"query", "get_compiler", "compiler", "col_count"}

QUERYSET_INTERNALS = {
    "_fields",
    "_result_cache",
    "_clone",
    "_chain",
    "_iterable_class",
    "_prefetch_related_lookups",
    "_known_related_objects",
    "_sticky_filter",
    "_for_write",
    "_hints",
    "_db",
    "_fetch_all",
    "_filter_or_exclude",
    "_next_is_sticky",
    "_defer_next_filter",
    "_deferred_filter",
    "_query",
}
FORBIDDEN_ATTRIBUTES = SQL_LAYER_ATTRIBUTES | QUERYSET_INTERNALS

# Defining any of these in a class lets an object pass for another (e.g. a model instance).
IMPERSONATION_MEMBERS = {"__class__", "__getattr__", "__getattribute__"}


def is_private_sql(dotted_name):
    return dotted_name == PRIVATE_SQL_PACKAGE or dotted_name.startswith(PRIVATE_SQL_PACKAGE + ".")


def dotted(node):
    """`a.b.c` for a chain of attributes on a name, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return base and f"{base}.{node.attr}"
    return None


def private_sql_imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            # `from django.db.models import sql` imports the package too.
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if is_private_sql(name):
                yield node.lineno, f"imports {name}"
                break


def private_attribute_uses(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if node.attr in FORBIDDEN_ATTRIBUTES:
                yield node.lineno, f"uses .{node.attr}"
            elif (dotted(node) or "").endswith("models.sql"):
                yield node.lineno, f"uses {dotted(node)}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "setattr", "hasattr", "delattr"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and node.args[1].value in FORBIDDEN_ATTRIBUTES
        ):
            yield node.lineno, f"uses {node.func.id}(…, {node.args[1].value!r})"


def defined_names(statement):
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [statement.name]
    if isinstance(statement, ast.Assign):
        return [target.id for target in statement.targets if isinstance(target, ast.Name)]
    if isinstance(statement, ast.AnnAssign | ast.AugAssign) and isinstance(statement.target, ast.Name):
        return [statement.target.id]
    return []


def impersonating_members(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for statement in node.body:
                for name in defined_names(statement):
                    if name in IMPERSONATION_MEMBERS:
                        yield statement.lineno, f"class {node.name} defines {name}"


def violations(check):
    return [f"{module.location}:{line}: {what}" for module, tree in parsed_modules() for line, what in check(tree)]


def test_no_module_imports_the_private_sql_layer():
    found = violations(private_sql_imports)
    assert not found, "Import of Django's private SQL layer (use the QuerySet API):\n" + "\n".join(found)


def test_no_code_touches_queryset_internals():
    found = violations(private_attribute_uses)
    assert not found, "Use of ORM internals (use the documented QuerySet API):\n" + "\n".join(found)


def test_no_class_poses_as_another():
    found = violations(impersonating_members)
    assert not found, "Class that can pose as another (model) object:\n" + "\n".join(found)
