#! /usr/bin/env atf-sh
# Field splitting (XCU 2.6.5).
# Expected outputs were checked against dash (/usr/bin/dash).
. "$(atf_get_srcdir)/common.sh"

atf_test_case default_ifs
default_ifs_head() { atf_set descr 'IFS unset or default: runs of white space separate, ends trimmed'; }
default_ifs_body()
{
	atf_check -s exit:0 -o inline:'<a><b><c><d>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; x="  a  b	c
d  "; show $x'
	atf_check -s exit:0 -o inline:'<a><b><c>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; unset IFS; x="  a  b	c "; show $x'
	atf_check -s exit:0 -o inline:'<a><b><a b><xa><by>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; x="a b"; show $x "$x" x$x"y"'
	atf_check -s exit:0 -o inline:'<>\n<>\n<>\n<>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; x=; show $x; show "$x"; show $x""; show ""$x'
	atf_check -s exit:0 -o inline:'<>\n<x>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; x=" "; show $x; show x$x'
}

atf_test_case non_white
non_white_head() { atf_set descr 'non-white IFS characters delimit fields, empty ones included'; }
non_white_body()
{
	atf_check -s exit:0 -o inline:'<a><><b>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=:; x=a::b; show $x'
	atf_check -s exit:0 -o inline:'<><a>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=:; x=:a:; show $x'
	atf_check -s exit:0 -o inline:'<a>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=:; x=a:; show $x'
	atf_check -s exit:0 -o inline:'<><>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=:; x=::; show $x'
	atf_check -s exit:0 -o inline:'<>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=:; x=":"; show $x'
	atf_check -s exit:0 -o inline:'<a><b><c>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=": "; x=" a : b  :c: "; show $x'
	atf_check -s exit:0 -o inline:'<><a>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=" :"; x=" :a"; show $x'
	atf_check -s exit:0 -o inline:'<a><><b>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=": "; x="a  ::  b"; show $x'
	atf_check -s exit:0 -o inline:'<a b><c>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=:; x="a b:c"; show $x'
}

atf_test_case empty_ifs
empty_ifs_head() { atf_set descr 'empty IFS: no splitting'; }
empty_ifs_body()
{
	atf_check -s exit:0 -o inline:'<a b:c>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=; x="a b:c"; show $x'
	atf_check -s exit:0 -o inline:'<>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=; x=; show $x'
	atf_check -s exit:0 -o inline:'<a b><c>\n<a b><c>\n<a bc>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=; set -- "a b" c; show $*; show $@; show "$*"'
}

atf_test_case multibyte_ifs
multibyte_ifs_head() { atf_set descr 'a multibyte IFS character delimits as a whole character'; }
multibyte_ifs_body()
{
	atf_check -s exit:0 -o inline:'<a><b><><càd>\naéb\n' -e empty env LC_ALL=C.UTF-8 vsh -c 'IFS=é; x="aébéécàd"; set -- $x; printf "<%s>" "$@"; echo; set -- a b; echo "$*"'
}

atf_test_case only_expansions
only_expansions_head() { atf_set descr 'only the results of unquoted expansions are split'; }
only_expansions_body()
{
	atf_check -s exit:0 -o inline:'<a:b><c:d>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=:; x=b:c; show a:$x:d'
	atf_check -s exit:0 -o inline:'<foo>\n<f><>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=o; show foo; x=foo; show $x'
	atf_check -s exit:0 -o inline:'<><><2><112>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=1; show $((111+1)) "$((111+1))"'
	atf_check -s exit:0 -o inline:'<a><b><a:b>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=:; show $(echo a:b) "$(echo a:b)"'
	atf_check -s exit:0 -o inline:'<a><b>\n<a><bz>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; x="a b"; y=$x; show $y; y="$x"z; show $y'
	atf_check -s exit:0 -o inline:'<a>\n<b>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; x="a  b"; for i in $x; do show "$i"; done'
	atf_check -s exit:0 -o inline:'<a>\n<b>\n<a:b>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=:; x="a:b"; for i in $x "$x"; do show "$i"; done'
}

atf_test_case adjacent_quoted
adjacent_quoted_head() { atf_set descr 'quoted parts join the neighbouring fields'; }
adjacent_quoted_body()
{
	atf_check -s exit:0 -o inline:'<<><a><b><>>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; x=" a b "; show "<"$x">"'
	atf_check -s exit:0 -o inline:'<a><>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; x=" a "; show $x""'
	atf_check -s exit:0 -o inline:'<><a>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; x=" a "; show ""$x'
	atf_check -s exit:0 -o inline:'<a><bc><d>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; x="a b"; y="c d"; show $x$y'
	atf_check -s exit:0 -o inline:'<a><><b>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; IFS=:; x=a:; y=:b; show $x$y'
}

atf_test_case read_builtin
read_builtin_head() { atf_set descr 'read splits with IFS too'; }
read_builtin_body()
{
	atf_check -s exit:0 -o inline:'[a] [b:c]\n' -e empty vsh -c 'echo "a:b:c" | { IFS=: read x y; echo "[$x] [$y]"; }'
	atf_check -s exit:0 -o inline:'[lead  trail]\n' -e empty vsh -c 'echo "  lead  trail  " | { read x; echo "[$x]"; }'
	atf_check -s exit:0 -o inline:'[a] [b c d]\n' -e empty vsh -c 'echo "a b c d" | { read x y; echo "[$x] [$y]"; }'
	atf_check -s exit:0 -o inline:'[a] [b] []\n' -e empty vsh -c 'echo "a:b:" | { IFS=: read x y z; echo "[$x] [$y] [$z]"; }'
	atf_check -s exit:0 -o inline:'[  a  ]\n' -e empty vsh -c 'echo "  a  " | { IFS= read x; echo "[$x]"; }'
}

atf_init_test_cases()
{
	atf_add_test_case default_ifs
	atf_add_test_case non_white
	atf_add_test_case empty_ifs
	atf_add_test_case multibyte_ifs
	atf_add_test_case only_expansions
	atf_add_test_case adjacent_quoted
	atf_add_test_case read_builtin
}
