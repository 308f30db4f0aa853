#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case define
define_head() { atf_set descr "alias defines and prints re-inputtable definitions"; }
define_body()
{
	cat >script <<'END'
alias a=b c='x y' d="it's"
alias
alias a c
alias ll='echo long'
ll listing
END
	atf_check -o inline:"a=b\nc='x y'\nd='it'\\\\''s'\na=b\nc='x y'\nlong listing\n" vsh script
	cat >script <<'END'
alias q="echo 'a b'"
saved=$(alias)
unalias -a
eval "alias $saved"
q
END
	atf_check -o inline:'a b\n' vsh script
}

atf_test_case not_found
not_found_head() { atf_set descr "alias and unalias of an undefined name: status 1"; }
not_found_body()
{
	atf_check -s exit:1 -e match:'alias: zz: not found$' vsh -c 'alias zz'
	atf_check -s exit:1 -o inline:'a=b\n' -e match:'alias: zz: not found$' vsh -c 'alias a=b; alias zz a'
	atf_check -s exit:1 -e match:'unalias: zz: not found$' vsh -c 'unalias zz'
}

atf_test_case unalias
unalias_head() { atf_set descr "unalias name and unalias -a"; }
unalias_body()
{
	atf_check -o inline:"c=d\n" vsh -c 'alias a=b c=d; unalias a; alias'
	atf_check -o inline:'' vsh -c 'alias a=b c=d; unalias -a; alias'
	atf_check -s exit:2 -e match:'usage: unalias' vsh -c 'unalias'
	atf_check -s exit:2 -e match:'unalias: -x: invalid option' vsh -c 'unalias -x'
}

atf_init_test_cases()
{
	atf_add_test_case define
	atf_add_test_case not_found
	atf_add_test_case unalias
}
