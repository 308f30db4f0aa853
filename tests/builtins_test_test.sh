#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

# check STATUS 'commands': the commands' last status is STATUS.
check()
{
	atf_check -s exit:0 -o inline:"$1\n" vsh -c "$2; echo \$?"
}

atf_test_case counts
counts_head() { atf_set descr "the POSIX rules for 0 to 4 arguments"; }
counts_body()
{
	check 1 'test'
	check 1 '[ ]'
	check 0 'test x'
	check 1 'test ""'
	check 0 'test -n'
	check 0 'test !'
	check 0 'test "("'
	check 1 'test ! x'
	check 0 'test ! ""'
	check 0 'test -z ""'
	check 1 'test -n ""'
	check 1 'test ! = a'
	check 0 'test -eq = -eq'
	check 0 'test "(" x ")"'
	check 1 'test "(" "" ")"'
	check 0 'test ! -z x'
	check 1 'test ! a = a'
	check 0 'test "(" -n x ")"'
	check 0 'test x -a y'
	check 1 'test "" -a y'
	check 0 'test "" -o y'
	check 0 '[ a = a ]'
}

atf_test_case strings
strings_head() { atf_set descr "string primaries"; }
strings_body()
{
	check 0 'test a = a'
	check 1 'test a = b'
	check 0 'test a != b'
	check 0 'test a "<" b'
	check 1 'test b "<" a'
	check 0 'test b ">" a'
	check 0 'test abc == abc'
}

atf_test_case integers
integers_head() { atf_set descr "integer primaries and their errors"; }
integers_body()
{
	check 0 'test 1 -eq 1'
	check 0 'test " 1 " -eq 1'
	check 0 'test -1 -lt 0'
	check 0 'test 2 -gt 1 && test 2 -ge 2 && test 1 -le 1 && test 1 -ne 2'
	check 1 'test 1 -gt 2'
	atf_check -s exit:2 -e match:'test: abc: bad number$' vsh -c 'test abc -eq 1'
	atf_check -s exit:2 -e match:'test: 99999999999999999999: bad number$' \
	    vsh -c 'test 99999999999999999999 -eq 1'
	atf_check -s exit:2 -e match:'test: : bad number$' vsh -c 'test "" -eq 1'
}

atf_test_case files
files_head() { atf_set descr "file primaries"; }
files_body()
{
	mkdir dir
	echo x >file
	: >empty
	ln -s file link
	ln -s nowhere dangling
	mkfifo fifo
	chmod 755 file
	check 0 'test -d dir && test ! -d file'
	check 0 'test -f file && test ! -f dir && test -f link'
	check 0 'test -e file && test -e dir && test ! -e nowhere && test ! -e dangling'
	check 0 'test -h link && test -L dangling && test ! -h file'
	check 0 'test -s file && test ! -s empty && test ! -s nowhere'
	check 0 'test -p fifo && test ! -p file'
	check 0 'test -c /dev/null && test ! -b /dev/null'
	check 0 'test -r file && test -x file && test ! -x empty'
	check 0 'test ! -u file && test ! -g file'
	check 0 'test ! -S file'
	check 0 'test -t 5 5>/dev/null; test $? = 1'
	check 0 'test -ef = -ef && test file -ef link && test ! file -ef empty'
	touch -t 202001010000 old
	touch -t 202101010000 new
	check 0 'test new -nt old && test old -ot new && test ! old -nt new'
	check 0 'test new -nt nowhere && test nowhere -ot new && test ! nowhere -nt new'
}

atf_test_case expressions
expressions_head() { atf_set descr "! -a -o and parentheses beyond 4 arguments"; }
expressions_body()
{
	check 0 'test 1 -lt 2 -a 3 -gt 2 -o x'
	check 0 'test "" -a "" -o x'
	check 0 'test x -o y -a ""'
	check 1 'test "" -o "" -a x'
	check 0 'test x -o "" -a ""'
	check 1 'test "(" x -o y ")" -a ""'
	check 0 'test ! "" -a ! ""'
	check 0 'test -d / -a "(" -f /nowhere -o x ")"'
	check 0 'test ! ! ! "" -a x'
	atf_check -s exit:2 -e match:'test: .*: unexpected operator$' vsh -c 'test a b c d e'
	atf_check -s exit:2 -e match:'test: .*argument expected$' vsh -c 'test 1 -eq 1 -a'
}

atf_test_case errors
errors_head() { atf_set descr "syntax errors: status 2"; }
errors_body()
{
	atf_check -s exit:2 -e match:'\[: missing \]$' vsh -c '[ 1 = 1'
	atf_check -s exit:2 -e match:'\[: missing \]$' vsh -c '['
	atf_check -s exit:2 -e match:'test: a: unexpected operator$' vsh -c 'test a b'
	atf_check -s exit:2 -e match:'test: b: unexpected operator$' vsh -c 'test a b c'
	# A byte above 127 after "-" is no operator either (found by fuzz/script:
	# undefined behaviour as a negative char under UBSan).
	atf_check -s exit:2 -e match:'unexpected operator$' vsh -c 'test 1 "-$(printf "\\233")t" 2'
	atf_check -s exit:0 -o inline:'2\n' -e ignore vsh -c 'test a b; echo $?'
}

atf_init_test_cases()
{
	atf_add_test_case counts
	atf_add_test_case strings
	atf_add_test_case integers
	atf_add_test_case files
	atf_add_test_case expressions
	atf_add_test_case errors
}
