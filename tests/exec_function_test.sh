#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case arguments
arguments_head() { atf_set descr "positional parameters are the function's, and come back after"; }
arguments_body()
{
	atf_check -o inline:'2:a\n0:\nq\n' vsh -c 'f() { echo $#:$1; }; f a b; set -- q; f; echo $1'
	atf_check -o inline:'a b\n' vsh -c 'f() { echo "$1"; }; f "a b"'
}

atf_test_case return_status
return_status_head() { atf_set descr "return with and without a value"; }
return_status_body()
{
	atf_check -o inline:'7\n' vsh -c 'f() { return 7; echo no; }; f; echo $?'
	atf_check -o inline:'1\n' vsh -c 'f() { false; return; }; f; echo $?'
	atf_check -o inline:'in\n3\n' vsh -c 'f() { for i in 1 2; do echo in; return 3; done; echo no; }; f; echo $?'
	atf_check -o inline:'4\n' vsh -c 'f() { eval "return 4"; echo no; }; f; echo $?'
	atf_check -o inline:'0\n' vsh -c 'f() { return; }; f; echo $?'
	atf_check -s exit:2 -e match:'return: Illegal number: x' vsh -c 'f() { return x; }; f'
}

atf_test_case locals
locals_head() { atf_set descr "local variables (dash semantics)"; }
locals_body()
{
	atf_check -o inline:'2\n1\n' vsh -c 'f() { local x=2; echo $x; }; x=1; f; echo $x'
	atf_check -o inline:'g\n' vsh -c 'f() { y=g; }; f; echo $y'
	atf_check -o inline:'inner 2\nouter 1\n' vsh -c 'g() { echo inner $x; }; f() { local x=2; g; }; x=1; f; echo outer $x'
}

atf_test_case redefinition
redefinition_head() { atf_set descr "a running function may be redefined or unset"; }
redefinition_body()
{
	atf_check -o inline:'old\nnew\n' vsh -c 'f() { f() { echo new; }; echo old; }; f; f'
	atf_check -s exit:127 -o inline:'still\n' -e match:'f: not found' vsh -c 'f() { unset -f f; echo still; }; f; f'
	atf_check -o inline:'x\n' vsh -c 'f() { echo x; }; g() { f; }; unset -f nothing; g'
}

atf_test_case body_redirections
body_redirections_head() { atf_set descr "redirections of a function body apply at each call"; }
body_redirections_body()
{
	atf_check -o inline:'1\n2\n' vsh -c 'f() { echo $1; } >>out; f 1; f 2; cat out'
	atf_check -o inline:'in\n' vsh -c 'f() { cat; } <<EOF
in
EOF
f'
}

atf_test_case recursion
recursion_head() { atf_set descr "deep recursion works; runaway recursion is an error, not a crash"; }
recursion_body()
{
	atf_check -o inline:'500\n' vsh -c 'i=0; f() { i=$((i+1)); [ $i -lt 500 ] && f; }; f; echo $i'
	atf_check -s exit:2 -e match:'f: function calls nested too deeply' vsh -c 'f() { f; }; f; echo no'
}

atf_test_case errors_in_functions
errors_in_functions_head() { atf_set descr "exit inside a function leaves the shell"; }
errors_in_functions_body()
{
	atf_check -s exit:3 -o inline:'a\n' vsh -c 'f() { echo a; exit 3; echo no; }; f; echo no'
	atf_check -o inline:'done\n' vsh -c 'f() { echo $((1 + 1)) >/dev/null; }; f && echo done'
}

atf_init_test_cases()
{
	atf_add_test_case arguments
	atf_add_test_case return_status
	atf_add_test_case locals
	atf_add_test_case redefinition
	atf_add_test_case body_redirections
	atf_add_test_case recursion
	atf_add_test_case errors_in_functions
}
