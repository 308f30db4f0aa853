#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case positionals
positionals_head() { atf_set descr "set -- and operands set the positional parameters"; }
positionals_body()
{
	atf_check -o inline:'3 a b c\n0\n2 x y\n1 -x\n' \
	    vsh -c 'set -- a b c; echo $# $*; set --; echo $#; set - x y; echo $# $*; set -- -x; echo $# $1'
	atf_check -o inline:'2 a b\n' vsh -c 'set -e a b; echo $# $*'
	atf_check -o inline:'2 a b\n' vsh -c 'set a b; set -e; echo $# $*'
	atf_check -o inline:'*\n' vsh -c 'set -f -- "*"; echo $1'
}

atf_test_case letters
letters_head() { atf_set descr "option letters, on with - and off with +"; }
letters_body()
{
	atf_check -o inline:'eu\n\nCf\n' vsh -c 'set -eu; echo $-; set +eu; echo $-; set -Cf; echo $-'
	atf_check -o inline:'x\n' -e inline:'+ echo x\n' vsh -c 'set -x; echo x'
	atf_check -o inline:'x\n' -e inline:'+ set -\n' vsh -c 'set -xv; set -; echo x'
	atf_check -o inline:'a=1\n' vsh -c 'set -a; a=1; sh -c "echo a=\$a"'
}

atf_test_case long_names
long_names_head() { atf_set descr "-o name and +o name"; }
long_names_body()
{
	atf_check -o inline:'e\n\nf\n' vsh -c 'set -o errexit; echo $-; set +o errexit; echo $-; set -eo noglob +e; echo $-'
	atf_check -s exit:1 -o empty vsh -c 'set -o pipefail; false | true'
}

atf_test_case listing
listing_head() { atf_set descr "set -o lists options; set +o and set list re-inputtable commands"; }
listing_body()
{
	atf_check -o match:'^errexit         on$' -o match:'^noglob          off$' -o match:'^vfork           ' \
	    vsh -c 'set -e; set -o'
	atf_check -o match:'^set -o errexit$' -o match:'^set \+o noglob$' -o not-match:'interactive' \
	    vsh -c 'set -e; set +o'
	atf_check -o inline:'on\n' vsh -c 'set -e; saved=$(set +o); set +e; eval "$saved"; set -o | sed -n "s/^errexit *//p"'
	atf_check -o inline:"x='a b'\\\\''c'\ny=plain\n" vsh -c "x=\"a b'c\" y=plain; set | grep -E '^(x|y)='"
	atf_check -o inline:'ok\n' vsh -c 'x="a b'"'"'c"; s=$(set | grep ^x=); unset x; eval "$s"; [ "$x" = "a b'"'"'c" ] && echo ok'
}

atf_test_case errors
errors_head() { atf_set descr "bad options are special built-in errors: a script exits, an interactive shell goes on"; }
errors_body()
{
	atf_check -s exit:2 -o empty -e match:'set: -q: invalid option$' vsh -c 'set -q; echo not reached'
	atf_check -s exit:2 -o empty -e match:'set: nosuch: invalid option name$' vsh -c 'set -o nosuch; echo not reached'
	atf_check -s exit:2 -o empty -e match:'set: \+q: invalid option$' vsh -c 'set +q; echo not reached'
	printf 'set -q\necho reached $?\n' >script
	atf_check -s exit:0 -o inline:'reached 2\n' -e match:'set: -q: invalid option' vsh -i <script
}

atf_test_case shift
shift_head() { atf_set descr "shift [n]"; }
shift_body()
{
	atf_check -o inline:'b c\n\n0\n' vsh -c 'set -- a b c; shift; echo $*; shift 2; echo $*; echo $#'
	atf_check -o inline:'3\n' vsh -c 'set -- a b c; shift 0; echo $#'
	atf_check -s exit:2 -o empty -e match:"shift: can't shift that many$" vsh -c 'set -- a; shift 2; echo not reached'
	atf_check -s exit:2 -o empty -e match:"shift: can't shift that many$" vsh -c 'shift; echo not reached'
	atf_check -s exit:2 -o empty -e match:'shift: abc: bad number$' vsh -c 'shift abc; echo not reached'
	atf_check -s exit:2 -o empty -e match:'shift: -1: bad number$' vsh -c 'shift -1; echo not reached'
	atf_check -o inline:'b\n' vsh -c 'f() { shift; echo $1; }; f a b'
	atf_check -o inline:'survived 2\n' -e match:"shift: can't shift that many$" \
	    vsh -c 'command shift 3; echo survived $?'
	printf 'shift 3\necho reached $?\n' >script
	atf_check -s exit:0 -o inline:'reached 2\n' -e match:"shift: can't shift that many" vsh -i <script
}

atf_test_case shift_then_use
shift_then_use_head() { atf_set descr "after shift: \$@, \$*, \$#, \$N, set --, functions, for, nested calls"; }
shift_then_use_body()
{
	# shift moves the start of the list: everything that reads it must see the rest only
	atf_check -o inline:'2 <c> <d> \ncd|d\n' \
	    vsh -c 'set -- a b c d; shift 2; printf "%s" "$# "; printf "<%s> " "$@"; echo; IFS=; echo "$*|${2}"'
	atf_check -o inline:'c\nd\n3 x y z\n2 y z\n' \
	    vsh -c 'set -- a b c d; shift 2; for a; do echo $a; done; set -- x y z; echo $# $*; shift; echo $# $*'
	# set -- and shift inside a function; the caller's list comes back whole
	atf_check -o inline:'1 q\n0\n3 a b c\n2 b c\n' \
	    vsh -c 'f() { set -- p q; shift; echo $# $*; shift; echo $#; }; set -- a b c; f x; echo $# $*; shift; echo $# $*'
	atf_check -o inline:'in 1 3\nout 2 b c\n' \
	    vsh -c 'g() { echo in $# $1; }; f() { shift 2; g "$@"; }; set -- a b c; shift; f 1 2 3; echo out $# $*'
	atf_check -o inline:'b c\nafter 3 a b c\n' \
	    vsh -c 'set -- a b c; (shift; echo $*); echo after $# $*'
	# shift everything, then set again; an error leaves the list alone
	atf_check -o inline:'0\n1 z\n' vsh -c 'set -- a b; shift 2; echo $# "$@"; set -- z; echo $# $1'
	atf_check -o inline:'2 2 b c\n' -e match:"shift: can't shift that many$" \
	    vsh -c 'set -- a b c; shift; command shift 3; echo $? $# $*'
	# a long list, shifted one at a time to the end
	atf_check -o inline:'5000 1 5000\n2500 2501\n0\n' \
	    vsh -c 'i=0; while [ $i -lt 5000 ]; do i=$((i+1)); set -- "$@" $i; done; echo $# $1 ${5000}
		shift 2500; echo $# $1; while [ $# -gt 0 ]; do shift; done; echo $#'
}

atf_init_test_cases()
{
	atf_add_test_case positionals
	atf_add_test_case shift_then_use
	atf_add_test_case letters
	atf_add_test_case long_names
	atf_add_test_case listing
	atf_add_test_case errors
	atf_add_test_case shift
}
