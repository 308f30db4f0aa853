#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case eval_builtin
eval_builtin_head() { atf_set descr "eval joins its arguments and runs them in the current shell"; }
eval_builtin_body()
{
	atf_check -o inline:'a\nb\n' vsh -c 'eval "echo a;" echo b'
	atf_check -o inline:'0\n' vsh -c 'false; eval ""; echo $?'
	atf_check -o inline:'1\n' vsh -c 'eval false; echo $?'
	atf_check -o inline:'1\n' vsh -c 'false; eval "echo \$?"'
	atf_check -o inline:'0\n' vsh -c 'false; eval "  "; echo $?'
	atf_check -o inline:'set\n' vsh -c 'eval x=set; echo $x'
	atf_check -s exit:2 -o empty -e match:'syntax error' vsh -c 'eval "if"; echo no'
	atf_check -o inline:'1\n2\n' vsh -c 'for i in 1 2 3; do eval "echo \$i; [ \$i = 2 ] && break"; done'
}

atf_test_case dot_builtin
dot_builtin_head() { atf_set descr ". reads a file in the current shell; PATH search; return"; }
dot_builtin_body()
{
	printf 'x=fromfile\necho in $x\n' >inc
	atf_check -o inline:'in fromfile\nfromfile\n' vsh -c '. ./inc; echo $x'
	mkdir d
	printf 'echo found in path\n' >d/lib.sh
	atf_check -o inline:'found in path\n' vsh -c 'PATH=$PWD/d:$PATH; . lib.sh'
	printf 'echo before\nreturn 4\necho after\n' >ret
	atf_check -o inline:'before\n4\n' vsh -c '. ./ret; echo $?'
	atf_check -s exit:2 -o empty -e match:'\.: nosuch_file: not found' vsh -c '. nosuch_file; echo no'
	atf_check -s exit:2 -o empty -e match:'No such file' vsh -c '. ./nosuch_file; echo no'
	: >empty
	atf_check -o inline:'0\n' vsh -c 'false; . ./empty; echo $?'
	printf 'nosuch_in_dot\n' >bad
	atf_check -s exit:127 -e match:'bad: line 1: nosuch_in_dot: not found' vsh -c '. ./bad'
}

atf_test_case exec_builtin
exec_builtin_head() { atf_set descr "exec replaces the shell; failures exit 126/127"; }
exec_builtin_body()
{
	atf_check -o inline:'replaced\n' vsh -c 'exec echo replaced; echo no'
	atf_check -s exit:127 -o empty -e match:'exec: nosuch_prog: not found' vsh -c 'exec nosuch_prog; echo no'
	printf 'x' >noexec
	chmod 644 noexec
	atf_check -s exit:126 -o empty -e match:'Permission denied' vsh -c 'exec ./noexec; echo no'
	atf_check -o inline:'x=1\n' vsh -c 'x=1 exec env | grep "^x="'
	atf_check -o inline:'' vsh -c 'exec'
}

atf_test_case command_builtin
command_builtin_head() { atf_set descr "command, command -v, -V, -p"; }
command_builtin_body()
{
	atf_check -o inline:'echo\n' vsh -c 'command -v echo'
	atf_check -o match:'^/.*/ls$' vsh -c 'command -v ls'
	atf_check -o inline:'f\nif\n' vsh -c 'f() { :; }; command -v f; command -v if'
	atf_check -o inline:"alias ll='ls -l'\n" vsh -c 'alias ll="ls -l"; command -v ll'
	atf_check -s exit:1 -o empty vsh -c 'command -v nosuch_v'
	atf_check -o inline:'echo is a shell builtin\n' vsh -c 'command -V echo'
	# A program named with a slash or found through a relative PATH entry:
	# its absolute path, for -v and -V alike.
	mkdir bin
	printf '#!/bin/sh\n' >bin/prog
	chmod +x bin/prog
	atf_check -o inline:"$PWD/bin/prog\nbin/prog is $PWD/bin/prog\n./bin/prog is $PWD/bin/prog\n" \
	    vsh -c 'command -v ././bin/prog; command -V bin/prog; command -V ./bin/prog'
	atf_check -o inline:"$PWD/bin/prog\nprog is $PWD/bin/prog\n" vsh -c 'PATH=bin; command -v prog; command -V prog'
	atf_check -o inline:'/bin/sh\nbin/sh is /bin/sh\n' vsh -c 'cd /; command -v ./bin/sh; command -V bin/sh'
	atf_check -s exit:127 -e match:'f: not found' vsh -c 'f() { echo func; }; command f'
	mkdir d
	atf_check -o inline:'d\n' vsh -c 'PATH=/nonexistent; command -p ls -d d'
	# Special built-in errors do not exit under command.
	atf_check -o inline:'still\n' -e match:'Illegal number' vsh -c 'for i in 1; do command break x; done; echo still'
	atf_check -s exit:3 vsh -c 'command exit 3; echo no'
	# ... and what the failed command had set up is undone.
	atf_check -o inline:'old\nafter\n' -e match:'z: parameter not set' \
	    vsh -c 'x=old; command eval "x=1 y=\${z?} /bin/true >f"; echo $x; echo after'
	atf_check -o empty -e empty cat f
}

atf_test_case type_builtin
type_builtin_head() { atf_set descr "type names what a word would run"; }
type_builtin_body()
{
	atf_check -o inline:'echo is a shell builtin\nexport is a special shell builtin\nif is a shell keyword\n' \
	    vsh -c 'type echo export if'
	atf_check -o inline:'f is a shell function\nll is an alias for ls -l\n' vsh -c 'f() { :; }; alias ll="ls -l"; type f ll'
	atf_check -o match:'^ls is /.*/ls$' vsh -c 'type ls'
	atf_check -o match:'^ls is a tracked alias for /.*/ls$' vsh -c 'ls >/dev/null; type ls'
	atf_check -s exit:127 -o inline:'nosuch_t: not found\n' vsh -c 'type nosuch_t'
}

atf_test_case exit_builtin
exit_builtin_head() { atf_set descr "exit: status, default $?, EXIT trap, subshells"; }
exit_builtin_body()
{
	atf_check -s exit:3 vsh -c 'exit 3'
	atf_check -s exit:1 vsh -c 'false; exit'
	atf_check -s exit:44 vsh -c 'exit 300'
	atf_check -s exit:5 -o inline:'trap\n' vsh -c 'trap "echo trap" EXIT; exit 5'
	atf_check -o inline:'7\n' vsh -c '(exit 7); echo $?'
	atf_check -s exit:2 -e match:'exit: Illegal number: x' vsh -c 'exit x'
}

atf_test_case return_outside
return_outside_head() { atf_set descr "return outside a function ends the script (as in dash)"; }
return_outside_body()
{
	atf_check -s exit:3 -o empty vsh -c 'return 3; echo no'
}

atf_test_case command_exec_permanent
command_exec_permanent_head() { atf_set descr "command exec with only redirections keeps them, and an error is not fatal"; }
command_exec_permanent_body()
{
	printf 'hello\nworld\n' >f
	atf_check -o inline:'hello\n' vsh -c 'command exec 8<f; read msg <&8; echo $msg'
	atf_check -o inline:'hello\n' vsh -c 'command -p exec 8<f; read msg <&8; echo $msg'
	atf_check -o empty -e inline:'out\n' vsh -c 'command exec >o; echo out; exec >&2; cat o'
	atf_check -o inline:'2\n' -e match:'nosuch: No such file' vsh -c 'command exec 8<nosuch; echo $?'
}

atf_init_test_cases()
{
	atf_add_test_case eval_builtin
	atf_add_test_case dot_builtin
	atf_add_test_case exec_builtin
	atf_add_test_case command_builtin
	atf_add_test_case type_builtin
	atf_add_test_case exit_builtin
	atf_add_test_case return_outside
	atf_add_test_case command_exec_permanent
}
