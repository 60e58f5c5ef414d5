"""Load check: 20+ people register, confirm, nominate and approve at once.

Run through `make bench-load`, which installs the addon in a fresh database and
drops it afterwards. This script creates the people and a running movement,
starts Odoo with HTTP workers on a free loopback port, sends a bounded burst of
JSON-RPC calls in which every create is sent twice at the same instant, then
counts the calls, the expected refusals, the errors, the latencies and the
duplicates left in the database. It fails if there are errors or duplicates.

Options after the Odoo ones: --departments N --per-department N --nominated N
--workers N --max-requests N --in-flight N --cap SECONDS --timeout SECONDS.
"""

import argparse
import json
import math
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "thidua-load"
BUSINESS_ERRORS = {"odoo.exceptions.UserError", "odoo.exceptions.ValidationError"}
LAUNCHER = "import sys\n\nimport odoo.cli\n\nsys.exit(odoo.cli.main())\n"
GROUP = "thidua_module.group_thidua_"
LIVE_NOMINATION = ("submitted", "unit_approved", "council_approved", "awarded")
EXCEPTION = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|NotFound)\b[^:]*:")


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--departments", type=int, default=5)
    parser.add_argument("--per-department", type=int, default=5)
    parser.add_argument("--nominated", type=int, default=2, help="nominees per unit")
    parser.add_argument("--workers", type=int, default=2, help="Odoo HTTP workers")
    parser.add_argument("--max-requests", type=int, default=500)
    parser.add_argument(
        "--in-flight", type=int, help="requests in flight at most (default: 8 per worker)"
    )
    parser.add_argument("--cap", type=float, default=120.0, help="wall-clock cap of the burst")
    parser.add_argument("--timeout", type=float, default=30.0, help="per request")
    own, odoo_args = parser.parse_known_args()
    config.parse_config(odoo_args + ["--log-level=warn"])
    return own, odoo_args


# Data, created in the database before the server starts


def make_movement(env, today):
    criteria = env["thidua.criterion"].create(
        [
            {"name": "Năng suất", "method": "min", "uom": "%", "target_default": 100},
            {"name": "Ngày nghỉ không lý do", "method": "max", "target_default": 0},
        ]
    )
    movement = env["thidua.movement"].create(
        {
            "name": f"Phong trào thi đua năm {today.year} (kiểm tra tải)",
            "year": today.year,
            "date_start": date(today.year, 1, 1),
            "date_end": date(today.year, 12, 31),
            "criterion_ids": [(6, 0, criteria.ids)],
        }
    )
    phase = env["thidua.phase"].create(
        {
            "movement_id": movement.id,
            "name": "Đợt thi đua cả năm",
            "date_start": movement.date_start,
            "date_end": movement.date_end,
        }
    )
    return movement, phase


def make_users(env, rows, group):
    """Users of one role; rows are (login, name)."""
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "login": login,
                    "name": name,
                    # Approvals post messages, which need the author's address.
                    "email": f"{login}@example.com",
                    "groups_id": [(6, 0, env.ref(GROUP + group).ids)],
                }
                for login, name in rows
            ]
        )
    )


def make_unit(env, index, per_department):
    """A department, its manager (employee and user) and its employees."""
    unit = env["hr.department"].create({"name": f"Đơn vị tải {index:02d}"})
    manager = make_users(
        env, [(f"load_manager_{index:02d}", f"Trưởng đơn vị {index:02d}")], "unit_manager"
    )
    staff = make_users(
        env,
        [
            (f"load_employee_{index:02d}_{j:02d}", f"Nhân viên {index:02d}-{j:02d}")
            for j in range(per_department)
        ],
        "user",
    )
    people = env["hr.employee"].create(
        [
            {"name": user.name, "department_id": unit.id, "user_id": user.id}
            for user in manager | staff
        ]
    )
    unit.manager_id = people[0]
    return {
        "id": unit.id,
        "manager": manager.login,
        "employees": [(p.user_id.login, p.id) for p in people[1:]],
    }, manager | staff


def set_password(env, users):
    """The same known password for all, hashed once instead of once per user;
    the seconds one hash takes, which each password check costs the server."""
    start = time.perf_counter()
    hashed = env["res.users"]._crypt_context().hash(PASSWORD)
    seconds = time.perf_counter() - start
    for user in users:
        user._set_encrypted_password(user.id, hashed)
    return seconds


def make_people(env, args):
    """The units with their people, an officer and a council member."""
    units, users = [], env["res.users"]
    for index in range(1, args.departments + 1):
        unit, people = make_unit(env, index, args.per_department)
        units.append(unit)
        users |= people
    users |= make_users(env, [("load_officer", "Cán bộ thi đua")], "officer")
    users |= make_users(env, [("load_council", "Hội đồng thi đua")], "council")
    seconds = set_password(env, users)
    print(
        f"{len(users)} users; a password check costs {seconds * 1000:.0f} ms of CPU, at "
        "each login and at each worker's first call for each user"
    )
    return units


def bootstrap(args, database):
    """Create the data and commit; what the scenario needs to know of it."""
    registry = odoo.modules.registry.Registry(database)
    today = date.today()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        movement, phase = make_movement(env, today)
        units = make_people(env, args)
        movement.department_ids = [(6, 0, [unit["id"] for unit in units])]
        movement.action_launch()
        phase.action_start()
        authority = env["thidua.authority"].create({"name": "Công đoàn (kiểm tra tải)"})
        world = {
            "movement": movement.id,
            "phase": phase.id,
            "year": today.year,
            "award": env.ref("thidua_module.award_lao_dong_tien_tien").id,
            "authority": authority.id,
            "criteria": [(c.id, c.target_default) for c in movement.criterion_ids],
            "units": units,
        }
        cr.commit()
    return registry, world


# The server


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process, timeout=20):
    """Terminate the server and its workers, then kill them after a timeout."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def odoo_server(odoo_args, database, workers, log_path):
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        # A script file, not `python -c`: Odoo starts its websocket process by
        # running sys.argv[0] again.
        launcher = Path(tmp) / "odoo_server.py"
        launcher.write_text(LAUNCHER, encoding="utf-8")
        command = [sys.executable, str(launcher), *odoo_args]
        command += [
            f"--database={database}",
            f"--db-filter=^{re.escape(database)}$",
            f"--workers={workers}",
            "--max-cron-threads=0",
            "--http-interface=127.0.0.1",
            f"--http-port={port}",
            f"--gevent-port={free_port()}",
            "--log-level=info",
        ]
        with open(log_path, "w", encoding="utf-8") as log:
            process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        try:
            yield process, f"http://127.0.0.1:{port}"
        finally:
            stop(process)


def post_json(url, payload, timeout):
    request = urllib.request.Request(
        url, json.dumps(payload).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def wait_until_ready(url, process, limit=60.0):
    start = time.monotonic()
    payload = {"jsonrpc": "2.0", "method": "call", "params": {}}
    while time.monotonic() - start < limit:
        if process.poll() is not None:
            raise RuntimeError(f"Odoo stopped with exit code {process.returncode}")
        try:
            post_json(url + "/web/webclient/version_info", payload, timeout=2)
            return time.monotonic() - start
        except (OSError, ValueError):
            time.sleep(0.5)
    raise RuntimeError(f"Odoo did not answer within {limit:.0f} s")


# Calls and their figures


class CallFailed(Exception):
    """A call that did not succeed: refused, failed or not sent."""


@dataclass
class Kind:
    latencies: list = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)


class Stats:
    def __init__(self, max_requests, cap):
        self.lock = threading.Lock()
        self.kinds = defaultdict(Kind)
        self.messages = defaultdict(Counter)  # (outcome, kind) -> {message: count}
        self.max_requests = max_requests
        self.sent = 0
        self.deadline = time.monotonic() + cap

    def take(self):
        """Room for one more request within the budget, or False."""
        with self.lock:
            if self.sent >= self.max_requests:
                return False
            self.sent += 1
            return True

    def record(self, kind, outcome, seconds=None, message=None):
        with self.lock:
            self.kinds[kind].outcomes[outcome] += 1
            if seconds is not None:
                self.kinds[kind].latencies.append(seconds)
            if message:
                self.messages[outcome, kind][message] += 1

    def total(self, outcome):
        return sum(kind.outcomes[outcome] for kind in self.kinds.values())


def one_line(text, limit=150):
    line = " ".join((text or "").split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def classify(reply):
    """(outcome, message) of a JSON-RPC reply."""
    error = reply.get("error")
    if not error:
        return "ok", None
    data = error.get("data") or {}
    name = data.get("name", "")
    outcome = "refused" if name in BUSINESS_ERRORS else "error"
    return outcome, f"{name.rsplit('.', 1)[-1]}: {one_line(data.get('message'))}"


class Gate:
    """At most `size` requests in flight, queued as a reverse proxy in front of
    Odoo would queue them: Odoo listens with a backlog of 8 connections per
    worker, and the kernel resets connections beyond it. Requests sent at once
    (see at_once) pass the gate together."""

    def __init__(self, size):
        self.free = size
        self.condition = threading.Condition()
        self.local = threading.local()

    @contextmanager
    def enter(self, count=1):
        if getattr(self.local, "inside", False):
            yield
            return
        with self.condition:
            self.condition.wait_for(lambda: self.free >= count)
            self.free -= count
        try:
            yield
        finally:
            with self.condition:
                self.free += count
                self.condition.notify_all()


class Rpc:
    def __init__(self, url, database, stats, timeout, gate):
        self.url, self.database, self.stats = url, database, stats
        self.timeout, self.gate = timeout, gate

    def send(self, kind, service, method, *args):
        with self.gate.enter():
            return self._send(kind, service, method, args)

    def _send(self, kind, service, method, args):
        remaining = self.stats.deadline - time.monotonic()
        if remaining <= 0 or not self.stats.take():
            self.stats.record(kind, "not sent")
            raise CallFailed("not sent")
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": list(args)},
        }
        limit = min(self.timeout, remaining)
        start = time.perf_counter()
        try:
            reply = post_json(self.url + "/jsonrpc", payload, limit)
            outcome, message = classify(reply)
        except TimeoutError:
            cut = " (cut by the wall-clock cap)" if limit < self.timeout else ""
            reply, outcome, message = {}, "error", f"no answer within {limit:.1f} s{cut}"
        except (OSError, ValueError) as exc:  # HTTP and connection errors
            reply, outcome, message = {}, "error", f"{type(exc).__name__}: {one_line(str(exc))}"
        self.stats.record(kind, outcome, time.perf_counter() - start, message)
        if outcome != "ok":
            raise CallFailed(message)
        return reply.get("result")


class User:
    def __init__(self, rpc, login):
        self.rpc, self.login, self.uid = rpc, login, None

    def log_in(self):
        self.uid = self.rpc.send(
            "login", "common", "login", self.rpc.database, self.login, PASSWORD
        )
        if not self.uid:
            self.rpc.stats.record("login", "error", message=f"{self.login}: login refused")
        return self

    def execute(self, kind, model, method, *args, **kwargs):
        return self.rpc.send(
            kind,
            "object",
            "execute_kw",
            self.rpc.database,
            self.uid,
            PASSWORD,
            model,
            method,
            list(args),
            kwargs,
        )


def at_once(gate, *calls):
    """Run the calls in threads released at the same instant; the results of
    those that succeeded."""
    if not calls:
        return []
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        gate.local.inside = True
        try:
            barrier.wait(timeout=10)
            results[index] = [call()]
        except (CallFailed, threading.BrokenBarrierError):
            results[index] = []

    threads = [threading.Thread(target=run, args=item, daemon=True) for item in enumerate(calls)]
    with gate.enter(len(calls)):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return [value for result in results if result for value in result]


def as_id(value):
    return value[0] if isinstance(value, list) else value


def in_parallel(tasks):
    """Run the tasks in threads, one each; the results of those that ended well."""
    if not tasks:
        return []
    with ThreadPoolExecutor(max_workers=len(tasks)) as pool:
        futures = [pool.submit(task) for task in tasks]
    results = []
    for future in futures:
        try:
            results.append(future.result())
        except CallFailed:
            continue
    return results


# The scenario


def pledge_values(world, employee_id):
    return {
        "movement_id": world["movement"],
        "phase_id": world["phase"],
        "target": "individual",
        "employee_id": employee_id,
        "award_type_ids": [(6, 0, [world["award"]])],
        "line_ids": [(0, 0, {"criterion_id": c, "target": t}) for c, t in world["criteria"]],
    }


def register(user, employee_id, world):
    """An employee registers herself, the create sent twice at once, then submits."""
    values = pledge_values(world, employee_id)

    def create():
        return as_id(user.execute("pledge create", "thidua.pledge", "create", values))

    created = at_once(user.rpc.gate, create, create)
    if created:
        user.execute("pledge submit", "thidua.pledge", "action_submit", [created[0]])


def officer_reads(officer, world, times=5):
    for _ in range(times):
        officer.execute(
            "pledge list",
            "thidua.pledge",
            "search_read",
            [("movement_id", "=", world["movement"])],
            fields=["employee_id", "state"],
            limit=80,
        )
        time.sleep(0.5)


def unit_records(user, model, unit_id, state, kind):
    return user.execute(
        kind, model, "search", [("unit_id", "child_of", unit_id), ("state", "=", state)]
    )


def confirm_pledges(manager, unit):
    for pledge_id in unit_records(manager, "thidua.pledge", unit["id"], "submitted", "pledge list"):
        try:
            manager.execute("pledge confirm", "thidua.pledge", "action_confirm", [pledge_id])
        except CallFailed:
            continue


def nominate(manager, employee_id, world):
    """A nomination created twice at once, then each copy submitted at once."""
    values = {
        "year": world["year"],
        "award_type_id": world["award"],
        "target": "individual",
        "employee_id": employee_id,
        "movement_id": world["movement"],
        "phase_id": world["phase"],
    }

    def create():
        return as_id(manager.execute("nomination create", "thidua.nomination", "create", values))

    def submitter(nomination_id):
        return lambda: manager.execute(
            "nomination submit", "thidua.nomination", "action_submit", [nomination_id]
        )

    gate = manager.rpc.gate
    at_once(gate, *(submitter(n) for n in at_once(gate, create, create)))


def approve_unit(manager, unit):
    model, kind = "thidua.nomination", "nomination unit approve"
    for nomination_id in unit_records(manager, model, unit["id"], "submitted", "nomination list"):
        try:
            manager.execute(kind, model, "action_unit_approve", [nomination_id])
        except CallFailed:
            continue


def run_unit(manager, unit, world, nominated):
    confirm_pledges(manager, unit)
    for _login, employee_id in unit["employees"][:nominated]:
        nominate(manager, employee_id, world)
    approve_unit(manager, unit)


def council_approves(council):
    model = "thidua.nomination"
    ids = council.execute("nomination list", model, "search", [("state", "=", "unit_approved")])
    kind = "nomination council approve"
    in_parallel(
        [(lambda n=n: council.execute(kind, model, "action_council_approve", [n])) for n in ids]
    )


def issue_decision(officer, council, world):
    """The officer lists the approved nominations; the council issues twice at once."""
    model = "thidua.nomination"
    ids = officer.execute("nomination list", model, "search", [("state", "=", "council_approved")])
    if not ids:
        return
    decision = officer.execute(
        "decision create",
        "thidua.decision",
        "create",
        {
            "name": "1/QĐ-KTT",
            "authority_id": world["authority"],
            "movement_id": world["movement"],
            "phase_id": world["phase"],
            "nomination_ids": [(6, 0, ids)],
        },
    )

    def issue():
        return council.execute(
            "decision issue", "thidua.decision", "action_issue", [as_id(decision)]
        )

    at_once(council.rpc.gate, issue, issue)


def log_in_all(rpc, world):
    logins = [unit["manager"] for unit in world["units"]]
    logins += [login for unit in world["units"] for login, _ in unit["employees"]]
    logins += ["load_officer", "load_council"]
    users = in_parallel([User(rpc, login).log_in for login in logins])
    return {user.login: user for user in users if user.uid}


def scenario(rpc, world, args):
    """Each phase of the scenario, with its duration and its number of requests."""
    users = log_in_all(rpc, world)
    yield "log in"
    officer, council = users.get("load_officer"), users.get("load_council")
    tasks = [
        (lambda u=users[login], e=employee: register(u, e, world))
        for unit in world["units"]
        for login, employee in unit["employees"]
        if login in users
    ]
    if officer:
        tasks.append(lambda: officer_reads(officer, world))
    in_parallel(tasks)
    yield "employees register (each create twice at once) and submit"
    in_parallel(
        [
            (lambda m=users[unit["manager"]], u=unit: run_unit(m, u, world, args.nominated))
            for unit in world["units"]
            if unit["manager"] in users
        ]
    )
    yield "managers confirm, nominate (twice at once) and approve"
    if council:
        in_parallel([lambda: council_approves(council)])
    yield "council approves"
    if officer and council:
        in_parallel([lambda: issue_decision(officer, council, world)])
    yield "council issues the decision (twice at once)"


def run_scenario(rpc, world, args):
    print(f"{'phase':<60} {'seconds':>8} {'requests':>9}")
    for name, seconds, requests in timed(scenario(rpc, world, args), rpc.stats):
        print(f"{name:<60} {seconds:8.1f} {requests:9d}")


def timed(phases, stats):
    start, sent = time.monotonic(), 0
    for name in phases:
        now = time.monotonic()
        yield name, now - start, stats.sent - sent
        start, sent = now, stats.sent


# What the database holds afterwards

DUPLICATE_QUERIES = {
    "live pledges per movement, phase and participant": """
        SELECT count(*) FROM thidua_pledge WHERE state != 'cancelled'
        GROUP BY movement_id, phase_id, employee_id, department_id HAVING count(*) > 1
    """,
    "live nominations per nominee, award and year": """
        SELECT count(*) FROM thidua_nomination WHERE state IN %(live)s
        GROUP BY employee_id, department_id, award_type_id, year HAVING count(*) > 1
    """,
    "commendations per nomination": """
        SELECT count(*) FROM thidua_commendation WHERE nomination_id IS NOT NULL
        GROUP BY nomination_id HAVING count(*) > 1
    """,
}


def duplicates(cr):
    """{check: (groups with more than one record, extra records)}."""
    found = {}
    for label, query in DUPLICATE_QUERIES.items():
        cr.execute(query, {"live": LIVE_NOMINATION})
        counts = [row[0] for row in cr.fetchall()]
        found[label] = (len(counts), sum(counts) - len(counts))
    return found


def states(cr, table):
    cr.execute(f"SELECT state, count(*) FROM {table} GROUP BY state ORDER BY state")
    return ", ".join(f"{count} {state}" for state, count in cr.fetchall()) or "none"


# The report


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else 0.0


def print_calls(stats):
    header = ("kind", "sent", "ok", "refused", "errors", "unsent", "p50 ms", "p95 ms", "max ms")
    print("{:<28} {:>5} {:>5} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7}".format(*header))
    rows = [(name, kind.outcomes, kind.latencies) for name, kind in stats.kinds.items()]
    everything = [t for kind in stats.kinds.values() for t in kind.latencies]
    totals = Counter()
    for kind in stats.kinds.values():
        totals.update(kind.outcomes)
    for name, outcomes, latencies in [*rows, ("all", totals, everything)]:
        times = [t * 1000 for t in latencies]
        print(
            f"{name:<28} {len(times):5d} {outcomes['ok']:5d} {outcomes['refused']:8d} "
            f"{outcomes['error']:7d} {outcomes['not sent']:7d} {percentile(times, 0.5):7.0f} "
            f"{percentile(times, 0.95):7.0f} {max(times, default=0):7.0f}"
        )


def print_messages(stats):
    """Refusals and errors per kind of call, with their most frequent message."""
    titles = {"refused": "Expected refusals (UserError, ValidationError)", "error": "Errors"}
    for outcome, title in titles.items():
        kinds = {kind: found for (o, kind), found in stats.messages.items() if o == outcome}
        if kinds:
            print(f"\n{title}, per kind of call (count, most frequent message):")
        for kind, found in kinds.items():
            message, _count = found.most_common(1)[0]
            print(f"  {kind:<28} {sum(found.values()):4d}  {message}")


def server_log_problems(log_path):
    """Tracebacks in the server's log, by their last line."""
    found = Counter()
    for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines():
        if EXCEPTION.match(line):
            found[one_line(line)] += 1
    return found


def print_server_log(log_path):
    found = server_log_problems(log_path)
    if found:
        print(f"\nTracebacks in the server's log ({log_path.relative_to(ROOT)}):")
        for line, count in found.most_common(5):
            print(f"  {count:4d} × {line}")


def print_database(cr, found):
    print("\nIn the database afterwards:")
    for table in ("thidua_pledge", "thidua_nomination", "thidua_commendation"):
        print(f"  {table}: {states(cr, table)}")
    print("\nDuplicates found by SQL (groups with more than one record, extra records):")
    for label, (groups, extra) in found.items():
        print(f"  {label:<52} {groups:4d} {extra:4d}")


def report(stats, registry, seconds, log_path):
    print()
    print_calls(stats)
    print_messages(stats)
    print_server_log(log_path)
    with registry.cursor() as cr:
        found = duplicates(cr)
        print_database(cr, found)
    extra = sum(extra for _groups, extra in found.values())
    errors, not_sent = stats.total("error"), stats.total("not sent")
    print(
        f"\nload: {stats.sent} requests in {seconds:.1f} s, {stats.total('refused')} expected "
        f"refusals, {errors} errors, {not_sent} not sent (cap or budget), "
        f"{extra} duplicate records"
    )
    return 1 if errors or not_sent or extra else 0


def main():
    args, odoo_args = parse_args()
    database = config["db_name"]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    print(f"Creating {args.departments} units of 1 manager and {args.per_department} employees...")
    registry, world = bootstrap(args, database)
    log_path = ROOT / "bench-output" / f"{database}-server.log"
    log_path.parent.mkdir(exist_ok=True)
    with odoo_server(odoo_args, database, args.workers, log_path) as (process, url):
        print(f"Odoo with {args.workers} HTTP workers on {url} (log: {log_path.relative_to(ROOT)})")
        try:
            print(f"ready after {wait_until_ready(url, process):.1f} s;", end=" ")
        except RuntimeError as exc:
            tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
            print(f"{exc}. The end of its log:", *tail, sep="\n    ", file=sys.stderr)
            return 1
        stats = Stats(args.max_requests, args.cap)
        gate = Gate(max(2, args.in_flight or 8 * args.workers))
        print(f"at most {gate.free} requests in flight, {args.max_requests} in all\n")
        start = time.monotonic()
        run_scenario(Rpc(url, database, stats, args.timeout, gate), world, args)
        seconds = time.monotonic() - start
    return report(stats, registry, seconds, log_path)


if __name__ == "__main__":
    sys.exit(main())
