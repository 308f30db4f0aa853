#! /usr/bin/env atf-sh
# Pathname expansion (XCU 2.6.6) and pattern matching (XCU 2.14).
# Expected outputs were checked against dash (/usr/bin/dash).
. "$(atf_get_srcdir)/common.sh"

atf_test_case star_question
star_question_head() { atf_set descr '* and ? match names; results are sorted'; }
star_question_body()
{
	mkdir -p g/dir/sub g/other
	(cd g && touch a1 a2 b1 .hidden "x y" "st*r" dir/f1 dir/f2 dir/sub/deep other/f3 "[ab]" é)
	atf_check -s exit:0 -o inline:'a1 a2\na1 b1\na1 b1\n' -e empty vsh -c 'cd g; echo a*; echo ?1; echo *1'
	atf_check -s exit:0 -o inline:'[ab] a1 a2 b1 dir other st*r x y é\n' -e empty vsh -c 'cd g; echo *'
	atf_check -s exit:0 -o inline:'dir/f1 dir/f2 dir/sub\ndir/f1 dir/f2 other/f3\n' -e empty vsh -c 'cd g; echo dir/*; echo */f?'
	atf_check -s exit:0 -o inline:'dir/sub/deep\n' -e empty vsh -c 'cd g; echo */*/*'
	atf_check -s exit:0 -o inline:'nomatch*\nno match ?z\n' -e empty vsh -c 'cd g; echo nomatch*; echo "no match" ?z'
}

atf_test_case brackets
brackets_head() { atf_set descr 'bracket expressions: ranges, negation, classes'; }
brackets_body()
{
	mkdir -p g/dir/sub g/other
	(cd g && touch a1 a2 b1 .hidden "x y" "st*r" dir/f1 dir/f2 dir/sub/deep other/f3 "[ab]" é)
	atf_check -s exit:0 -o inline:'a1 b1\na2\nb1\n' -e empty vsh -c 'cd g; echo [ab]1; echo [a-b]2; echo [!a]1'
	atf_check -s exit:0 -o inline:'b1\n' -e empty env LC_ALL=C.UTF-8 vsh -c 'cd g; echo [^a]1'
	atf_check -s exit:0 -o inline:'é a1 a2 b1 é é\n' -e empty env LC_ALL=C.UTF-8 vsh -c 'cd g; echo ? ?? [é] [[:alpha:]]'
	atf_check -s exit:0 -o inline:'a1 b1\n[[:digit:]]*\n[[:upper:]]*\n' -e empty vsh -c 'cd g; echo [[:alpha:]]1; echo [[:digit:]]*; echo [[:upper:]]*'
	atf_check -s exit:0 -o inline:'a1 a2\na2\n' -e empty vsh -c 'cd g; echo a[[:digit:]]; echo [[:alpha:][:digit:]]2'
	atf_check -s exit:0 -o inline:'a1\na2\na1 b1\n' -e empty env LC_ALL=C.UTF-8 vsh -c 'cd g; echo [[=a=]]1; echo [[.a.]]2; echo [[.a.]-b]1'
	atf_check -s exit:0 -o inline:'[ab\n[ab]\n[ab]\n' -e empty vsh -c 'cd g; echo [ab; echo [ab]; echo "[ab]"'
	atf_check -s exit:0 -o inline:'[ab]\n[ab]\n' -e empty vsh -c 'cd g; echo \[ab]; echo [[]ab]'
}

atf_test_case dot_and_slash
dot_and_slash_head() { atf_set descr 'a leading period and slashes must be matched explicitly'; }
dot_and_slash_body()
{
	mkdir -p g/dir/sub g/other
	(cd g && touch a1 a2 b1 .hidden "x y" "st*r" dir/f1 dir/f2 dir/sub/deep other/f3 "[ab]" é)
	atf_check -s exit:0 -o inline:'.hidden\n*hidden\n' -e empty vsh -c 'cd g; echo .h*; echo *hidden'
	atf_check -s exit:0 -o inline:'. .. .hidden\n' -e empty vsh -c 'cd g; echo .*'
	atf_check -s exit:0 -o inline:'dir/sub\ndir?sub\ndir/\n' -e empty vsh -c 'cd g; echo di?/s*; echo dir?sub 2>/dev/null; echo d*/'
	atf_check -s exit:0 -o inline:'[.]hidden\n' -e empty vsh -c 'cd g; echo [.]hidden'
}

atf_test_case quoting
quoting_head() { atf_set descr 'quoted pattern characters are literal'; }
quoting_body()
{
	mkdir -p g/dir/sub g/other
	(cd g && touch a1 a2 b1 .hidden "x y" "st*r" dir/f1 dir/f2 dir/sub/deep other/f3 "[ab]" é)
	atf_check -s exit:0 -o inline:'a*\na*\na1 a2\n' -e empty vsh -c 'cd g; echo "a*"; echo a"*"; echo '\''a'\''*'
	atf_check -s exit:0 -o inline:'st*r\nst*r\nst*r\n' -e empty vsh -c 'cd g; echo st"*"r; echo st*r; echo "st*"*'
	atf_check -s exit:0 -o inline:'a1 a2\na*\n' -e empty vsh -c 'cd g; x="a*"; echo $x; echo "$x"'
	atf_check -s exit:0 -o inline:'dir/f1 dir/f2 dir/sub\n' -e empty vsh -c 'cd g; x="*"; echo dir/$x'
	atf_check -s exit:0 -o inline:'a1 a1\n' -e empty vsh -c 'cd g; x=1; echo a$x a*$x'
	atf_check -s exit:0 -o inline:'x y\nx y\n' -e empty vsh -c 'cd g; x="x y"; echo $x; echo x*'
	atf_check -s exit:0 -o inline:'[ab]1 a1 b1\n' -e empty vsh -c 'cd g; p="[ab]"; echo $p1 "$p"1 ${p}1'
}

atf_test_case noglob
noglob_head() { atf_set descr 'set -f disables pathname expansion'; }
noglob_body()
{
	mkdir -p g/dir/sub g/other
	(cd g && touch a1 a2 b1 .hidden "x y" "st*r" dir/f1 dir/f2 dir/sub/deep other/f3 "[ab]" é)
	atf_check -s exit:0 -o inline:'a*\na1 a2\n' -e empty vsh -c 'cd g; set -f; echo a*; set +f; echo a*'
	atf_check -s exit:0 -o inline:'*\n' -e empty vsh -c 'cd g; set -o noglob; x="*"; echo $x'
}

atf_test_case case_patterns
case_patterns_head() { atf_set descr 'case uses the same patterns; quoted characters are literal'; }
case_patterns_body()
{
	atf_check -s exit:0 -o inline:'yes\n' -e empty vsh -c 'case abc in a*) echo yes;; *) echo no;; esac'
	atf_check -s exit:0 -o inline:'no\n' -e empty vsh -c 'case abc in "a*") echo yes;; *) echo no;; esac'
	atf_check -s exit:0 -o inline:'yes\n' -e empty vsh -c 'case "a*" in "a*") echo yes;; *) echo no;; esac'
	atf_check -s exit:0 -o inline:'yes\nno\n' -e empty vsh -c 'p="a*"; case abc in $p) echo yes;; *) echo no;; esac; case abc in "$p") echo yes;; *) echo no;; esac'
	atf_check -s exit:0 -o inline:'yes\ndash\n' -e empty vsh -c 'case x in [!a-w]) echo yes;; esac; case - in [a-]) echo dash;; esac'
	atf_check -s exit:0 -o inline:'backslash\n' -e empty vsh -c 'case "a\\b" in *\\*) echo backslash;; esac'
	atf_check -s exit:0 -o inline:'esc\nq\n' -e empty vsh -c 'case ab in a\b) echo esc;; esac; case "a?" in a\?) echo q;; esac'
	atf_check -s exit:0 -o inline:'dot\nslash\nstar\n' -e empty vsh -c 'case . in ?) echo dot;; esac; case / in ?) echo slash;; esac; case a/b in a*b) echo star;; esac'
	atf_check -s exit:0 -o inline:'empty\nalt\n' -e empty vsh -c 'case "" in "") echo empty;; esac; case x in ""|x) echo alt;; esac'
	atf_check -s exit:0 -o inline:'mid\nbracket\n' -e empty vsh -c 'x=abc; case $x in *b*) echo mid;; esac; case "[" in [) echo bracket;; esac'
	atf_check -s exit:0 -o inline:'one\nalpha\nneg\n' -e empty env LC_ALL=C.UTF-8 vsh -c 'case é in ?) echo one;; esac; case é in [[:alpha:]]) echo alpha;; esac; case xé in x[!a]) echo neg;; esac'
	# A quoted ':' (or '=', '.') after '[' opens no class, nor does one from a quoted expansion.
	atf_check -s exit:0 -o inline:'X\nX\nM\nM\n' -e empty vsh -c 'c=":alpha:"
	    case a in [[\:alpha:]]) echo M;; *) echo X;; esac
	    case a in [["$c"]]) echo M;; *) echo X;; esac
	    case "a]" in [["$c"]]) echo M;; *) echo X;; esac
	    case : in [[\:]) echo M;; *) echo X;; esac'
	atf_check -s exit:0 -o inline:'a\nM\n' -e empty vsh -c 'x=a.b; echo ${x%"."*}; case a.b in a\.b) echo M;; esac'
}

atf_test_case quoted_class_brackets
quoted_class_brackets_head() { atf_set descr "a quoted '[' ':' '=' '.' in a bracket expression opens and closes no class, in globs, case and \${x#pattern}"; }
quoted_class_brackets_body()
{
	mkdir g
	(cd g && touch a b : = .a x.y 'p]')
	# Pathname expansion: quoted, the class is a list of characters.
	cat >script <<'END'
cd g; c=":alpha:"; e="=a="; d=".a."
echo 1 [[\:alpha:]] [["$c"]] [[:alpha:]]
echo 2 [[\=a=]] [["$e"]] [[=a=]]
echo 3 [[\.a.]] [["$d"]] [[.a.]]
echo 4 [[:alpha\:]] [[:alph"a":]] [[:"alpha":]]
echo 5 [\[:]* ["[":]
END
	atf_check -o inline:'1 p] p] a b\n2 [[=a=]] [[=a=]] a\n3 [[.a.]] [[.a.]] a\n4 p] a b a b\n5 : :\n' -e empty vsh script
	# Prefix and suffix removal.
	cat >script <<'END'
c=":alpha:"; e="=a="; d=".a."; x=abc; y=:bc
echo 1 ${x#[[\:alpha:]]} ${x#[["$c"]]} ${x#[[:alpha:]]}
echo 2 ${x#[[\=a=]]} ${x#[["$e"]]} ${x#[[=a=]]}
echo 3 ${x#[[\.a.]]} ${x#[["$d"]]} ${x#[[.a.]]}
echo 4 ${y#[[\:alpha:]]} ${y#[["$c"]]} "${y#[[\:]}" ${y%%[!"$c"]*}
END
	atf_check -o inline:'1 abc abc bc\n2 abc abc bc\n3 abc abc bc\n4 :bc :bc bc :\n' -e empty vsh script
	# case: a quoted ':' or ']' does not end a class either ("[[:alpha\:]]" is
	# '[' ':' 'a' ... then ']'), a quoted name does; a class from an unquoted expansion.
	cat >script <<'END'
for s in a b 'a]' ':]' ']'; do
	r=
	case $s in [[:alpha\:]]) r=${r}1;; esac
	case $s in [[:alp"ha":]]) r=${r}2;; esac
	case $s in [[:alpha:"]"]) r=${r}3;; esac
	case $s in [\[:alpha:]]) r=${r}4;; esac
	case $s in ["[":alpha:]]) r=${r}5;; esac
	case $s in [[":"]) r=${r}6;; esac
	p='[[:alpha:]]'; case $s in $p) r=${r}7;; esac
	p='[[\:alpha:]]'; case $s in $p) r=${r}8;; esac
	echo "$s=$r"
done
END
	atf_check -o inline:'a=237\nb=27\na]=1458\n:]=1458\n]=3\n' -e empty vsh script
}

atf_test_case sorted_many
sorted_many_head() { atf_set descr 'Matches come out in byte order in the C locale, also for many names sharing long prefixes'; }
sorted_many_body()
{
	mkdir d
	# 2,000 names: numbers, with and without a shared 9-byte prefix, and bytes above 127.
	i=0
	while [ "$i" -lt 500 ]; do
		: >"d/f$i" >"d/file_0000$i" >"d/$(printf '\303\251')$i" >"d/x$((i * 7919 % 1000))y"
		i=$((i + 1))
	done
	: >d/file_0000 >d/file_00001234567890 >"d/a b" >d/ab
	ls -A d | LC_ALL=C sort >expected
	export LC_ALL=C
	atf_check -s exit:0 -o file:expected -e empty vsh -c 'cd d && printf "%s\n" *'
	sed 's|^|d/|' expected >expected.paths
	atf_check -s exit:0 -o file:expected.paths -e empty vsh -c 'printf "%s\n" d/*'
	grep '^d/file_' expected.paths >expected.file
	atf_check -s exit:0 -o file:expected.file -e empty vsh -c 'printf "%s\n" d/file_*'
}

atf_init_test_cases()
{
	atf_add_test_case sorted_many
	atf_add_test_case star_question
	atf_add_test_case brackets
	atf_add_test_case dot_and_slash
	atf_add_test_case quoting
	atf_add_test_case noglob
	atf_add_test_case case_patterns
	atf_add_test_case quoted_class_brackets
}
