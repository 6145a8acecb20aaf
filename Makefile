# A thin layer over CMake: `make run` and `make test` do all the set-up.
BUILD   ?= build
ASAN    ?= build-asan
FUZZ    ?= build-fuzz
FORM    ?= forms/desi-kommunen-2016.json
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 20

.PHONY: all deps build run print test unit asan fuzz-smoke bench clean

all: build

deps:
	@sh packaging/debian-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) -- --no-print-directory

# The terminal interface on the bundled questionnaire (store: see README).
run: build
	@$(BUILD)/fragebogen --form $(FORM)

# The questionnaire as text, for proofreading.
print: build
	@$(BUILD)/fragebogen print $(FORM)

# Every test: the suite, the suite again under ASan+UBSan, and a short
# libFuzzer run of each harness.
test: unit asan fuzz-smoke

unit: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: deps
	@cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DFRAGEBOGEN_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN) -j $(JOBS) -- --no-print-directory
	@cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

fuzz-smoke: deps
	@CC=clang cmake -S . -B $(FUZZ) -DCMAKE_BUILD_TYPE=Debug -DFRAGEBOGEN_FUZZ=ON \
	   -DFRAGEBOGEN_TESTS=OFF >/dev/null
	@cmake --build $(FUZZ) -j $(JOBS) --target fuzz_form fuzz_expr -- --no-print-directory
	@sh tests/fuzz/smoke.sh $(FUZZ) $(FUZZ_SECONDS)

bench: build
	@$(BUILD)/bench_load
	@$(BUILD)/bench_store $(BUILD)
	@$(BUILD)/bench_tui $(BUILD)/fragebogen
	@$(BUILD)/bench_statfile
	@$(BUILD)/bench_agg $(BUILD)/fragebogen

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZ)
