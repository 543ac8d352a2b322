# Thin wrapper over CMake; see README.md.
BUILD ?= build
JOBS  ?= $(shell nproc)

.PHONY: all build demo test check-lit check-unit check-e2e bench clean

all: build

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

# The main job: check-mode diagnostics and build-mode programs on examples/.
demo: build
	./scripts/demo.sh $(BUILD)

# Every test: lit (passes, driver, pack), unit (GoogleTest), end-to-end.
test: build
	./scripts/test-all.sh $(BUILD)

bench: build
	./scripts/bench-all.sh $(BUILD)

clean:
	rm -rf $(BUILD)
