#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case paths
paths_head() { atf_set descr "command substitution by built-in in process, by program, by subshell"; }
paths_body()
{
	atf_check -o inline:'hi\n' vsh -c 'x=`echo hi`; echo $x'
	atf_check -o inline:'a-b\n' vsh -c 'x=`printf "%s-%s" a b`; echo $x'
	atf_check -o inline:'/\n' vsh -c 'cd /; x=`pwd`; echo $x'
	atf_check -o inline:'1\n' vsh -c 'x=`test -n ""`; echo $?'
	atf_check -o inline:'/\n' vsh -c 'x=`ls -d /`; echo $x'
	atf_check -o inline:'A\n' vsh -c 'x=`echo a | tr a A`; echo $x'
	atf_check -o inline:'func\n' vsh -c 'echo() { printf "func\n"; }; x=`echo hi`; printf "%s\n" "$x"'
	atf_check -o inline:'in\nout\n' vsh -c 'x=out; y=`x=in; echo $x`; echo $y; echo $x'
	atf_check -o inline:'5\n' vsh -c 'x=`exit 5`; echo $?'
	atf_check -o inline:'2\n' vsh -c 'x=`ls /nonexistent 2>/dev/null`; echo $?'
	atf_check -o inline:'[a\n\nb]\n' vsh -c 'x=`printf "a\n\nb\n\n\n"`; echo "[$x]"'
}

atf_test_case big_output
big_output_head() { atf_set descr "output larger than a pipe, from each kind of command"; }
big_output_body()
{
	atf_check -o inline:'300000\n300000\n300000\n' vsh -c '
	    a=`head -c 300000 /dev/zero | tr "\0" x`; echo ${#a}
	    b=`printf "%0300000d" 0`; echo ${#b}
	    c=`i=0; while [ $i -lt 3000 ]; do printf "%0100d" 0; i=$((i+1)); done`; echo ${#c}'
}

atf_test_case stdin_and_stderr
stdin_and_stderr_head() { atf_set descr "the command reads the shell's stdin; stderr is not captured"; }
stdin_and_stderr_body()
{
	atf_check -o inline:'[data]\n' vsh -c 'x=`cat`; echo "[$x]"' <<EOF
data
EOF
	atf_check -o inline:'[]\n' -e inline:'err\n' vsh -c 'x=`echo err >&2`; echo "[$x]"'
	atf_check -o inline:'[]\n' -e inline:'err\n' vsh -c 'x=`printf "err\n" >&2`; echo "[$x]"'
}

atf_test_case errexit_inside
errexit_inside_head() { atf_set descr "set -e applies inside the substitution's subshell"; }
errexit_inside_body()
{
	atf_check -o inline:'[]\n' vsh -c 'set -e; x=`false; echo no` || true; echo "[$x]"'
}

atf_init_test_cases()
{
	atf_add_test_case paths
	atf_add_test_case big_output
	atf_add_test_case stdin_and_stderr
	atf_add_test_case errexit_inside
}
