"""The project's apps form layers: no import cycles, and each app imports only from the apps above it.

INSTALLED_APPS lists the project's apps from the foundation (uploads) up; an app may import from those
listed before it, never from those after. `hamleh` (settings, URLs, WSGI, database router) is the top:
it may import any app, and no app may import it. Layers keep each app testable and replaceable, and
keep the public read path free of surprises. Imports inside functions and methods count too: they hide
a dependency, they do not remove it.

Each failure names file:line and the module imported; see tests/architecture/sources.py for what is
counted as a project module and how imports are resolved.
"""

from collections import defaultdict, deque

from django.conf import settings

from tests.architecture.sources import project_imports, project_modules, project_packages

TOP_PACKAGE = "hamleh"


def import_graph():
    graph = defaultdict(set)
    for module in project_modules():
        graph[module]  # every module is a vertex, importing anything or not
    for found in project_imports():
        graph[found.importer.name].add(found.target)
    return graph


def strongly_connected_components(graph):
    """Tarjan's algorithm, iterative (no recursion limit to worry about)."""
    index, lowlink, on_stack, stack, components = {}, {}, set(), [], []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = lowlink[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            vertex, successors = work[-1]
            successor = next(successors, None)
            if successor is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    lowlink[parent] = min(lowlink[parent], lowlink[vertex])
                if lowlink[vertex] == index[vertex]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == vertex:
                            break
                    components.append(component)
            elif successor not in index:
                index[successor] = lowlink[successor] = len(index)
                stack.append(successor)
                on_stack.add(successor)
                work.append((successor, iter(sorted(graph[successor]))))
            elif successor in on_stack:
                lowlink[vertex] = min(lowlink[vertex], index[successor])
    return components


def shortest_cycle_through(start, graph, component):
    """A shortest path start → … → start inside the component, as a list of modules."""
    came_from = {}
    queue = deque([start])
    while queue:
        vertex = queue.popleft()
        for successor in sorted(graph[vertex] & component):
            if successor == start:
                path = [vertex]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if successor not in came_from:
                came_from[successor] = vertex
                queue.append(successor)
    return [start]


def describe_cycle(component, graph):
    cycle = shortest_cycle_through(min(component), graph, component)
    sites = sorted(
        f"  {found.where} imports {found.target}"
        for found in project_imports()
        if found.importer.name in component and found.target in component
    )
    return f"{' → '.join(cycle)} (all of {sorted(component)}); imports inside the cycle:\n" + "\n".join(sites)


def app_positions():
    """Each project package's position in INSTALLED_APPS; `hamleh` after them all (the top).

    A package listed under its plain name (e.g. "editorial") takes that position, even if a dotted path
    into it (e.g. "editorial.admin_apps.HamlehAdminConfig") is listed earlier.
    """
    packages = set(project_packages())
    dotted_positions, plain_positions = {}, {}
    for position, entry in enumerate(settings.INSTALLED_APPS):
        package = entry.split(".")[0]
        if package in packages:
            dotted_positions.setdefault(package, position)
            if entry == package:
                plain_positions[package] = position
    positions = {**dotted_positions, **plain_positions}
    positions[TOP_PACKAGE] = len(settings.INSTALLED_APPS)
    return positions


def test_every_project_package_has_a_layer():
    unplaced = sorted(set(project_packages()) - set(app_positions()))
    assert not unplaced, f"Project packages missing from INSTALLED_APPS, so without a layer: {unplaced}"


def test_no_import_cycles():
    graph = import_graph()
    cycles = [describe_cycle(c, graph) for c in strongly_connected_components(graph) if len(c) > 1]
    assert not cycles, f"{len(cycles)} import cycle(s) between project modules:\n" + "\n".join(cycles)


def test_apps_import_only_from_apps_above_them():
    positions = app_positions()
    upward = [
        f"{found.where}: {found.importer.name} imports {found.target}, "
        f"but {found.target.split('.')[0]} is a higher layer than {found.importer.package}"
        for found in project_imports()
        if positions.get(found.target.split(".")[0], -1) > positions.get(found.importer.package, -1)
    ]
    heading = "Import of a higher layer (an app listed later in INSTALLED_APPS, or hamleh):"
    assert not upward, "\n".join([heading, *upward])
