# vsh: works unchanged with GNU make (4.0 or later) and bmake.
# Targets: all run test sanitize memcheck fuzz bench install clean deps

PREFIX ?= /usr/local
BINDIR ?= ${PREFIX}/bin
MANDIR ?= ${PREFIX}/share/man/man1

CC ?= cc
# bmake predefines CFLAGS, so the defaults live apart; CFLAGS comes last and wins.
# No unwind tables: C code throws nothing, and -g keeps .debug_frame for
# debuggers; the binary is 30 KB smaller, which start-up maps.
OPTIMIZE ?= -O2 -g -fno-asynchronous-unwind-tables
# CI adds WERROR=-Werror.
WERROR ?=
WARNINGS = -Wall -Wextra -Wclobbered -Wno-unknown-warning-option ${WERROR}
VSH_CPPFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ish -Ibuiltins
SANITIZE_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# libFuzzer targets need clang; they link every source but main.c.
FUZZ_CC ?= clang
FUZZ_FLAGS = -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_TIME ?= 60
MEMCHECK_SMALL ?= 10000
MEMCHECK_LARGE ?= 100000

SRCS != ls sh/*.c builtins/*.c
FUZZ_SRCS != ls sh/*.c builtins/*.c | grep -v sh/main.c
HDRS != ls sh/*.h builtins/*.h
OBJS = ${SRCS:.c=.o}

all: vsh

vsh: ${OBJS}
	${CC} ${OPTIMIZE} ${CFLAGS} ${LDFLAGS} -o $@ ${OBJS} ${LDLIBS}

${OBJS}: ${HDRS} Makefile

.c.o:
	${CC} ${VSH_CPPFLAGS} ${WARNINGS} ${OPTIMIZE} ${CFLAGS} -c $< -o $@

vsh-sanitize: ${SRCS} ${HDRS} Makefile
	${CC} ${VSH_CPPFLAGS} ${WARNINGS} ${SANITIZE_FLAGS} ${LDFLAGS} -o $@ ${SRCS} ${LDLIBS}

deps:
	@tools/install-deps build

run: vsh
	./vsh -i

test: vsh
	@tools/install-deps test
	@tests/run ./vsh

# LeakSanitizer's check at exit can hang for good in an interactive shell
# whose terminal is gone (tmux tests), spinning a CPU; such shells ignore
# SIGTERM, so what is left of this tree's binary gets SIGKILL.
sanitize: vsh-sanitize
	@tools/install-deps test
	@status=0; tests/run ./vsh-sanitize || status=$$?; \
	    pkill -KILL -f "^$$(pwd)/\./vsh-sanitize" 2>/dev/null; exit $$status

# valgrind over a long loop: no invalid access, no leak, no growth (tests/MEMCHECK.md).
memcheck: vsh
	@tools/install-deps memcheck
	@tests/memcheck ./vsh ${MEMCHECK_SMALL} ${MEMCHECK_LARGE}

fuzz/parse-fuzzer: fuzz/parse.c fuzz/shell.c fuzz/shell.h ${FUZZ_SRCS} ${HDRS} Makefile
	${FUZZ_CC} ${VSH_CPPFLAGS} ${WARNINGS} ${FUZZ_FLAGS} -o $@ fuzz/parse.c fuzz/shell.c ${FUZZ_SRCS}

fuzz/arith-fuzzer: fuzz/arith.c fuzz/shell.c fuzz/shell.h ${FUZZ_SRCS} ${HDRS} Makefile
	${FUZZ_CC} ${VSH_CPPFLAGS} ${WARNINGS} ${FUZZ_FLAGS} -o $@ fuzz/arith.c fuzz/shell.c ${FUZZ_SRCS}

fuzz/expand-fuzzer: fuzz/expand.c fuzz/shell.c fuzz/shell.h ${FUZZ_SRCS} ${HDRS} Makefile
	${FUZZ_CC} ${VSH_CPPFLAGS} ${WARNINGS} ${FUZZ_FLAGS} -o $@ fuzz/expand.c fuzz/shell.c ${FUZZ_SRCS}

fuzz/script-fuzzer: fuzz/script.c fuzz/shell.c fuzz/shell.h ${FUZZ_SRCS} ${HDRS} Makefile
	${FUZZ_CC} ${VSH_CPPFLAGS} ${WARNINGS} ${FUZZ_FLAGS} -o $@ fuzz/script.c fuzz/shell.c ${FUZZ_SRCS}

fuzz:
	@tools/install-deps fuzz
	@${MAKE} fuzz/parse-fuzzer fuzz/arith-fuzzer fuzz/expand-fuzzer fuzz/script-fuzzer
	@fuzz/run parse ${FUZZ_TIME}
	@fuzz/run arith ${FUZZ_TIME}
	@fuzz/run expand ${FUZZ_TIME}
	@fuzz/run script ${FUZZ_TIME}

bench: vsh
	@tools/install-deps bench
	@bench/run ./vsh

install: vsh
	mkdir -p ${DESTDIR}${BINDIR} ${DESTDIR}${MANDIR}
	cp vsh ${DESTDIR}${BINDIR}/vsh
	chmod 755 ${DESTDIR}${BINDIR}/vsh
	cp sh.1 ${DESTDIR}${MANDIR}/vsh.1
	chmod 644 ${DESTDIR}${MANDIR}/vsh.1

clean:
	rm -f vsh vsh-sanitize fuzz/parse-fuzzer fuzz/arith-fuzzer fuzz/expand-fuzzer fuzz/script-fuzzer ${OBJS}
	rm -rf tests/results

.PHONY: all deps run test sanitize memcheck fuzz bench install clean
