#! /usr/bin/env atf-sh
# The limits of sh.1 (LIMITS): runaway recursion ends in a message and a status, never a crash.
. "$(atf_get_srcdir)/common.sh"

# repeat TEXT N: TEXT N times, without a newline
repeat() { yes "$1" | head -n "$2" | tr -d '\n'; }

# ./small_stack COMMAND...: run it with a 1 MiB stack
make_small_stack() { printf '#!/bin/sh\nulimit -s 1024 && exec "$@"\n' >small_stack; chmod +x small_stack; }

atf_test_case dot_self
dot_self_head() { atf_set descr 'a script that sources itself ends in an error'; }
dot_self_body()
{
	make_small_stack
	echo '. ./self.sh' >self.sh
	atf_check -s exit:2 -o empty -e match:'^vsh: \./self\.sh: line 1: \./self\.sh: nested too deeply$' vsh self.sh
	atf_check -s exit:2 -o empty -e match:'nested too deeply' ./small_stack vsh self.sh
	echo 'f() { . ./mixed.sh; }; f' >mixed.sh
	atf_check -s exit:2 -o empty -e match:'nested too deeply' vsh mixed.sh
}

atf_test_case eval_self
eval_self_head() { atf_set descr 'eval and function calls share one nesting limit'; }
eval_self_body()
{
	make_small_stack
	atf_check -s exit:2 -o empty -e inline:'vsh: -c: line 1: eval: nested too deeply\n' \
	    vsh -c 'e="eval \"\$e\""; eval "$e"'
	# Which of the three checks meets the end of the stack first depends
	# on the frames' sizes, which any change of the code may move.
	atf_check -s exit:2 -o empty -e match:'^vsh: -c: line 1: (eval|f|g): (function calls )?nested too deeply$' \
	    ./small_stack vsh -c 'f() { eval g; }; g() { f; }; f'
	# The error unwinds the count: full depth is available again afterwards.
	atf_check -s exit:0 -o inline:'2\nok\n' -e match:'nested too deeply' \
	    vsh -c 'e="eval \"\$e\""; command eval "$e"; echo $?
		f() { [ $1 -eq 0 ] || f $(($1 - 1)); }; f 1500 && echo ok'
	# Deep but bounded recursion works.
	atf_check -s exit:0 -o inline:'ok\n' -e empty \
	    vsh -c 'f() { [ $1 -eq 0 ] || eval "f $(($1 - 1))"; }; f 1000 && echo ok'
}

atf_test_case arith_depth
arith_depth_head() { atf_set descr 'arithmetic nested 100,000 deep is a syntax error'; }
arith_depth_body()
{
	make_small_stack
	{ printf 'echo $(('; repeat '(' 100000; printf 1; repeat ')' 100000; echo '))'; } >parens
	atf_check -s exit:2 -o empty -e inline:'vsh: parens: line 1: arithmetic: syntax error: nested too deeply\n' vsh parens
	atf_check -s exit:2 -o empty -e match:'nested too deeply' ./small_stack vsh parens
	{ printf 'echo $(('; repeat '-' 100000; echo '1))'; } >unary
	atf_check -s exit:2 -o empty -e match:'arithmetic: syntax error: nested too deeply' vsh unary
	{ printf 'echo $(('; repeat 'x=' 100000; echo '1))'; } >assign
	atf_check -s exit:2 -o empty -e match:'arithmetic: syntax error: nested too deeply' vsh assign
	{ printf 'echo $(('; repeat '1?2:' 100000; echo '3))'; } >conditional
	atf_check -s exit:2 -o empty -e match:'arithmetic: syntax error: nested too deeply' vsh conditional
	# 1000 levels are allowed, 1001 are not.
	{ printf 'echo $(('; repeat '(' 999; printf 7; repeat ')' 999; echo '))'; } >ok
	atf_check -s exit:0 -o inline:'7\n' -e empty ./small_stack vsh ok
	{ printf 'echo $(('; repeat '(' 1001; printf 7; repeat ')' 1001; echo '))'; } >over
	atf_check -s exit:2 -o empty -e match:'nested too deeply' vsh over
}

atf_test_case expansion_depth
expansion_depth_head() { atf_set descr 'words nested up to the parser limit expand on a small stack'; }
expansion_depth_body()
{
	make_small_stack
	{ printf 'echo '; repeat '${x:-' 990; printf deep; repeat '}' 990; echo; } >params
	atf_check -s exit:0 -o inline:'deep\n' -e empty ./small_stack vsh params
	{ printf 'echo "'; repeat '${x:-"' 990; printf deep; repeat '"}' 990; echo '"'; } >quoted
	atf_check -s exit:0 -o inline:'deep\n' -e empty ./small_stack vsh quoted
	{ printf 'x=a; echo '; repeat '${x#' 990; printf a; repeat '}' 990; echo; } >removal
	atf_check -s exit:0 -o inline:'a\n' -e empty ./small_stack vsh removal
	{ printf 'echo $(('; repeat '$((' 490; printf 1; repeat '))' 490; echo '))'; } >arith
	atf_check -s exit:0 -o inline:'1\n' -e empty ./small_stack vsh arith
	{ repeat 'if true; then ' 990; printf 'echo deep'; repeat '; fi' 990; echo; } >compound
	atf_check -s exit:0 -o inline:'deep\n' -e empty ./small_stack vsh compound
	# Command substitutions nest at run time too (each level a process).
	{ printf 'echo '; repeat '$(echo ' 50; printf deep; repeat ')' 50; echo; } >subst
	atf_check -s exit:0 -o inline:'deep\n' -e empty ./small_stack vsh subst
}

atf_test_case pattern_polynomial
pattern_polynomial_head() { atf_set descr 'pattern matching stays polynomial'; atf_set timeout 120; }
pattern_polynomial_body()
{
	{ printf 'case '; repeat a 100000; echo ' in *a*a*a*a*a*a*b) echo yes;; *) echo no;; esac'; } >case
	atf_check -s exit:0 -o inline:'no\n' -e empty vsh case
	{ printf 'x='; repeat a 2000; echo; echo 'y=${x##*a*a*a*a*b}; echo ${#y}; y=${x%%*a*a*a*b*}; echo ${#y}'; } >removal
	atf_check -s exit:0 -o inline:'2000\n2000\n' -e empty vsh removal
}

atf_test_case trap_in_trap
trap_in_trap_head() { atf_set descr 'a trap does not run while a trap runs: it waits its turn'; }
trap_in_trap_body()
{
	atf_check -s exit:0 -o inline:'in 1\nout 1\nin 2\nout 2\nin 3\nout 3\nend\n' -e empty \
	    vsh -c 'n=0; trap '\''n=$((n+1)); echo in $n; [ $n -lt 3 ] && kill -USR1 $$; echo out $n'\'' USR1
		kill -USR1 $$; echo end'
}

atf_test_case out_of_memory
out_of_memory_head() { atf_set descr 'every path that allocates ends in "out of memory" under ulimit -v'; }
out_of_memory_body()
{
	# ./small_memory COMMAND...: run it with 30 MB of address space
	printf '#!/bin/sh\nulimit -v 30000 && exec "$@"\n' >small_memory
	chmod +x small_memory
	# A sanitizer build reserves terabytes of shadow memory and cannot start.
	./small_memory vsh -c 'exit 0' 2>/dev/null || atf_skip 'vsh cannot start under ulimit -v (sanitizer build?)'
	oom='inline:vsh: out of memory\n'
	# Expansion: parameters, concatenation, pattern substitution of a long value.
	atf_check -s exit:2 -o empty -e "$oom" ./small_memory vsh -c \
	    'x=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; while :; do x=$x$x; done'
	atf_check -s exit:2 -o empty -e "$oom" ./small_memory vsh -c \
	    'x=$(printf "%9999999s" a); echo $x$x$x$x$x >/dev/null'
	# printf with a huge width into a command substitution (in the shell's memory).
	atf_check -s exit:2 -o empty -e "$oom" ./small_memory vsh -c \
	    'x=$(printf "%9999999s%9999999s%9999999s" a b c); echo no'
	# Here-documents with a huge body.
	atf_check -s exit:2 -o empty -e "$oom" ./small_memory vsh -c \
	    'x=$(printf "%9999999s" a); cat <<EOF
$x$x$x$x$x$x
EOF
	echo no'
	# read of a line longer than the memory.
	head -c 50000000 /dev/zero | tr '\0' a >long
	atf_check -s exit:2 -o empty -e "$oom" ./small_memory vsh -c 'read -r x <long; echo no'
	# set -- with millions of fields.
	yes 'a b c d e f g h' | head -c 40000000 >words
	atf_check -s exit:2 -o empty -e "$oom" ./small_memory vsh -c 'set -- $(cat words); echo no'
	# eval of a huge text.
	atf_check -s exit:2 -o empty -e "$oom" ./small_memory vsh -c \
	    'x=$(printf "%9999999s" a); eval "y=\"$x$x$x\""; echo no'
	# An ordinary command in the same memory works.
	atf_check -s exit:0 -o inline:'ok\n' -e empty ./small_memory vsh -c 'x=$(printf "%100000s" a); echo ok'
}

atf_init_test_cases()
{
	atf_add_test_case dot_self
	atf_add_test_case eval_self
	atf_add_test_case arith_depth
	atf_add_test_case expansion_depth
	atf_add_test_case pattern_polynomial
	atf_add_test_case trap_in_trap
	atf_add_test_case out_of_memory
}
