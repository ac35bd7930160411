"""An import-linter contract of the project's own: no import circle between any two modules.

import-linter's ``acyclic_siblings`` compares packages, so it would also refuse the deliberate shape of stories/: the
share page model (stories.models.share_page) calls the contribution path (stories.contribute), which builds on the
other models (stories.models.pages). That is one direction between modules, and this contract checks exactly that:
every import anywhere in a module (top level or inside a function) is an edge, and no edge may lead back.
"""

from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


def import_cycles(graph, modules):
    """The strongly connected groups of more than one module (Tarjan's algorithm), each sorted."""
    index, lowlink, on_stack, stack, cycles = {}, {}, set(), [], []

    def visit(module):
        index[module] = lowlink[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module) & modules:
            if imported not in index:
                visit(imported)
                lowlink[module] = min(lowlink[module], lowlink[imported])
            elif imported in on_stack:
                lowlink[module] = min(lowlink[module], index[imported])
        if lowlink[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return cycles


class AcyclicModulesContract(Contract):
    type_name = "acyclic_modules"

    packages = fields.SetField(subfield=fields.StringField())

    def check(self, graph, verbose):
        modules = {
            module
            for package in self.packages
            for module in {package, *graph.find_descendants(package)}
            if ".migrations" not in module
        }
        cycles = import_cycles(graph, modules)
        return ContractCheck(kept=not cycles, metadata={"cycles": cycles})

    def render_broken_contract(self, check):
        for cycle in check.metadata["cycles"]:
            output.print_error(f"These modules import each other in a circle: {', '.join(cycle)}")
            output.new_line()
