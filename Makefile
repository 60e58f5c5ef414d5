# Commands of the thidua_module repository. See README.md.
.PHONY: run test bench bench-load lint pot venv wheel

# The project's virtualenv when there is one (make venv), as scripts/test.sh.
PYTHON ?= $(if $(wildcard .venv/bin/python),.venv/bin/python,python3)

run:  ## create or update the demo database and serve Odoo on localhost:8069
	bash scripts/run.sh

test:  ## static checks, the tests that need no Odoo, then the Odoo suite
	bash scripts/test.sh

bench:  ## speed and memory figures
	bash scripts/bench.sh

bench-load:  ## 20+ users at once over JSON-RPC: refusals, errors, latencies, duplicates
	bash scripts/bench_load.sh

lint:  ## ruff, then the OCA's pylint-odoo checks of the addon (.pylintrc)
	$(PYTHON) -m ruff check . && $(PYTHON) -m ruff format --check . \
	    && $(PYTHON) -m pylint --rcfile=.pylintrc thidua_module

wheel:  ## the addon as a wheel in dist/, built by the whool of requirements-test.txt
	$(PYTHON) -m pip wheel --no-deps --no-build-isolation --wheel-dir dist ./thidua_module

pot:  ## export the terms to the .pot and merge them into vi.po
	bash scripts/export_pot.sh

venv:  ## the project's virtualenv, seeing an Odoo installed for python3
	bash scripts/venv.sh
