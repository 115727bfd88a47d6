# egov-progress: e-government progress reporting (FastCGI + MariaDB + ClearSilver)
#
#   make run     install what is missing, build, start a private stack, print the URL
#   make stop    stop what `make run` started
#   make test    the same set-up, then every test against its own private stack
#   make bench   the benchmarks (not part of make test)

SAN ?=
BUILD ?= build$(if $(SAN),-san)
CC ?= cc
PKGS = fcgi libmariadb libsodium libzip expat
WARN = -Wall -Wextra -Wformat=2 -Werror=format-security -Wshadow -Wno-unused-parameter -Werror
HARDEN = -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
CFLAGS ?= -O2 -g
ifneq ($(SAN),)
CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
HARDEN = -fPIE
endif
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(HARDEN) $(CFLAGS) \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null) -isystem /usr/include/ClearSilver
ALL_LDFLAGS = -pie -Wl,-z,relro,-z,now $(if $(SAN),-fsanitize=address$(comma)undefined) $(LDFLAGS)
comma := ,
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lfcgi -lmariadb -lsodium -lzip -lexpat) -lneo_cgi -lneo_cs -lneo_utl -lz -lm

# a program's own libraries beyond the core's
LIBS_export = $(shell pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter)

LIB_SRC = $(wildcard cgi/lib/*.c)
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
PROGRAMS = auth report review dashboard export
BATCH = admin remind aggregate charts quarterly
BINS = $(PROGRAMS:%=$(BUILD)/egov-%) $(BATCH:%=$(BUILD)/egov-%)
UNIT_TESTS = $(BUILD)/test-unit $(BUILD)/fuzz-replay
FUZZ_SECONDS ?= 300

.PHONY: all deps run stop test test-quick bench clean fuzz
all: $(BINS) $(UNIT_TESTS)

deps:
	@sh scripts/deps.sh

$(BUILD)/%.o: %.c $(wildcard cgi/lib/*.h) $(wildcard cgi/*/*.h) $(wildcard cgi/*/*.inc)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libegov.a: $(LIB_OBJ)
	@ar rcs $@ $^

define PROGRAM
$(BUILD)/egov-$(1): $(patsubst %.c,$(BUILD)/%.o,$(wildcard cgi/$(1)/*.c)) $(BUILD)/libegov.a
	@echo "  LD      $$@"
	@$$(CC) $$(ALL_LDFLAGS) -o $$@ $$^ $$(LIBS_$(1)) $$(LIBS)
endef
$(foreach p,$(PROGRAMS) $(BATCH),$(eval $(call PROGRAM,$(p))))

# the aggregation's arithmetic and the report document's XML have no
# database in them: unit-tested directly
$(BUILD)/test-unit: $(patsubst %.c,$(BUILD)/%.o,$(wildcard tests/unit/*.c)) \
		$(BUILD)/cgi/aggregate/calc.o $(BUILD)/cgi/quarterly/fodt.o $(BUILD)/libegov.a
	@echo "  LD      $@"
	@$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/fuzz-replay: $(BUILD)/tests/fuzz/fuzz_input.o $(BUILD)/tests/fuzz/replay.o $(BUILD)/libegov.a
	@echo "  LD      $@"
	@$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

# A libFuzzer campaign on the input parsers (clang); new findings land in
# var/fuzz-corpus.  `make test` replays tests/fuzz/corpus under ASan/UBSan.
fuzz: deps
	@command -v clang >/dev/null || apt-get install -y -q clang >/dev/null
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang SAN= \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" HARDEN=-fPIE \
		build-fuzz/libegov.a build-fuzz/tests/fuzz/fuzz_input.o
	clang -fsanitize=fuzzer,address,undefined -o build-fuzz/fuzz-input \
		build-fuzz/tests/fuzz/fuzz_input.o build-fuzz/libegov.a $(LIBS)
	@mkdir -p var/fuzz-corpus
	build-fuzz/fuzz-input -max_total_time=$(FUZZ_SECONDS) -max_len=4096 var/fuzz-corpus tests/fuzz/corpus

run: deps all
	@sh scripts/stack.sh start run

stop:
	@sh scripts/stack.sh stop run

test: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory SAN=1 all
	@sh tests/run.sh

bench: deps all
	@sh tests/bench/run.sh

clean:
	rm -rf build build-san build-fuzz
