# Two commands do all set-up on a fresh machine with python3 (3.11) and make:
#   make run    bootstrap uv, install the locked environment, ingest samples/inbox
#   make test   the same bootstrap, then the whole test suite
#   make bench  the same bootstrap, then the ingest benchmark (benchmarks/run.py); extra options in BENCH_ARGS,
#               e.g. make bench BENCH_ARGS="--sizes 2000 --corpus /data/real-news"
#   make eval   the same bootstrap, then the quality evaluation on the real development sets in ../shared/data
#               (benchmarks/quality.py: results in benchmarks/results/quality.json and docs/quality.md); extra
#               options in EVAL_ARGS, e.g. make eval EVAL_ARGS="--sets reuters --limit 100"

UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
SYNCED := .venv/.synced
BENCH_ARGS ?=
EVAL_ARGS ?=
# Test processes (pytest-xdist); a file's tests stay in one process, so its module fixtures run once.
TEST_WORKERS ?= 2

export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export GX_ANALYTICS_ENABLED := false

.PHONY: run test bench eval sync compile clean

run: $(SYNCED) compile
	$(UV) run --frozen wirehouse ingest samples/inbox

test: $(SYNCED) compile
	$(UV) run --frozen pytest -n $(TEST_WORKERS) --dist loadfile

bench: $(SYNCED) compile
	$(UV) run --frozen python -m benchmarks.run $(BENCH_ARGS)

eval: $(SYNCED) compile
	$(UV) run --frozen python -m benchmarks.quality $(EVAL_ARGS)

# Our own modules are installed editable, so --compile-bytecode below does not reach them: without
# their .pyc files the ingest's main process and every NLP worker compiled some 60 modules on each
# run (about 1 s of CPU apiece, measured with py-spy). compileall skips files whose .pyc is current.
compile: $(SYNCED)
	$(UV) run --frozen python -m compileall -q src flows benchmarks

sync: $(SYNCED)

.tools/bin/uv:
	python3 scripts/bootstrap_uv.py $(UV_VERSION) .tools

# --compile-bytecode: the installed packages' .pyc files are written once, here. Without them every
# process compiles its imports afresh wherever .pyc files cannot be written (PYTHONDONTWRITEBYTECODE=1,
# a read-only environment). Measured on 2 cores: an empty-inbox ingest took 7.4 s instead of 13.9, and the Prefect
# server and every NLP worker pay it again.
$(SYNCED): pyproject.toml uv.lock Makefile | $(UV)
	$(UV) sync --frozen --compile-bytecode
	@touch $@

clean:
	rm -rf .venv .tools .pytest_cache
