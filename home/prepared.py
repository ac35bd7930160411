"""Queries that public pages make on every request, compiled to SQL once per database connection instead of per request.

Django turns a queryset into SQL each time it is evaluated, and for the small queries of a page that costs far more
than running them: the language versions' query, with its out-of-date subqueries, takes 1.6 ms to compile and
0.05 ms to run on SQLite; a hub's upcoming and past events 2.5 ms and 0.3 ms. A prepared query builds its queryset
once, with a ``Placeholder`` wherever an argument goes, keeps the compiled SQL, and afterwards fills in the arguments
and runs it: ``PreparedValues`` gives the rows of a ``values()`` queryset, with the converters Django applies (dates,
booleans, UUIDs); ``PreparedQuerySet`` gives model instances, with their ``select_related`` objects, annotations and
``prefetch_related`` lookups (which run their own queries as usual).

Whatever differs between two runs must be an argument, the current time included: anything else is fixed in the SQL
by the first run (``timezone.now()`` called while building would be that first request's time for good). The SQL
must not depend on the arguments' values either: no ``__in`` lists of varying length, no ``__startswith`` (a
placeholder there defeats the path index; use ``children_of``).

The compiled SQL is kept on the connection (one per thread in Django), as it depends on the database and its
dialect. Queries run through the connection's cursor, so they are logged and counted like any other.
"""

import copy
import functools
import operator
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Expression, Q
from wagtail.models import Page


class Placeholder(Expression):
    """Where an argument goes in the SQL: a parameter that is filled in for each run."""

    def __init__(self, name, output_field):
        super().__init__(output_field=output_field)
        self.name = name

    def as_sql(self, compiler, connection):
        return "%s", [self]


@dataclass
class Compiled:
    queryset: object
    compiler: object  # after as_sql: it knows the columns, the related objects and the converters
    sql: str
    params: list  # constants, and a Placeholder for each argument

    def params_for(self, arguments, connection):
        return [
            parameter.output_field.get_db_prep_value(arguments[parameter.name], connection)
            if isinstance(parameter, Placeholder)
            else parameter
            for parameter in self.params
        ]


class Prepared:
    """``build(**placeholders)`` returns the queryset; ``fields`` names each argument's model field, which turns the
    argument into its database value (a UUID into the text SQLite stores, a datetime into UTC)."""

    def __init__(self, build, **fields):
        self.build = build
        self.fields = fields

    def compiled(self, using=DEFAULT_DB_ALIAS):
        connection = connections[using]
        cache = connection.__dict__.setdefault("_sanctuary_prepared", {})
        if self not in cache:
            placeholders = {name: Placeholder(name, field) for name, field in self.fields.items()}
            queryset = self.build(**placeholders)
            compiler = queryset.query.get_compiler(using=using, connection=connection)
            sql, params = compiler.as_sql()
            cache[self] = Compiled(queryset, compiler, sql, list(params))
        return cache[self]


class PreparedValues(Prepared):
    """A ``values()`` queryset's rows, as dicts; ``tuples()`` as tuples (``values_list()``), for many rows."""

    def __call__(self, using=DEFAULT_DB_ALIAS, **arguments):
        query = self.compiled(using).queryset.query
        names = list(query.selected) if query.selected else [*query.values_select, *query.annotation_select]
        return [dict(zip(names, row, strict=True)) for row in self.tuples(using, **arguments)]

    def tuples(self, using=DEFAULT_DB_ALIAS, **arguments):
        compiled = self.compiled(using)
        compiler = compiled.compiler
        with compiler.connection.cursor() as cursor:
            cursor.execute(compiled.sql, compiled.params_for(arguments, compiler.connection))
            rows = cursor.fetchall()
        columns = [column[0] for column in compiler.select[: compiler.col_count]]
        if converters := compiler.get_converters(columns):
            rows = list(compiler.apply_converters(rows, converters))
        return rows


class PreparedQuerySet(Prepared):
    """A queryset's model instances, as ``list(queryset)`` gives them.

    Django's own iteration makes them, from a copy of the compiler that returns the kept SQL instead of compiling
    again: the instances, their related objects and annotations are exactly what the queryset would give.
    """

    def __call__(self, using=DEFAULT_DB_ALIAS, **arguments):
        compiled = self.compiled(using)
        compiler = copy.copy(compiled.compiler)
        sql_and_params = (compiled.sql, compiled.params_for(arguments, compiler.connection))
        compiler.as_sql = lambda *args, **kwargs: sql_and_params
        query = copy.copy(compiled.queryset.query)
        query.get_compiler = lambda *args, **kwargs: compiler
        queryset = object.__new__(type(compiled.queryset))  # a shallow copy (copy.copy would evaluate it)
        queryset.__dict__.update(compiled.queryset.__dict__, _query=query, _result_cache=None)
        return list(queryset)


@functools.cache
def _by_id_query(model):
    return PreparedQuerySet(lambda pk: model._default_manager.filter(pk=pk), pk=model._meta.pk)


def by_id(model, pk):
    """A prepared ``model.objects.get(pk=pk)``: the instance, whole; ``model.DoesNotExist`` when there is none."""
    found = _by_id_query(model)(pk=pk)
    if not found:
        raise model.DoesNotExist
    return found[0]


def specific(page):
    """``page.specific`` (Wagtail's: its most specific class, whole, with the attributes set on ``page``), read by a
    prepared query: every page view reads its page so."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    specific_page = by_id(model, page.pk)
    for name, value in page.__dict__.items():
        specific_page.__dict__.setdefault(name, value)
    return specific_page


# A list of values in a prepared query: ``__in`` takes no placeholder, so the query takes one argument for each value
# (name0, name1, ...) and is prepared once for each length of list.


def list_fields(name, field, count):
    """The ``fields`` of a prepared query taking ``count`` values of ``field``, as name0, name1, ..."""
    return {f"{name}{number}": field for number in range(count)}


def list_arguments(name, values):
    """The arguments for ``list_fields(name, ...)``: name0=values[0], name1=values[1], ..."""
    return {f"{name}{number}": value for number, value in enumerate(values)}


def one_of(lookup, placeholders):
    """The filter ``lookup`` equals one of ``placeholders`` (``__in``, for a prepared query)."""
    return functools.reduce(operator.or_, (Q(**{lookup: placeholder}) for placeholder in placeholders))


# Children of a page, by the range of paths just after its own (which the path index serves) and their depth.

PATH = Page._meta.get_field("path")
DEPTH = Page._meta.get_field("depth")
CHILDREN_FIELDS = {"parent_path": PATH, "last_child": PATH, "child_depth": DEPTH}


def children_of(parent_path, last_child, child_depth):
    """The filter for a page's children, for a prepared query's placeholders (``CHILDREN_FIELDS``)."""
    return Q(path__gt=parent_path, path__lte=last_child, depth=child_depth)


def children_arguments(page):
    """The arguments of ``children_of`` for ``page``'s children: a child's path is its parent's and one step more."""
    return {"parent_path": page.path, "last_child": page.path + "Z" * Page.steplen, "child_depth": page.depth + 1}
