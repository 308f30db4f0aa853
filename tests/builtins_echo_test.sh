#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case plain
plain_head() { atf_set descr "echo writes its arguments separated by spaces"; }
plain_body()
{
	atf_check -o inline:'\n' vsh -c 'echo'
	atf_check -o inline:'a b  c\n' vsh -c 'echo a b "" c'
	atf_check -o inline:'-e x\n' vsh -c 'echo -e x'
	atf_check -o inline:'-- x\n' vsh -c 'echo -- x'
	atf_check -o inline:'-nn x\n' vsh -c 'echo -nn x'
}

atf_test_case no_newline
no_newline_head() { atf_set descr "-n only as the first argument"; }
no_newline_body()
{
	atf_check -o inline:'a b' vsh -c 'echo -n a b'
	atf_check -o inline:'' vsh -c 'echo -n'
	atf_check -o inline:'a -n\n' vsh -c 'echo a -n'
	atf_check -o inline:'-n x' vsh -c 'echo -n -n x'
}

atf_test_case escapes
escapes_head() { atf_set descr "XSI backslash escapes are always interpreted"; }
escapes_body()
{
	atf_check -o inline:'a\tb\nc\\d\n' vsh -c 'echo "a\tb\nc\\\\d"'
	printf '\a\b\f\r\v\033|\n' >expected
	atf_check -o file:expected vsh -c 'echo "\a\b\f\r\v\e|"'
	atf_check -o inline:'AAA\n' vsh -c 'echo "\101\0101\0101" | cut -c1-3'
	printf 'x\0y\n' >expected
	atf_check -o file:expected vsh -c 'echo "x\0y"'
	atf_check -o inline:'\\q \\\n' vsh -c 'echo "\q" "\\"'
}

atf_test_case stop
stop_head() { atf_set descr "\\c ends all output, without the newline"; }
stop_body()
{
	atf_check -o inline:'ab\n' vsh -c 'echo "a\cx" y; echo b'
	atf_check -o inline:'a b' vsh -c 'echo a "b\c" c'
}

atf_test_case write_error
write_error_head() { atf_set descr "a write error is reported with status 1"; }
write_error_body()
{
	atf_check -s exit:1 -e match:'echo: write error: Bad file descriptor$' vsh -c 'echo hi >&-'
	atf_check -s exit:0 -o inline:'1\nok\n' -e match:'echo: write error' \
	    vsh -c 'echo hi >&-; echo $?; echo ok'
}

atf_init_test_cases()
{
	atf_add_test_case plain
	atf_add_test_case no_newline
	atf_add_test_case escapes
	atf_add_test_case stop
	atf_add_test_case write_error
}
