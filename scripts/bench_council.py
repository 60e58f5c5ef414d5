"""Council batch benchmark: a council member (not the superuser) approves a
year's unit-approved nominations at once, then a decision lists them and is
issued. Two batch sizes, to show that the time grows with the batch, not with
its square.

Run through `make bench`, which prepares a fresh database. Options after the
Odoo ones: --small N --large N.
"""

import argparse
import sys

import bench_tools

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.tools import config


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=4000)
    return bench_tools.parse_args(parser)


def council_user(env):
    return env["res.users"].create(
        {
            "name": "Thành viên Hội đồng (benchmark)",
            "login": "bench_council",
            "groups_id": [Command.set([env.ref("thidua_module.group_thidua_council").id])],
        }
    )


def unit_approved_nominations(env, size, year):
    """`size` employees in units of 50, each rated and nominated for Lao động
    tiên tiến, submitted and approved for the unit (as superuser)."""
    units = env["hr.department"].create(
        [{"name": f"Đơn vị {year} {i:03d}"} for i in range((size + 49) // 50)]
    )
    employees = env["hr.employee"].create(
        [{"name": f"NV {year} {i:05d}", "department_id": units[i // 50].id} for i in range(size)]
    )
    env["thidua.rating"].create(
        [
            {"target": "individual", "employee_id": e.id, "year": year, "level": "good"}
            for e in employees
        ]
    )
    award = env.ref("thidua_module.award_lao_dong_tien_tien")
    nominations = env["thidua.nomination"].create(
        [
            {"year": year, "award_type_id": award.id, "target": "individual", "employee_id": e.id}
            for e in employees
        ]
    )
    nominations.action_submit()
    nominations.action_unit_approve()
    return nominations


def approve_and_issue(env, cr, user, size, year):
    authority = env["thidua.authority"].create({"name": f"Cấp khen thưởng {year}"})
    nominations = unit_approved_nominations(env, size, year)
    env.invalidate_all()
    # As a council member works: tracking on, so each state change is logged.
    as_council = nominations.with_user(user).with_context(tracking_disable=False)
    _, approve_s, approve_q = bench_tools.measure(cr, as_council.action_council_approve)
    decision = (
        env["thidua.decision"]
        .with_user(user)
        .create(
            {
                "name": f"{year}/QĐ-BENCH",
                "date": f"{year}-12-20",
                "authority_id": authority.id,
                "nomination_ids": [Command.set(nominations.ids)],
            }
        )
    )
    env.invalidate_all()
    _, issue_s, issue_q = bench_tools.measure(cr, decision.action_issue)
    return approve_s, approve_q, issue_s, issue_q


def main():
    args = parse_args()
    registry = odoo.modules.registry.Registry(config["db_name"])
    figures = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        user = council_user(env)
        for size, year in ((args.small, 2024), (args.large, 2025)):
            print(f"Preparing {size} unit-approved nominations...")
            figures[size] = approve_and_issue(env, cr, user, size, year)
        cr.rollback()
    print()
    for size, (approve_s, approve_q, issue_s, issue_q) in figures.items():
        print(
            f"council approves {size:5d} nominations: {approve_s:6.2f} s, {approve_q:5d} queries; "
            f"decision issued: {issue_s:6.2f} s, {issue_q:5d} queries"
        )
    small, large = figures[args.small][0], figures[args.large][0]
    print(
        f"approval time ratio {args.large}/{args.small}: {large / small:.1f} "
        f"(batch ratio {args.large / args.small:.1f}; quadratic would be "
        f"{(args.large / args.small) ** 2:.0f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
