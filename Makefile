# Commands of the thidua_module repository. See README.md.
.PHONY: run test bench bench-load lint pot venv

run:  ## create or update the demo database and serve Odoo on localhost:8069
	bash scripts/run.sh

test:  ## static checks, the tests that need no Odoo, then the Odoo suite
	bash scripts/test.sh

bench:  ## speed and memory figures
	bash scripts/bench.sh

bench-load:  ## 20+ users at once over JSON-RPC: refusals, errors, latencies, duplicates
	bash scripts/bench_load.sh

lint:
	python3 -m ruff check . && python3 -m ruff format --check .

pot:  ## export the terms to the .pot and merge them into vi.po
	bash scripts/export_pot.sh

venv:  ## the project's virtualenv, seeing an Odoo installed for python3
	bash scripts/venv.sh
