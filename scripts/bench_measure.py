"""Measurement benchmark: the results of a phase of 10,000 employees (and of
their units, as collectives) measured from the initiatives they authored.
Twice, with 2,000 and 10,000 employees, to show that the queries grow with
Odoo's chunks of ids, not with the people.

Run through `make bench`, which prepares a fresh database. Options after the
Odoo ones: --small N --large N --per-department N.
"""

import argparse
import sys
from datetime import date

import bench_tools

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.tools import config


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=2000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--per-department", type=int, default=100)
    return bench_tools.parse_args(parser)


def confirmed_phase(env, size, per_department, year):
    """A running phase where `size` employees and their units registered, with
    a criterion measured by the initiatives recognised; every third employee
    authored an initiative in the phase."""
    criterion = env["thidua.criterion"].create(
        {
            "name": f"Sáng kiến được công nhận {year}",
            "target_default": 1,
            "applies_to": "both",
            "goal_definition_id": env.ref("thidua_module.goal_definition_initiatives").id,
        }
    )
    units = env["hr.department"].create(
        [
            {"name": f"Đơn vị {year} {i:03d}"}
            for i in range((size + per_department - 1) // per_department)
        ]
    )
    employees = env["hr.employee"].create(
        [
            {"name": f"NV {year} {i:05d}", "department_id": units[i // per_department].id}
            for i in range(size)
        ]
    )
    env["thidua.initiative"].create(
        [
            {
                "name": f"Sáng kiến {year} {i:05d}",
                "author_ids": [Command.set([employee.id])],
                "date_recognised": date(year, 3, 1),
            }
            for i, employee in enumerate(employees[::3])
        ]
    )
    movement = env["thidua.movement"].create(
        {
            "name": f"Phong trào thi đua {year} (benchmark)",
            "year": year,
            "date_start": date(year, 1, 1),
            "date_end": date(year, 12, 31),
            "department_ids": [Command.set(units.ids)],
            "criterion_ids": [Command.set(criterion.ids)],
        }
    )
    phase = env["thidua.phase"].create(
        {
            "movement_id": movement.id,
            "name": "Đợt 1",
            "date_start": date(year, 1, 1),
            "date_end": date(year, 6, 30),
        }
    )
    line = [Command.create({"criterion_id": criterion.id, "target": 1})]
    pledges = env["thidua.pledge"].create(
        [
            {
                "movement_id": movement.id,
                "phase_id": phase.id,
                "target": "individual",
                "employee_id": employee.id,
                "date": date(year, 1, 10),
                "line_ids": line,
            }
            for employee in employees
        ]
        + [
            {
                "movement_id": movement.id,
                "phase_id": phase.id,
                "target": "collective",
                "department_id": unit.id,
                "date": date(year, 1, 10),
                "line_ids": line,
            }
            for unit in units
        ]
    )
    movement.action_launch()
    phase.action_start()
    pledges.action_submit()
    pledges.action_confirm()
    return phase, pledges


def officer(env):
    return env["res.users"].create(
        {
            "name": "Cán bộ thi đua (benchmark)",
            "login": "bench_measure_officer",
            "groups_id": [Command.set([env.ref("thidua_module.group_thidua_officer").id])],
        }
    )


def main():
    args = parse_args()
    registry = odoo.modules.registry.Registry(config["db_name"])
    figures = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        user = officer(env)
        for size, year in ((args.small, 2024), (args.large, 2025)):
            print(f"Preparing a phase of {size} employees...")
            phase, pledges = confirmed_phase(env, size, args.per_department, year)
            env.invalidate_all()
            _, seconds, queries = bench_tools.measure(cr, phase.with_user(user).action_measure)
            lines = pledges.line_ids
            measured = len(lines.filtered("date_measured"))
            total = sum(lines.filtered(lambda line: line.pledge_id.employee_id).mapped("actual"))
            figures[size] = (len(pledges), measured, total, seconds, queries)
        cr.rollback()
    print()
    for size, (pledges, measured, total, seconds, queries) in figures.items():
        print(
            f"phase of {size:5d} employees ({pledges} pledges): {measured} results measured "
            f"({total:.0f} initiatives) in {seconds:6.2f} s, {queries:4d} queries"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
