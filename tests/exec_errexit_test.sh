#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case exits
exits_head() { atf_set descr "set -e exits on a failing simple command, pipeline or subshell"; }
exits_body()
{
	atf_check -s exit:1 -o empty vsh -c 'set -e; false; echo no'
	atf_check -s exit:1 -o empty vsh -c 'set -e; true && false; echo no'
	atf_check -s exit:1 -o empty vsh -c 'set -e; (false; echo no); echo no2'
	atf_check -s exit:1 -o empty vsh -c 'set -e; true | false; echo no'
	atf_check -s exit:1 -o empty vsh -c 'set -e; x=`false`; echo no'
	atf_check -s exit:127 -o empty -e match:'nosuch_e: not found' vsh -c 'set -e; nosuch_e; echo no'
	atf_check -s exit:1 -o inline:'a\n' vsh -c 'set -e; if true; then echo a; false; echo no; fi'
	atf_check -s exit:1 -o empty vsh -c 'set -e; f() { false; echo no; }; f'
	atf_check -s exit:1 -o empty vsh -c 'set -e; for i in 1; do false; done; echo no'
	atf_check -s exit:1 -o empty -e match:'No such file' vsh -c 'set -e; { :; } </nonexistent; echo no'
}

atf_test_case ignored
ignored_head() { atf_set descr "set -e is ignored in conditions, && || left sides, ! and functions called there"; }
ignored_body()
{
	atf_check -o inline:'yes\n' vsh -c 'set -e; false || true; echo yes'
	atf_check -o inline:'yes\n' vsh -c 'set -e; false && true; echo yes'
	atf_check -o inline:'yes\n' vsh -c 'set -e; ! true; echo yes'
	atf_check -o inline:'yes\n' vsh -c 'set -e; if false; then :; fi; echo yes'
	atf_check -o inline:'yes\n' vsh -c 'set -e; while false; do :; done; echo yes'
	atf_check -o inline:'yes\n' vsh -c 'set -e; until true; do :; done; echo yes'
	atf_check -o inline:'inf\ncaught\n' vsh -c 'set -e; f() { false; echo inf; false; }; f || echo caught'
	atf_check -o inline:'x\nafter\n' vsh -c 'set -e; (false; echo x) || true; echo after'
	atf_check -o inline:'no\nafter\n' vsh -c 'set -e; { false; echo no; } && true || true; echo after'
	atf_check -o inline:'yes\n' vsh -c 'set -e; false | true; echo yes'
	# eval and . in such a context run their commands in it too.
	atf_check -o inline:'or\nelse\nend\n' \
	    vsh -c 'set -e; eval false || echo or; if eval false; then :; else echo else; fi; echo end'
	atf_check -o inline:'in\nf-in\nend\n' \
	    vsh -c 'set -e; eval "false; echo in" || :; f() { eval false; echo f-in; }; f || :; echo end'
	echo 'false; echo dot-in' >dotted
	atf_check -o inline:'dot-in\nend\n' vsh -c 'set -e; . ./dotted && :; echo end'
	atf_check -o inline:'or\nin\nthen\n' \
	    vsh -c 'set -e; command eval false || echo or; if command eval "false; echo in"; then echo then; fi'
	# The same after !, in while and until conditions, on the left of &&, nested, in a subshell.
	atf_check -o inline:'in\nend\n' vsh -c 'set -e; ! eval "false; echo in"; echo end'
	atf_check -o inline:'in\nend\n' vsh -c 'set -e; while eval "false; echo in; false"; do :; done; echo end'
	atf_check -o inline:'in\nend\n' vsh -c 'set -e; until eval "false; echo in"; do :; done; echo end'
	atf_check -o inline:'in\nand\nend\n' vsh -c 'set -e; eval "false; echo in" && echo and; echo end'
	atf_check -o inline:'deep\nend\n' vsh -c 'set -e; eval "eval \"false; echo deep\"" || :; echo end'
	atf_check -o inline:'sub\nend\n' vsh -c 'set -e; eval "(false; echo sub)" || :; echo end'
	atf_check -o inline:'dot-in\nthen\nend\n' vsh -c 'set -e; if . ./dotted; then echo then; fi; echo end'
	atf_check -o inline:'f-in\nend\n' vsh -c 'set -e; f() { eval "false; echo f-in"; }; ! f; echo end'
	# Elsewhere, and in a trap action run later, set -e applies.
	atf_check -s exit:1 -o empty vsh -c 'set -e; eval false; echo no'
	atf_check -s exit:1 -o empty vsh -c 'set -e; . ./dotted'
	atf_check -s exit:1 -o inline:'t\n' vsh -c 'set -e; trap "echo t; false; echo no" USR1; if eval "kill -USR1 \$\$"; then :; fi; echo no'
}

atf_test_case pipefail
pipefail_head() { atf_set descr "set -o pipefail: the last failing element decides"; }
pipefail_body()
{
	atf_check -o inline:'3\n' vsh -c 'set -o pipefail; (exit 3) | true; echo $?'
	atf_check -o inline:'0\n' vsh -c 'set -o pipefail; true | true; echo $?'
}

atf_init_test_cases()
{
	atf_add_test_case exits
	atf_add_test_case ignored
	atf_add_test_case pipefail
}
