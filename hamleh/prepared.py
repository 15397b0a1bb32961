"""Queries whose SQL the ORM writes once: the hot public reads that change only in their values.

Building a queryset and compiling it to SQL costs Django about half a millisecond a query, several times
what the database then does for a page's small, indexed reads. A `PreparedQuery` has the ORM write the SQL
of a `values_list` queryset once per process, database and language, so `published()` and the models stay
the one definition of what is read, and then runs that SQL with the values of the moment: the time of the
request (`now`, so frozen clocks in tests and scheduled items behave as everywhere else) and any named id.

Only for querysets whose shape is fixed: the same filters, slices and columns on every request. LIMIT and
OFFSET are written into the SQL, so a slice is part of the shape.
"""

import datetime
import functools
import hashlib
import re
import weakref

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, connections, router
from django.db.models import BigIntegerField
from django.utils import timezone
from django.utils.translation import get_language
from modeltranslation.translator import translator

# Stand-ins the queryset is built with, found again among the compiled parameters: values no request asks for.
_NOW_MARK = datetime.datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC)
_ID_MARK_BASE = -7_000_000_001
# Between invisible separators no slug holds.
_TEXT_MARK_PREFIX = "\u2063prepared-text-"
_TEXT_MARK = _TEXT_MARK_PREFIX + "{}\u2063"
# What a query compiles to when the ORM knows without asking that it reads nothing.
NO_ROWS = object()


class _Slot:
    """Where a compiled parameter takes a value of the request: the time, or the id or text named `name`."""

    __slots__ = ("name", "kind")

    def __init__(self, name, kind=int):
        self.name = name
        self.kind = kind


class PreparedQuery:
    """`build(now, **ids)` returns a `values_list` queryset; `rows(**ids)` runs its SQL as of now.

    `build` receives `now` to give `published(now)` and such, and one stand-in per name in `ids` (a model's
    primary key, say) and in `texts` (a slug), which `rows()` replaces with the values it is given.
    """

    def __init__(self, model, build, ids=(), texts=(), plan_once=True):
        self.model = model
        self.build = build
        self.ids = tuple(ids)
        self.texts = tuple(texts)
        # False where the best plan depends on the values (how common a searched word is): PostgreSQL then
        # plans each run rather than keeping one plan for every value.
        self.plan_once = plan_once
        self._compiled = {}

    def rows(self, **ids):
        return self._alone.rows(**ids)[0]

    def count(self, **ids):
        """How many rows `rows(**ids)` would give, counted by the database (one number read back)."""
        return self._counted_alone.rows(**ids)[0]

    @functools.cached_property
    def counted(self):
        """This query's number of rows, as a member of `PreparedQueries`."""
        return _Counted(self)

    @functools.cached_property
    def _alone(self):
        return PreparedQueries([self])

    @functools.cached_property
    def _counted_alone(self):
        return PreparedQueries([self.counted])

    def _compile(self, alias, connection):
        """(sql, slots, converters, column order, the columns' types), or NO_ROWS."""
        key = (alias, connection.vendor, get_language())
        compiled = self._compiled.get(key)
        if compiled is None:
            marks = {name: _ID_MARK_BASE - index for index, name in enumerate(self.ids)}
            marks.update((name, _TEXT_MARK.format(index)) for index, name in enumerate(self.texts))
            queryset = self.build(_NOW_MARK, **marks).using(alias)
            if getattr(queryset, "translation_fields", None):
                # Their values are each language's column with a fallback, worked out as the rows are read.
                raise ValueError("a prepared query reads no translated field; ask for its language columns")
            if queryset.query.distinct:
                # DISTINCT selects the ordering's columns too: the rows would not be the columns asked for.
                raise ValueError("a prepared query reads no DISTINCT rows")
            compiler = queryset.query.get_compiler(using=alias)
            try:
                sql, params = compiler.as_sql()
            except EmptyResultSet:  # a slice of nothing, say: the ORM would not ask the database either
                compiled = self._compiled[key] = NO_ROWS
                return compiled
            now_mark = connection.ops.adapt_datetimefield_value(_NOW_MARK)
            if any(_is_about_now(value) for value in params if value != now_mark):
                # Written into the SQL, it would be this moment for ever: no item would fall due again.
                raise ValueError("a prepared query takes the time as the `now` given to build, not timezone.now()")
            names = {value: name for name, value in marks.items()}
            slots = tuple(
                _Slot(None)
                if value == now_mark
                else _Slot(names[value], type(value))
                if isinstance(value, int | str) and value in names
                else value
                for value in params
            )
            if any(_is_changed_text_mark(value, names) for value in params):
                # `slug__iexact`, `title__contains`…: the ORM wrote the stand-in into another value.
                raise ValueError("a prepared query takes a text as it is given (exact lookups), not changed")
            columns = [column for column, *_rest in compiler.select[: compiler.col_count]]
            converters = tuple(compiler.get_converters(columns).items())
            order = _column_order(queryset, compiler)
            types = tuple(column.output_field.cast_db_type(connection) for column in columns)
            compiled = self._compiled[key] = (sql, slots, converters, order, types)
        return compiled

    def _read_back(self, rows, compiled, connection):
        if compiled is NO_ROWS:
            return []
        _sql, _slots, converters, order, _types = compiled
        if converters:
            rows = [_converted(row, converters, connection) for row in rows]
        if order is not None:
            rows = [tuple(row[position] for position in order) for row in rows]
        return rows


class _Counted:
    """The number of rows of a prepared query, counted by the database."""

    def __init__(self, query):
        self.model = query.model
        self.query = query
        self.plan_once = query.plan_once

    def _compile(self, alias, connection):
        compiled = self.query._compile(alias, connection)
        if compiled is NO_ROWS:
            return NO_ROWS
        sql, slots, _converters, _order, _types = compiled
        counting = f"SELECT COUNT(*) FROM ({sql}) counted"  # noqa: S608 - SQL the ORM wrote, values as parameters
        return (counting, slots, (), None, (BigIntegerField().cast_db_type(connection),))

    def _read_back(self, rows, compiled, connection):
        return rows[0][0] if rows else 0


class PreparedQueries:
    """Several prepared queries run as one statement: one round trip to the database instead of one each
    (the home page's five sections: 0.7 ms → 0.35 ms on PostgreSQL).

    `rows(**ids)` gives each query's rows (a number for a query's `counted`), in the order of the queries;
    each keeps its own order, slice, columns and converters. The queries read from the same database.
    """

    def __init__(self, queries):
        self.queries = tuple(queries)
        self.plan_once = all(query.plan_once for query in self.queries)
        self._compiled = {}

    def rows(self, **ids):
        alias = router.db_for_read(self.queries[0].model)
        connection = connections[alias]
        key = (alias, connection.vendor, get_language())
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(alias, connection)
        sql, slots, parts, ranges = compiled
        found = [[] for _query in self.queries]
        if len(self.queries) == 1 and sql is not None:
            found[0] = _run(connection, sql, slots, ids, self.plan_once)
        elif sql is not None:
            for row in _run(connection, sql, slots, ids, self.plan_once):
                start, end = ranges[row[0]]
                found[row[0]].append(row[start:end])
        return [
            query._read_back(rows, part, connection)
            for query, rows, part in zip(self.queries, found, parts, strict=True)
        ]

    def _compile(self, alias, connection):
        parts = [query._compile(alias, connection) for query in self.queries]
        present = [(index, part) for index, part in enumerate(parts) if part is not NO_ROWS]
        if len(self.queries) == 1:
            sql, slots = (present[0][1][:2]) if present else (None, ())
            return sql, slots, parts, None
        # Each query as a derived table, so its ORDER BY and LIMIT stay its own (SQLite refuses them on the
        # members of a compound SELECT), tagged with its place. Queries of the same column types share their
        # columns; otherwise each has a range of its own, NULL in the others (cast: PostgreSQL would take
        # two untyped NULLs for text).
        shared = len({part[4] for _index, part in present}) <= 1
        column_types = [] if shared else [kind for _index, part in present for kind in part[4]]
        selects, slots, ranges, start = [], [], {}, 1
        for index, (part_sql, part_slots, _converters, _order, types) in present:
            end = start + len(types)
            columns = [f"{index} AS part"]
            columns += [f"CAST(NULL AS {kind})" for kind in column_types[: start - 1]]
            columns += ["queried.*"]
            columns += [f"CAST(NULL AS {kind})" for kind in column_types[end - 1 :]]
            selects.append(f"SELECT {', '.join(columns)} FROM ({part_sql}) queried")  # noqa: S608
            slots.extend(part_slots)
            ranges[index] = (start, end)
            if not shared:
                start = end
        return (" UNION ALL ".join(selects) or None), tuple(slots), parts, ranges


def _run(connection, sql, slots, ids, plan_once=True):
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    params = [
        (now if slot.name is None else slot.kind(ids[slot.name])) if isinstance(slot, _Slot) else slot for slot in slots
    ]
    with connection.cursor() as cursor:
        name = _server_statement(connection, sql, params) if plan_once else None
        if name is None:
            cursor.execute(sql, params)
            return cursor.fetchall()
        try:
            cursor.execute(_execute_statement(name, sql, params), params)
        except DatabaseError as error:
            if not _is_stale_statement(error) or connection.in_atomic_block:
                raise
            # The server no longer has the statement, or its plan no longer fits the tables (a migration
            # changed a column it reads): forget this connection's statements and run the SQL itself.
            _forget_server_statements(connection)
            cursor.execute(sql, params)
        return cursor.fetchall()


# Server-side prepared statements (PostgreSQL): planning a page's statement costs the server 0.2-0.9 ms,
# often more than running it. Each connection prepares a statement the first time it runs it, and from
# then on only executes it (the plan kept, generic or custom as the server judges). Types of the values,
# by their Python type; a statement with a value of another type runs as plain SQL.
# (bool before int, datetime before date: each is a kind of the other; str covers choices' enums.)
_SERVER_TYPES = (
    (bool, "boolean"),
    (int, "bigint"),
    (float, "double precision"),
    (str, "text"),
    (datetime.datetime, "timestamptz"),
    (datetime.date, "date"),
)
# A connection keeps at most this many (lists have one per section and page).
MAX_SERVER_STATEMENTS = 500
_PLACEHOLDER = re.compile(r"%(%|s)")


def _server_statement(connection, sql, params):
    """The name of `sql` prepared on this connection (preparing it now if need be), or None to run it plainly."""
    if connection.vendor != "postgresql" or not settings.DATABASE_PREPARED_STATEMENTS:
        return None
    dbapi = connection.connection
    kept = getattr(connection, "_prepared_statements", None)
    if kept is None or kept[0]() is not dbapi:  # a new connection has none yet
        kept = connection._prepared_statements = (weakref.ref(dbapi), {})
    names = kept[1]
    if sql in names:
        return names[sql]
    types = [next((name for kind, name in _SERVER_TYPES if isinstance(value, kind)), None) for value in params]
    if None in types or len(names) >= MAX_SERVER_STATEMENTS:
        return None
    name = f"hamleh_{len(names) + 1}"
    numbered = iter(range(1, len(params) + 1))
    body = _PLACEHOLDER.sub(lambda found: "%" if found.group(1) == "%" else f"${next(numbered)}", sql)
    arguments = f" ({', '.join(types)})" if types else ""
    # On the driver's own cursor: setting up the connection, not one of the page's queries.
    with dbapi.cursor() as cursor:
        cursor.execute(f"PREPARE {name}{arguments} AS {body}")
    names[sql] = name
    return name


def _execute_statement(name, sql, params):
    """EXECUTE of a prepared statement, with its SQL after it as a comment for logs and query captures."""
    arguments = f"({', '.join(['%s'] * len(params))})" if params else ""
    return f"EXECUTE {name}{arguments} /* {sql.replace('*/', '* /').replace('%', '%%')} */"


def _is_stale_statement(error):
    # invalid_sql_statement_name ("does not exist"), feature_not_supported ("cached plan must not change
    # result type").
    return getattr(error.__cause__, "pgcode", None) in ("26000", "0A000")


def _forget_server_statements(connection):
    connection._prepared_statements = None
    with connection.connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")


def _is_changed_text_mark(value, names):
    return isinstance(value, str) and _TEXT_MARK_PREFIX in value and value not in names


def _is_about_now(value):
    """Whether a compiled parameter is the present moment (a datetime, or SQLite's text of one)."""
    if isinstance(value, str) and len(value) >= 19:
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            return False
    if not isinstance(value, datetime.datetime):
        return False
    if timezone.is_naive(value):
        value = value.replace(tzinfo=datetime.UTC)  # SQLite's text of a moment is in UTC
    if timezone.localtime(value).time() in (datetime.time.min, datetime.time.max):
        return False  # a day's first or last moment: a calendar bound (a year asked for), not the clock
    return abs(value - timezone.now()) < datetime.timedelta(hours=1)


def _column_order(queryset, compiler):
    """Where each column asked of `values_list` is in the SQL's rows, found by the aliases the compiler
    wrote (the ORM may select them in another order and put them back as it reads); None when in order."""
    aliases = [alias for _column, _sql, alias in compiler.select[: compiler.col_count]]
    # django-modeltranslation's querysets keep the order asked for apart, and may select in another.
    wanted = list(getattr(queryset, "original_fields", None) or queryset._fields)
    if aliases == wanted:
        return None
    return tuple(aliases.index(name) for name in wanted)


def _converted(row, converters, connection):
    """The row with each column turned into its Python value, as the ORM would (`SQLCompiler.apply_converters`)."""
    row = list(row)
    for position, (functions, expression) in converters:
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return tuple(row)


@functools.cache
def table_rows(model):
    """Every row of a short table (topics, organisations), each column in each language (`table_columns`):
    what pages that show its names are kept by, read in one prepared query."""
    columns = table_columns(model)
    return PreparedQuery(model, lambda now: model.objects.order_by("pk").values_list(*columns))


@functools.cache
def table_columns(model):
    """The columns of `model` but the translated fields' own (each language's column stands for them)."""
    translated = (
        set(translator.get_options_for_model(model).all_fields)
        if model in translator.get_registered_models()
        else set()
    )
    return tuple(field.attname for field in model._meta.concrete_fields if field.name not in translated)


def rows_digest(rows):
    """A short digest of rows read (a short table's): what pieces of pages that show them are kept by."""
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]
