"""Small queries that every public page makes, compiled to SQL once per database connection instead of per request.

Django turns a queryset into SQL each time it is evaluated. For the few small queries on every page (the page's
versions in other languages, the main menu) that costs far more than running them: the language versions' query,
with its out-of-date subqueries, takes 1.6 ms to compile and 0.05 ms to run on SQLite. A ``PreparedValues`` builds
its queryset once with placeholders where the arguments go, keeps the SQL, and afterwards only fills in the
arguments, runs the SQL and applies the same converters Django's ``values()`` would (dates, booleans, UUIDs).

The compiled SQL is kept on the connection (one per thread in Django), as it depends on the database's dialect.
Queries run through the connection's cursor, so they are logged and counted like any other.
"""

from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Expression


class Placeholder(Expression):
    """Where an argument goes in the SQL: a parameter that is filled in for each run."""

    def __init__(self, name, output_field):
        super().__init__(output_field=output_field)
        self.name = name

    def as_sql(self, compiler, connection):
        return "%s", [self]


@dataclass
class Compiled:
    sql: str
    params: list  # constants, and a Placeholder for each argument
    names: list  # the values() keys, in the order of the columns
    compiler: object
    converters: dict


class PreparedValues:
    """``build(**placeholders)`` returns a ``values()`` queryset; calling this object with the arguments by name
    returns its rows as dicts, as ``list(queryset)`` would.

    ``fields`` names each argument's model field, which turns the argument into its database value (a UUID into the
    text SQLite stores). The queryset's SQL must not depend on the arguments' values: no ``__in`` lists of varying
    length, and a placeholder only where Django would put a parameter.
    """

    def __init__(self, build, **fields):
        self.build = build
        self.fields = fields

    def __call__(self, using=DEFAULT_DB_ALIAS, **arguments):
        connection = connections[using]
        compiled = self.compiled(connection, using)
        params = [
            parameter.output_field.get_db_prep_value(arguments[parameter.name], connection)
            if isinstance(parameter, Placeholder)
            else parameter
            for parameter in compiled.params
        ]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        return [dict(zip(compiled.names, row, strict=True)) for row in rows]

    def compiled(self, connection, using):
        cache = connection.__dict__.setdefault("_sanctuary_prepared_values", {})
        if self not in cache:
            placeholders = {name: Placeholder(name, field) for name, field in self.fields.items()}
            query = self.build(**placeholders).query
            compiler = query.get_compiler(using=using, connection=connection)
            sql, params = compiler.as_sql()
            names = list(query.selected) if query.selected else [*query.values_select, *query.annotation_select]
            columns = [column[0] for column in compiler.select[: compiler.col_count]]
            cache[self] = Compiled(sql, list(params), names, compiler, compiler.get_converters(columns))
        return cache[self]
