"""Mass registration benchmark: the batched wizard against a per-record loop.

Run through `make bench`, which prepares a fresh database. Options after the
Odoo ones: --departments N --per-department N --loop N.
"""

import argparse
import resource
import sys
from datetime import date

import bench_tools

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--departments", type=int, default=100)
    parser.add_argument("--per-department", type=int, default=100)
    parser.add_argument("--loop", type=int, default=500)
    return bench_tools.parse_args(parser)


def make_units(env, prefix, departments, per_department):
    units = env["hr.department"].create([{"name": f"{prefix} {i:03d}"} for i in range(departments)])
    env["hr.employee"].create(
        [
            {"name": f"{prefix} NV {i:03d}-{j:03d}", "department_id": unit.id}
            for i, unit in enumerate(units)
            for j in range(per_department)
        ]
    )
    return units


def make_movement(env):
    criteria = env["thidua.criterion"].create(
        [
            {"name": "Năng suất", "method": "min", "uom": "%", "target_default": 100},
            {"name": "Ngày nghỉ không lý do", "method": "max", "target_default": 0},
            {"name": "Hoàn thành nhiệm vụ", "method": "bool", "target_default": 1},
        ]
    )
    movement = env["thidua.movement"].create(
        {
            "name": "Phong trào thi đua (benchmark)",
            "year": 2026,
            "date_start": date(2026, 1, 1),
            "date_end": date(2026, 12, 31),
            "criterion_ids": [(6, 0, criteria.ids)],
        }
    )
    phase = env["thidua.phase"].create(
        {
            "movement_id": movement.id,
            "name": "Đợt 1",
            "date_start": date(2026, 1, 1),
            "date_end": date(2026, 6, 30),
        }
    )
    return movement, phase


def main():
    args = parse_args()
    registry = odoo.modules.registry.Registry(config["db_name"])
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        award = env.ref("thidua_module.award_lao_dong_tien_tien")
        total = args.departments * args.per_department
        print(f"Creating {total} employees in {args.departments} departments...")
        units = make_units(env, "Đơn vị", args.departments, args.per_department)
        loop_units = make_units(env, "Đơn vị vòng lặp", 1, args.loop)
        movement, phase = make_movement(env)
        movement.department_ids = units | loop_units
        env.invalidate_all()

        env = api.Environment(cr, SUPERUSER_ID, {})
        wizard = env["thidua.pledge.mass.wizard"].create(
            {
                "movement_id": movement.id,
                "phase_id": phase.id,
                "department_ids": [(6, 0, units.ids)],
                "award_type_ids": [(6, 0, award.ids)],
                "date": date(2026, 1, 5),
            }
        )
        _, batch_seconds, batch_queries = bench_tools.measure(cr, wizard.action_register)
        batch_count = env["thidua.pledge"].search_count([("movement_id", "=", movement.id)])

        Pledge = env["thidua.pledge"]
        employees = env["hr.employee"].search([("department_id", "in", loop_units.ids)])
        criteria = movement.criterion_ids

        def loop():
            for employee in employees:
                Pledge.create(
                    {
                        "movement_id": movement.id,
                        "phase_id": phase.id,
                        "employee_id": employee.id,
                        "date": date(2026, 1, 5),
                        "award_type_ids": [(6, 0, award.ids)],
                        "line_ids": [
                            (0, 0, values) for values in criteria._prepare_pledge_line_values()
                        ],
                    }
                )

        _, loop_seconds, loop_queries = bench_tools.measure(cr, loop)
        _, rate_seconds, rate_queries = bench_tools.measure(
            cr, lambda: movement._registration_total()
        )
        cr.rollback()

    batch_per = batch_seconds / batch_count
    loop_per = loop_seconds / len(employees)
    print()
    print(
        f"batched mass registration: {batch_count} pledges in {batch_seconds:.2f} s, "
        f"{batch_count / batch_seconds:.0f} pledges/s, {batch_queries} queries"
    )
    print(
        f"per-record loop:           {len(employees)} pledges in {loop_seconds:.2f} s, "
        f"{len(employees) / loop_seconds:.0f} pledges/s, {loop_queries} queries"
    )
    print(f"speed-up per pledge:       {loop_per / batch_per:.1f}x")
    print(
        f"registration rate of {total + args.loop} employees: {rate_seconds * 1000:.0f} ms, "
        f"{rate_queries} queries"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak memory (RSS):         {peak_mb} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
