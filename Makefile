# A thin layer over CMake: `make run` and `make test` do all the set-up.
BUILD   ?= build
ASAN    ?= build-asan
FUZZ    ?= build-fuzz
COVER   ?= build-cover
FORM    ?= forms/desi-kommunen-2016.json
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 12
FUZZERS ?= form expr response rfile bundle import lineedit tui
# Warnings are errors in the developers' and CI's builds only.
WERROR  ?= OFF

.PHONY: all deps build run print test unit asan valgrind fuzz-smoke coverage bench pot clean

all: build

deps:
	@sh packaging/debian-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	   -DFRAGEBOGEN_WERROR=$(WERROR) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) -- --no-print-directory

# The terminal interface on the bundled questionnaire (store: see README).
run: build
	@$(BUILD)/fragebogen --form $(FORM)

# The questionnaire as text, for proofreading.
print: build
	@$(BUILD)/fragebogen print $(FORM)

# Every test: the suite, the suite again under ASan+UBSan, the unit tests
# under Valgrind, and a short libFuzzer run of each harness.
test: unit asan valgrind fuzz-smoke
unit asan valgrind fuzz-smoke: WERROR = ON

unit: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: deps
	@cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DFRAGEBOGEN_SANITIZE=ON \
	   -DFRAGEBOGEN_WERROR=$(WERROR) >/dev/null
	@cmake --build $(ASAN) -j $(JOBS) -- --no-print-directory
	@cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

# Valgrind memcheck over the unit tests of the normal build.
valgrind: build
	@sh tests/valgrind.sh $(BUILD)

fuzz-smoke: deps
	@CC=clang cmake -S . -B $(FUZZ) -DCMAKE_BUILD_TYPE=Debug -DFRAGEBOGEN_FUZZ=ON \
	   -DFRAGEBOGEN_TESTS=OFF -DFRAGEBOGEN_WERROR=$(WERROR) >/dev/null
	@cmake --build $(FUZZ) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZERS)) -- --no-print-directory
	@sh tests/fuzz/smoke.sh $(FUZZ) $(FUZZ_SECONDS) $(FUZZERS)

# Line and branch coverage of src/ by the ctest suite (gcovr), less the two
# package tests: an instrumented binary names its build folder by design.
# Tests that fork leave a few negative branch counts in gcov's output,
# which gcovr 5.2 would otherwise stop at.
coverage: deps
	@cmake -S . -B $(COVER) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS=--coverage \
	   -DCMAKE_EXE_LINKER_FLAGS=--coverage >/dev/null
	@cmake --build $(COVER) -j $(JOBS) -- --no-print-directory
	@find $(COVER) -name '*.gcda' -delete
	@cd $(COVER) && ctest -j $(JOBS) -E 'cli_(deb|install)' --output-on-failure >ctest.log || { tail -n 40 ctest.log; exit 1; }
	@gcovr -r . --object-directory $(COVER) --filter 'src/' --exclude-unreachable-branches \
	   --exclude-throw-branches --gcov-ignore-parse-errors --print-summary -o $(COVER)/coverage.txt
	@sort -k4 -n $(COVER)/coverage.txt | sed -n '/^src/p' | head -n 15
	@echo "(alle Dateien: $(COVER)/coverage.txt)"

bench: build
	@$(BUILD)/bench_load
	@$(BUILD)/bench_store $(BUILD)
	@$(BUILD)/bench_tui $(BUILD)/fragebogen
	@$(BUILD)/bench_answer $(BUILD)/fragebogen
	@$(BUILD)/bench_statfile
	@$(BUILD)/bench_agg $(BUILD)/fragebogen
	@FRAGEBOGEN_KILLS=1000 $(BUILD)/tests/test_store --filter 'store/sigkill*' --verbose=0

# Refresh i18n/fragebogen.pot and the catalogues after changing messages.
pot:
	@sh i18n/update.sh

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZ) $(COVER)
