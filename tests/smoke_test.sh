#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case echo_c
echo_c_head() { atf_set descr "vsh -c runs a command"; }
echo_c_body()
{
	atf_check -s exit:0 -o inline:'hello\n' -e empty vsh -c 'echo hello'
	atf_check -s exit:3 -o empty -e empty vsh -c 'exit 3'
}

atf_test_case lone_dash_operand
lone_dash_operand_head() { atf_set descr "a lone - ends the options and is ignored: vsh - script, vsh -c - cmd, #!vsh -"; }
lone_dash_operand_body()
{
	echo 'echo "$0 $#: $*"' >script
	atf_check -o inline:'script 2: a b\n' -e empty vsh - script a b
	atf_check -o inline:'name arg\n' -e empty vsh -c - 'echo "$0 $1"' name arg
	atf_check -o inline:'p q\n' -e empty vsh -s - p q <<'END'
echo "$*"
END
	printf '#!%s -\necho "$0 $#: $*"\n' "$(vsh_path)" >hashbang
	chmod +x hashbang
	atf_check -o inline:'./hashbang 2: x y\n' -e empty ./hashbang x y
	# "-x -" still sets -x.
	atf_check -o inline:'t\n' -e inline:'+ echo t\n' vsh -x - /dev/stdin <<'END'
echo t
END
	# ... and so do -o and "--"; with nothing after "-" the script is standard input.
	echo 'echo "$0 $#: $* $-"' >flags
	atf_check -o inline:'flags 1: a e\n' -e empty vsh -o errexit - flags a
	atf_check -o inline:'flags 1: b e\n' -e empty vsh -e -- flags b
	atf_check -o inline:'n: y\n' -e empty vsh -c -- 'echo "$0: $*"' n y
	atf_check -o inline:'in s\n' -e empty vsh - <<'END'
echo in $-
END
	# After the command string, "-" is the command name ($0), not skipped.
	atf_check -o inline:'- 1\n' -e empty vsh -c 'echo "$0 $#"' - x
	# Only the first "-" is skipped: the next is the script's name.
	atf_check -s exit:127 -o empty -e match:'cannot open -' vsh - - script
	# A lone "+" is an empty group of options: those after it still count (dash, bash).
	atf_check -o inline:'hi\n' -e empty vsh + -c 'echo hi'
	atf_check -o inline:'script 1: a\n' -e empty vsh + -x +x script a
}

atf_init_test_cases()
{
	atf_add_test_case echo_c
	atf_add_test_case lone_dash_operand
}
