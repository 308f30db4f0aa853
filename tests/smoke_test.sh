#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case echo_c
echo_c_head() { atf_set descr "vsh -c runs a command"; }
echo_c_body()
{
	atf_check -s exit:0 -o inline:'hello\n' -e empty vsh -c 'echo hello'
	atf_check -s exit:3 -o empty -e empty vsh -c 'exit 3'
}

atf_init_test_cases()
{
	atf_add_test_case echo_c
}
