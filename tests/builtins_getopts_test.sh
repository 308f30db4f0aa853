#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case loop
loop_head() { atf_set descr "options, grouped flags, option arguments, --"; }
loop_body()
{
	cat >script <<'END'
while getopts ab:c opt -a -bfoo -ca -b bar -- rest; do
	echo "$opt ${OPTARG-unset} $OPTIND"
done
echo "end $opt $OPTIND"
END
	atf_check -o inline:'a unset 2\nb foo 3\nc unset 4\na unset 4\nb bar 6\nend ? 7\n' vsh script
}

atf_test_case positional
positional_head() { atf_set descr "without arguments, the positional parameters are parsed"; }
positional_body()
{
	cat >script <<'END'
while getopts xy: opt; do
	case $opt in
	x) echo x ;;
	y) echo "y=$OPTARG" ;;
	esac
done
shift $((OPTIND - 1))
echo "rest: $*"
END
	atf_check -o inline:'x\ny=1\nx\nrest: a b\n' vsh script -xy 1 -x a b
	atf_check -o inline:'rest: a -x\n' vsh script a -x
	atf_check -o inline:'x\nrest: -\n' vsh script -x -
}

atf_test_case errors
errors_head() { atf_set descr "unknown options and missing arguments"; }
errors_body()
{
	atf_check -o inline:'? unset 2\n' -e match:'getopts: illegal option -- z$' \
	    vsh -c 'getopts a o -z; echo "$o ${OPTARG-unset} $OPTIND"'
	atf_check -o inline:'? unset 2\n' -e match:'getopts: option requires an argument -- b$' \
	    vsh -c 'getopts b: o -b; echo "$o ${OPTARG-unset} $OPTIND"'
	atf_check -s exit:2 -e match:'usage: getopts' vsh -c 'getopts a'
	atf_check -s exit:2 -e match:'getopts: 1o: bad variable name$' vsh -c 'getopts a 1o -a'
}

atf_test_case silent
silent_head() { atf_set descr "a leading ':' in optstring: no messages, OPTARG is the letter"; }
silent_body()
{
	atf_check -o inline:'a unset 2\n? z 3\n: b 4\n' -e empty \
	    vsh -c 'while getopts :ab: o -a -z -b; do echo "$o ${OPTARG-unset} $OPTIND"; done'
}

atf_test_case reset
reset_head() { atf_set descr "OPTIND=1 starts over, even inside a group; OPTIND names the next argument (as in dash)"; }
reset_body()
{
	atf_check -o inline:'a 2\na 2\nb 2\n' \
	    vsh -c 'set -- -ab; getopts ab o; echo $o $OPTIND; OPTIND=1; getopts ab o; echo $o $OPTIND; getopts ab o; echo $o $OPTIND'
	atf_check -o inline:'a 2\nb 2\n1 ? 2\n' \
	    vsh -c 'set -- -ab x; getopts ab o; echo "$o $OPTIND"; getopts ab o; echo "$o $OPTIND"; getopts ab o; echo "$? $o $OPTIND"'
}

atf_init_test_cases()
{
	atf_add_test_case loop
	atf_add_test_case positional
	atf_add_test_case errors
	atf_add_test_case silent
	atf_add_test_case reset
}
