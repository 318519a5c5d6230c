# The two commands of the README:
#   make run     build, then plan the example marathon season (a store in the
#                build folder, never the user's own: $(BUILD)/demo.db)
#   make check   build and run every test (unit, CLI, oracle, sanitizers, fuzz smoke)
# Everything else here is a step of those two.

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
FUZZ_SECONDS ?= 20
CO = $(BUILD)/carryover

.PHONY: all run check deps build benches test asan fuzz npm bench clean install

PREFIX     ?= /usr/local

all: build

deps:
	@sh scripts/deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCO_WERROR=ON $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The benchmark programs are built by `make check` so they cannot rot.
benches: build
	cmake --build $(BUILD) -j $(JOBS) --target benches

run: build
	CARRYOVER_DB=$(BUILD)/demo.db $(CO) plan examples/marathon.ini

# Test-only npm packages (oracles, browser driver), refreshed when the lock changes.
npm: deps
	@if [ -f package-lock.json ] && { [ ! -f node_modules/.package-lock.json ] || \
		[ package-lock.json -nt node_modules/.package-lock.json ]; }; then \
		npm ci --no-audit --no-fund --loglevel=error; fi

test: build npm
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCO_WERROR=ON -DCO_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --output-on-failure -j $(JOBS) -L 'unit|cli'

# Each fuzz target runs briefly on its seed corpus (tests/fuzz/corpus/NAME).
fuzz: deps
	@if command -v clang >/dev/null 2>&1; then \
		CC=clang cmake -S . -B $(FUZZ_BUILD) -DCO_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS) && \
		cmake --build $(FUZZ_BUILD) -j $(JOBS) && \
		sh scripts/fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS); \
	else echo "fuzz: clang not found, skipped"; fi

check: test benches asan fuzz

bench: build
	sh bench/run.sh $(BUILD)

# The binary, the man page carryover(1) and the bash and zsh completions,
# under $(PREFIX) (bin/, share/man/man1/, share/bash-completion/completions/,
# share/zsh/site-functions/). DESTDIR is honoured, for packagers.
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
