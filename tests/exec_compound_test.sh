#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case if_elif
if_elif_head() { atf_set descr "if, elif, else and their statuses"; }
if_elif_body()
{
	atf_check -o inline:'two\n' vsh -c 'if false; then echo one; elif true; then echo two; else echo three; fi'
	atf_check -o inline:'three\n' vsh -c 'if false; then echo one; elif false; then echo two; else echo three; fi'
	atf_check -o inline:'0\n' vsh -c 'if false; then :; fi; echo $?'
	atf_check -o inline:'3\n' vsh -c 'if true; then (exit 3); fi; echo $?'
}

atf_test_case loops
loops_head() { atf_set descr "while, until, for, with and without in"; }
loops_body()
{
	atf_check -o inline:'1\n2\n3\n' vsh -c 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done'
	atf_check -o inline:'0\n' vsh -c 'until true; do echo no; done; echo $?'
	atf_check -o inline:'a\nb c\n' vsh -c 'set -- a "b c"; for i; do echo "$i"; done'
	atf_check -o inline:'x1\nx2\n' vsh -c 'for i in x1 x2; do echo $i; done'
	atf_check -o inline:'0\n' vsh -c 'false; for i in; do echo no; done; echo $?'
	atf_check -o inline:'1\n' vsh -c 'for i in a; do false; done; echo $?'
	atf_check -o inline:'last\n' vsh -c 'for i in a last; do :; done; echo $i'
}

atf_test_case break_continue
break_continue_head() { atf_set descr "break and continue with counts"; }
break_continue_body()
{
	atf_check -o inline:'1a\n0\n' vsh -c 'for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done; echo $?'
	atf_check -o inline:'1a\n2a\n' vsh -c 'for i in 1 2; do for j in a b; do echo $i$j; continue 2; echo no; done; done'
	atf_check -o inline:'ok\n' vsh -c 'for i in 1 2; do while :; do break 5; done; echo no; done; echo ok'
	atf_check -o inline:'1\n3\n' vsh -c 'for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done'
	atf_check -s exit:2 -e match:'break: Illegal number: 0' vsh -c 'for i in 1; do break 0; done; echo no'
	atf_check -s exit:2 -e match:'continue: Illegal number: x' vsh -c 'for i in 1; do continue x; done'
	atf_check -o inline:'ok\n' vsh -c 'break; echo ok'
	# A function does not break its caller's loop (as in dash).
	atf_check -o inline:'1\n2\n' vsh -c 'f() { break; }; for i in 1 2; do f; echo $i; done'
	atf_check -o inline:'y\n' vsh -c 'while :; do eval break; done; echo y'
	# A subshell counts only its own loops, forked or not (the last command of -c).
	atf_check -o inline:'in-a\nin-b\n' \
	    vsh -c 'for x in a b; do ( for y in c; do break 2; done; echo in-$x ); done'
	atf_check -o inline:'in-a\nin-b\n' \
	    vsh -c 'for x in a b; do ( for y in c; do continue 2; done; echo in-$x ) | cat; done'
	atf_check -o inline:'a\nb\n' vsh -c 'for x in a b; do break 2 | cat; echo $x; done'
	atf_check -o inline:'in\n' vsh -c 'f() { ( for y in c; do break 2; done; echo in ); }; for x in a; do f; done'
	# So do command substitutions and pipeline elements, and eval in them.
	atf_check -o inline:'out-a[in-a]\nout-b[in-b]\n' \
	    vsh -c 'for x in a b; do y=$(for z in 1; do break 2; done; echo in-$x); echo "out-$x[$y]"; done'
	atf_check -o inline:'p\nout-a\np\nout-b\n' \
	    vsh -c 'for x in a b; do echo p | { for y in 1; do break 2; done; cat; }; echo out-$x; done'
	atf_check -o inline:'in-a\nin-b\nend\n' vsh -c 'for x in a b; do (eval "break 2"; echo in-$x); done; echo end'
	atf_check -o inline:'t-a\nout-a\nt-b\nout-b\n' \
	    vsh -c 'for x in a b; do (trap "echo t-\$x" EXIT; break); echo out-$x; done'
}

atf_test_case case_command
case_command_head() { atf_set descr "case with patterns, quoting, ;; and ;&"; }
case_command_body()
{
	atf_check -o inline:'one\ntwo\n' vsh -c 'case abc in a*) echo one;& x) echo two;; *) echo three;; esac'
	atf_check -o inline:'0\n' vsh -c 'false; case x in y) ;; esac; echo $?'
	atf_check -o inline:'lit\n' vsh -c 'case "*" in "*") echo lit;; *) echo glob;; esac'
	atf_check -o inline:'glob\n' vsh -c 'case "a" in "*") echo lit;; *) echo glob;; esac'
	atf_check -o inline:'b\n' vsh -c 'p="a|b"; case b in a|b) echo b;; esac'
	atf_check -o inline:'var\n' vsh -c 'p="x*"; case xyz in $p) echo var;; esac'
	atf_check -o inline:'4\n' vsh -c 'case a in a) (exit 4);; esac; echo $?'
	# Falling through in a child that exits after the case
	atf_check -o inline:'one\ntwo\n' vsh -c '(case a in a) echo one;& b) echo two;; esac)'
}

atf_test_case pipelines
pipelines_head() { atf_set descr "pipelines, negation, built-ins and compound commands in pipelines"; }
pipelines_body()
{
	atf_check -o inline:'b\n' vsh -c 'echo a | tr a b'
	atf_check -o inline:'3\n' vsh -c 'for i in 1 2 3; do echo $i; done | wc -l | tr -d " "'
	atf_check -o inline:'1\n' vsh -c 'true | false; echo $?'
	atf_check -o inline:'0\n' vsh -c 'false | true; echo $?'
	atf_check -o inline:'1\n0\n' vsh -c '! true; echo $?; ! false; echo $?'
	atf_check -o inline:'0\n' vsh -c '! true | false; echo $?'
	atf_check -o inline:'y\ny\n' vsh -c 'while :; do echo y; done | head -n 2'
	atf_check -o inline:'got foo\n' vsh -c 'echo foo | { read x; echo got $x; }'
	atf_check -o inline:'x\ny\n' vsh -c 'echo x | (cat; echo y) | cat'
	atf_check -o inline:'[]\n' vsh -c 'echo v | read x; echo "[$x]"'
	atf_check -o inline:'F\n' vsh -c 'f() { tr a-z A-Z; }; echo f | f'
	atf_check -o inline:'unset\n' vsh -c 'echo ${x=1} | cat >/dev/null; echo ${x-unset}'
	atf_check -o inline:'1\n' -e match:'nonexistent: No such file' vsh -c 'echo a | cat </nonexistent; echo $?'
}

atf_test_case subshells
subshells_head() { atf_set descr "subshells keep their changes to themselves"; }
subshells_body()
{
	atf_check -o inline:'42\n' vsh -c '(exit 42); echo $?'
	atf_check -o inline:'in\nout\n' vsh -c 'x=out; (x=in; echo $x); echo $x'
	atf_check -o inline:'/\n'"$PWD"'\n' vsh -c '(cd /; pwd); pwd'
	atf_check -o inline:'1\n2\n' vsh -c '(echo 1; (echo 2))'
	atf_check -o inline:'x\nt\n' vsh -c '(trap "echo t" EXIT; echo x)'
	atf_check -o inline:'g\n0\n' vsh -c '{ echo g; } >/dev/null; echo g; echo $?'
}

atf_test_case lists
lists_head() { atf_set descr "&& || ; and &"; }
lists_body()
{
	atf_check -o inline:'a\nc\n' vsh -c 'true && echo a || echo b; false && echo no || echo c'
	atf_check -o inline:'1\n' vsh -c 'false && true; echo $?'
	atf_check -o inline:'0\n' vsh -c 'sleep 0 & wait $!; echo $?'
	atf_check -o inline:'5\n' vsh -c '(exit 5) & wait $!; echo $?'
	atf_check -o inline:'bg\ndone\n' vsh -c 'f() { echo bg; }; f & wait; echo done'
	atf_check -o inline:'yes\n' vsh -c 'true & [ -n "$!" ] && echo yes; wait'
	# An asynchronous list without job control reads /dev/null.
	atf_check -o inline:'0\n' vsh -c 'echo data | { cat & wait; } | wc -c | tr -d " "'
}

atf_test_case jump_in_condition
jump_in_condition_head() { atf_set descr "return, break and continue in a (negated) condition keep their own status"; }
jump_in_condition_body()
{
	atf_check -o inline:'5\n' vsh -c 'f() { if ! return 5; then echo t; else echo e; fi; }; f; echo $?'
	atf_check -o inline:'6\n' vsh -c 'f() { if return 6; then echo t; else echo e; fi; }; f; echo $?'
	atf_check -o inline:'3\n' vsh -c 'f() { ! return 3; }; f; echo $?'
	atf_check -o inline:'4\n' vsh -c 'f() { while ! return 4; do :; done; }; f; echo $?'
	atf_check -o inline:'0\n' vsh -c 'for i in 1 2; do if ! break; then echo t; fi; echo no; done; echo $?'
	atf_check -o inline:'0\n' vsh -c 'for i in 1 2; do if ! continue; then echo t; fi; echo no; done; echo $?'
	atf_check -o inline:'0\n' vsh -c 'for i in 1 2; do ! break; done; echo $?'
}

atf_test_case negation_in_subshell
negation_in_subshell_head() { atf_set descr "! in a subshell run last (also from an EXIT trap) still negates"; }
negation_in_subshell_body()
{
	atf_check -o empty vsh -c "(trap '(! :) && echo BUG1' EXIT)"
	atf_check -o empty vsh -c "(trap '(false) && echo BUG2' EXIT)"
	atf_check -o inline:'x\n' vsh -c '(! :) && echo BUG; echo x'
	atf_check -s exit:1 vsh -c '! :'
	atf_check -s exit:1 vsh -c '(! :)'
	atf_check -s exit:0 vsh -c '(! false)'
	atf_check -s exit:0 -o inline:'ok\n' vsh -c "trap '(! false) && echo ok' EXIT"
}

atf_test_case background_pipeline
background_pipeline_head() { atf_set descr "a background pipeline: \$! is its last process, kill reaches every element, stdin /dev/null for the first only"; }
background_pipeline_body()
{
	atf_check -o inline:'sleep\n143\n' vsh -c 'true | sleep 5 & p=$!; ps -o comm= -p $p; kill $!; wait $p; echo $?'
	atf_check -o inline:'gone\n' vsh -c 'sh -c "echo \$\$ >pid1; exec sleep 5" | sleep 5 &
	    while [ ! -s pid1 ]; do sleep 0.05; done; kill %1; wait; kill -0 $(cat pid1) 2>/dev/null || echo gone'
	atf_check -o empty -x 'echo abc | vsh -c "cat | cat & wait"'
	printf 'hello\n' >f
	atf_check -o inline:'hello\n' -x 'echo abc | vsh -c "cat <f | cat & wait"'
	atf_check -o inline:'HELLO\n' vsh -c 'cat f | tr a-z A-Z & wait'
	atf_check -o inline:'x\n' vsh -c '{ echo x; } | cat & wait'
}

atf_init_test_cases()
{
	atf_add_test_case if_elif
	atf_add_test_case loops
	atf_add_test_case break_continue
	atf_add_test_case case_command
	atf_add_test_case pipelines
	atf_add_test_case subshells
	atf_add_test_case lists
	atf_add_test_case jump_in_condition
	atf_add_test_case background_pipeline
}
