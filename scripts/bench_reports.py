"""Award list benchmark: the XLSX list of a decision of 30,000 commendations.

Run through `make bench`, which prepares a fresh database. Option after the
Odoo ones: --commendations N.
"""

import argparse
import resource
import sys
import time
import tracemalloc
from datetime import date

import bench_tools

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--commendations", type=int, default=30000)
    return bench_tools.parse_args(parser)


def make_commendations(env, count):
    """Commendations as a decision would grant them, created in batches."""
    per_year = 1000
    units = env["hr.department"].create([{"name": f"Đơn vị {i:02d}"} for i in range(20)])
    employees = env["hr.employee"].create(
        [
            {
                "name": f"Nguyễn Văn {i:04d}",
                "department_id": units[i % len(units)].id,
                "gender": "female" if i % 2 else "male",
                "birthday": date(1970 + i % 30, 1 + i % 12, 1 + i % 28),
                "job_title": "Công nhân",
            }
            for i in range(min(per_year, count))
        ]
    )
    award = env.ref("thidua_module.award_lao_dong_tien_tien")
    authority = env["thidua.authority"].create({"name": "LĐLĐ (benchmark)"})
    decision = env["thidua.decision"].create(
        {"name": "1/QĐ-BENCH", "date": date(2025, 12, 1), "authority_id": authority.id}
    )
    nominations = env["thidua.nomination"].create(
        [
            {
                "year": 2000 + index // per_year,
                "award_type_id": award.id,
                "employee_id": employees[index % per_year].id,
                "state": "council_approved",
                "achievements": "<p>Hoàn thành xuất sắc nhiệm vụ</p>",
            }
            for index in range(count)
        ]
    )
    env["thidua.commendation"].create(
        [
            {
                "decision_id": decision.id,
                "nomination_id": nomination.id,
                "award_type_id": award.id,
                "award_kind": "yearly",
                "target": "individual",
                "employee_id": nomination.employee_id.id,
                "unit_id": nomination.employee_id.department_id.id,
                "date": decision.date,
                "year": nomination.year,
                "amount": 710000,
                "achievements": nomination.achievements,
                "nominee_name": nomination.employee_id.name,
                "birthday": nomination.employee_id.birthday,
                "gender": nomination.employee_id.gender,
                "job_title": "Công nhân",
                "department_name": nomination.employee_id.department_id.name,
                "company_id": decision.company_id.id,
            }
            for nomination in nominations
        ]
    )
    return decision


def main():
    args = parse_args()
    registry = odoo.modules.registry.Registry(config["db_name"])
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        print(f"Creating {args.commendations} commendations...")
        decision = make_commendations(env, args.commendations)
        env.invalidate_all()
        commendations = env["thidua.commendation"].search([("decision_id", "=", decision.id)])
        reports = env["ir.actions.report"]

        def write_list():
            # The Print menu's entry point: read as the user, streamed, not stored.
            content, _kind = reports._render_xlsx(
                "thidua_module.decision_award_list", decision.ids, data=None
            )
            return content

        # Timed without tracing; tracemalloc slows allocations several times.
        queries = cr.sql_log_count
        start = time.perf_counter()
        content = write_list()
        seconds = time.perf_counter() - start
        queries = cr.sql_log_count - queries
        env.invalidate_all()
        tracemalloc.start()
        write_list()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        cr.rollback()
    print()
    print(
        f"award list of {len(commendations)} commendations: {seconds:.2f} s, "
        f"{len(content) / 1024 / 1024:.1f} MB file, {queries} queries"
    )
    print(f"peak Python memory while writing: {peak / 1024 / 1024:.0f} MB")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak memory of the whole run (RSS, record creation included): {peak_mb} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
