#! /usr/bin/env atf-sh
# Parameter expansion (XCU 2.6.2).
# Expected outputs were checked against dash (/usr/bin/dash).
. "$(atf_get_srcdir)/common.sh"

atf_test_case plain
plain_head() { atf_set descr 'simple and braced parameters, positional beyond 9'; }
plain_body()
{
	atf_check -s exit:0 -o inline:'hello hello helloworld\n' -e empty vsh -c 'x=hello; echo $x ${x} "${x}world"'
	atf_check -s exit:0 -o inline:'a j k a0\n' -e empty vsh -c 'set -- a b c d e f g h i j k; echo $1 ${10} ${11} $10'
	atf_check -s exit:0 -o inline:'3 a b c\n2 b\n' -e empty vsh -c 'set -- a b c; echo $# "$*"; shift; echo $# $1'
	atf_check -s exit:0 -o inline:'11 1x\n' -e empty vsh -c 'x=1; echo $x$x ${x}x'
}

atf_test_case special
special_head() { atf_set descr 'special parameters ? $ - ! 0 #'; }
special_body()
{
	atf_check -s exit:0 -o inline:'1\n0\n' -e empty vsh -c 'false; echo $?; true; echo $?'
	atf_check -s exit:0 -o inline:'7\n' -e empty vsh -c '(exit 7); echo $?'
	atf_check -s exit:0 -o inline:'has-f\n' -e empty vsh -c 'set -f; case $- in *f*) echo has-f;; esac'
	atf_check -s exit:0 -o inline:'pid-ok\n' -e empty vsh -c 'test "$$" -gt 0 && echo pid-ok'
	atf_check -s exit:0 -o inline:'bg-ok\n' -e empty vsh -c 'sleep 0 & test "$!" -gt 0 && echo bg-ok; wait'
	atf_check -s exit:0 -o inline:'2\n' -e empty vsh -c 'set -- a "b c"; echo ${#}'
}

atf_test_case default
default_head() { atf_set descr '${p-w} ${p:-w}'; }
default_body()
{
	atf_check -s exit:0 -o inline:'def def\n' -e empty vsh -c 'unset x; echo ${x-def} ${x:-def}'
	atf_check -s exit:0 -o inline:'[] [def]\n' -e empty vsh -c 'x=; echo "[${x-def}]" "[${x:-def}]"'
	atf_check -s exit:0 -o inline:'val val\n' -e empty vsh -c 'x=val; echo ${x-def} ${x:-def}'
	atf_check -s exit:0 -o inline:'<a><b><a b><a b>\n' -e empty vsh -c 'unset x; y="a b"; show() { printf "<%s>" "$@"; echo; }; show ${x-$y} "${x-$y}" ${x:-"$y"}'
	atf_check -s exit:0 -o inline:'<a><b><a  b>\n' -e empty vsh -c 'unset x; show() { printf "<%s>" "$@"; echo; }; show ${x-a  b} "${x-a  b}"'
	atf_check -s exit:0 -o inline:'<a><b>\n' -e empty vsh -c 'IFS=:; unset x; show() { printf "<%s>" "$@"; echo; }; show ${x:-a:b}'
	atf_check -s exit:0 -o inline:'none none\n' -e empty vsh -c 'set --; echo "${@:-none}" "${*:-none}"'
	atf_check -s exit:0 -o inline:'empty \n' -e empty vsh -c 'set -- ""; echo "${1:-empty}" "${1-set}"'
	atf_check -s exit:0 -o inline:'/home/t/d\n' -e empty vsh -c 'HOME=/home/t; unset x; echo ${x:-~/d}'
}

atf_test_case assign
assign_head() { atf_set descr '${p=w} ${p:=w}'; }
assign_body()
{
	atf_check -s exit:0 -o inline:'one one\n' -e empty vsh -c 'unset x; echo ${x=one} $x'
	atf_check -s exit:0 -o inline:'[] three three\n' -e empty vsh -c 'x=; echo "[${x=two}]" ${x:=three} $x'
	atf_check -s exit:0 -o inline:'a  b\n' -e empty vsh -c 'unset x; : ${x:="a  b"}; echo "$x"'
	atf_check -s exit:0 -o inline:'ok\n' -e empty vsh -c 'set -- 1; : ${1=x}; echo ok'
	atf_check -s exit:2 -o empty -e match:'cannot assign in this way' vsh -c 'set --; : ${1=x}; echo notreached'
	atf_check -s exit:2 -o empty -e match:'read.only' vsh -c 'readonly r=; : ${r:=x}; echo notreached'
}

atf_test_case error
error_head() { atf_set descr '${p?w} ${p:?w}, messages and exit status'; }
error_body()
{
	atf_check -s exit:0 -o inline:'ok ok\n' -e empty vsh -c 'x=ok; echo ${x?bad} ${x:?bad}'
	atf_check -s exit:2 -o empty -e match:'x: parameter not set' vsh -c 'unset x; echo ${x?}; echo notreached'
	atf_check -s exit:2 -o empty -e match:'x: parameter (null or not set|not set or null)' vsh -c 'x=; echo ${x:?}; echo notreached'
	atf_check -s exit:2 -o empty -e match:'x: custom message here' vsh -c 'unset x; echo ${x?custom message here}'
	atf_check -s exit:2 -o empty -e match:'x: hello world' vsh -c 'x=; y=world; echo ${x:?hello $y}'
	atf_check -s exit:0 -o inline:'[]\n' -e empty vsh -c 'x=; echo "[${x?unused}]"'
	atf_check -s exit:0 -o inline:'status 2\n' -e match:'x: sub' vsh -c 'unset x; (echo ${x?sub}); echo status $?'
}

atf_test_case alternative
alternative_head() { atf_set descr '${p+w} ${p:+w}, quoted words inside'; }
alternative_body()
{
	atf_check -s exit:0 -o inline:'alt alt\n[]\n' -e empty vsh -c 'x=1; echo ${x+alt} ${x:+alt}; unset x; echo "[${x+alt}]"'
	atf_check -s exit:0 -o inline:'[alt] []\n' -e empty vsh -c 'x=; echo "[${x+alt}]" "[${x:+alt}]"'
	atf_check -s exit:0 -o inline:'<a  b><a><b><a  b>\n' -e empty vsh -c 'x="a  b"; show() { printf "<%s>" "$@"; echo; }; show ${x+"$x"} ${x+$x} "${x+$x}"'
	atf_check -s exit:0 -o inline:'<a b><c>\n' -e empty vsh -c 'set -- "a b" c; show() { printf "<%s>" "$@"; echo; }; show ${1+"$@"}'
	atf_check -s exit:0 -o inline:'<>\n' -e empty vsh -c 'set --; show() { printf "<%s>" "$@"; echo; }; show ${1+"$@"}'
	atf_check -s exit:0 -o inline:'<p  q><p  q>\n' -e empty vsh -c 'x=1; y="p  q"; show() { printf "<%s>" "$@"; echo; }; show ${x:+"$y"} ${x:+ "$y" }'
}

atf_test_case quoted_empty_word
quoted_empty_word_head() { atf_set descr 'a quoted ${x:-} ${x-} ${x:+} ${x+} with an empty word is one empty field'; }
quoted_empty_word_body()
{
	atf_check -o inline:'1 1 1 1 1 1\n' -e empty \
	    vsh -c 'x=; y=1; n() { printf "%s " $#; }; n "${x:-}"; n "${u-}"; n "${u:+}"; n "${y:+}"; n "${y+}"; echo $#' sh ''
	atf_check -o inline:'true\n' -e empty vsh -c 'x=; [ -n "${x:-}" ] || echo true'
	atf_check -s exit:1 -o empty -e empty vsh -c '[ "${1:-}" = x ]'
	atf_check -o inline:'0\n' -e empty vsh -c 'set -- "${y:+}"; set -- ${y:-}; echo $#'
	# "$@" inside the quoted word: the quotes still make one field.
	atf_check -o inline:'1\n2\n' -e empty vsh -c 'set --; set -- "${y:-$@}"; echo $#; set -- a b; set -- "${y:-$@}"; echo $#'
}

atf_test_case quoted_empty_word_siblings
quoted_empty_word_siblings_head() { atf_set descr 'quoted expansions of an empty word make one field in every form and position'; }
quoted_empty_word_siblings_body()
{
	# The other operators, and a quoted empty expansion inside a larger word.
	cat >script <<'END'
n() { printf '%s ' $#; }
unset u; e=
n "${u:=}"; unset u; n "${u=}"; n "${e?}"; n "${e#}"; n "${e##}"; n "${e%}"; n "${e%%}"; n "${u#x}"; echo
n "${e:-}""${e:+}"; n "a${e:-}"; n "${e:-}a"; n "${e:-""}"; n "${e:-$e}"; n "${e:+$e}"; n "${e:-"$e"}"; echo
n ${e:-""}; n ${e:-"$e"}; n ${e:+""}; n ${e-""}; n ${u+""}; n ${e+""}; n ${u:-'' ''}; echo
unset u; n ${u:=''}; echo "[$u]"
set -- "${e:-}" "${e:+}" "${e-}" "${e+}"; echo "#$#"
END
	atf_check -o inline:'1 1 1 1 1 1 1 1 \n1 1 1 1 1 1 1 \n1 1 0 0 1 1 2 \n0 []\n#4\n' -e empty vsh script
	# Where no field splitting happens: assignments, case, here-documents, patterns, for lists.
	cat >script <<'END'
e=; x=abc
a="${e:-}"b; echo "[$a]"
export ex="${e:+}"; echo "[$ex]"
case "${e:-}" in "") echo case-subject;; esac
case "" in "${e:-}") echo case-pattern;; esac
case x in ${e:-}x) echo case-unquoted;; esac
echo "[${x#"${e:-}"}]" "[${x%"${e:+}"}]"
cat <<E
[${e:-}][${e:+}][${u-}][${u-"a"}]
E
for i in "${e:-}" "${u:+}"; do echo "for[$i]"; done
END
	atf_check -o inline:'[b]\n[]\ncase-subject\ncase-pattern\ncase-unquoted\n[abc] [abc]\n[][][][a]\nfor[]\nfor[]\n' -e empty vsh script
	# In a function, eval, a subshell and a dot file alike.
	echo 'n "${e:-}"' >dot
	atf_check -o inline:'1 1 1 1 \n' -e empty vsh -c 'n() { printf "%s " $#; }; e=
	    f() { n "${e:+}"; }; f; eval "n \"\${e-}\""; (n "${u+}"); . ./dot; echo'
}

atf_test_case empty_quotes_before_at
empty_quotes_before_at_head() { atf_set descr "an empty quoted string next to \"\$@\" keeps its field when there are no parameters"; }
empty_quotes_before_at_body()
{
	cat >script <<'END'
n() { printf '%s ' $#; }
n ''"$@"; n """$@"; n "$@"""; n "$@"''; n "$@"; echo
set -- a b; set -- """$@"; echo $# "<$1>" "<$2>"
END
	atf_check -o inline:'1 1 1 1 0 \n2 <a> <b>\n' -e empty vsh script
	# The same with other quoted empty parts and other forms of "$@" and "$*".
	cat >script <<'END'
n() { printf '%s ' $#; }
n x"$@"; n "${1+$@}"; n ''"${1+"$@"}"; n ''${1+"$@"}; n ''"${x:-$@}"; n ${x:-''"$@"}; n ${x:-"$@"''}; n ''''''"$@"; n ''$@; n $@''; echo
n ''"$*"; n ''$*; n "$*"; n $*''; n "${x:-$*}"; echo
for i in ''"$@" "$@"'' "$@"; do echo "for[$i]"; done
v=''"$@"; echo "v[$v]"
case ''"$@" in "") echo case-empty;; esac
set -- a ''
n ''"$@"; n """$@"; n "$@"''; n x"$@"y; n ''$@''; echo
set -- ''
n "$@"; n ''"$@"; n $@; n ''$@; echo
END
	atf_check -o inline:'1 1 1 1 1 1 1 1 1 1 \n1 1 1 1 1 \nfor[]\nfor[]\nv[]\ncase-empty\n2 2 2 2 2 \n1 1 0 1 \n' -e empty vsh script
	# The empty part is in the tree, and printed back.
	atf_check -o empty -e match:"word: ''\"\\\$\\{@\\}\"" vsh -n -o debugtree -c 'x """$@"'
}

atf_test_case length
length_head() { atf_set descr '${#p} in characters'; }
length_body()
{
	atf_check -s exit:0 -o inline:'5\n0\n0\n' -e empty vsh -c 'x=hello; echo ${#x}; x=; echo ${#x}; unset x; echo ${#x}'
	atf_check -s exit:0 -o inline:'3 1\n' -e empty vsh -c 'set -- a b c; echo ${#} ${#1}'
	atf_check -s exit:0 -o inline:'3\n' -e empty env LC_ALL=C.UTF-8 vsh -c 'x=$(printf "\303\251t\303\251"); echo ${#x}'
	# ASCII runs are counted a word at a time: around and across multibyte characters
	atf_check -s exit:0 -o inline:'23 28\n' -e empty env LC_ALL=C.UTF-8 \
	    vsh -c 'x=$(printf "abcdefghij\303\251klmnopq\303\251rstu"); y=$(printf "\303\251123456789012345678901234\303\251xy"); echo ${#x} ${#y}'
	atf_check -s exit:0 -o inline:'25\n' -e empty env LC_ALL=C \
	    vsh -c 'x=$(printf "abcdefghij\303\251klmnopq\303\251rstu"); echo ${#x}'
	atf_check -s exit:0 -o inline:'6\n' -e empty vsh -c 'x="a b  c"; echo ${#x}'
}

atf_test_case remove
remove_head() { atf_set descr 'prefix and suffix removal with patterns'; }
remove_body()
{
	atf_check -s exit:0 -o inline:'foo.tar foo tar.gz gz\n' -e empty vsh -c 'x=foo.tar.gz; echo ${x%.*} ${x%%.*} ${x#*.} ${x##*.}'
	atf_check -s exit:0 -o inline:'prog /usr/local/bin usr/local/bin/prog\n' -e empty vsh -c 'x=/usr/local/bin/prog; echo ${x##*/} ${x%/*} ${x#/}'
	atf_check -s exit:0 -o inline:'cabc c abca a\n' -e empty vsh -c 'x=abcabc; echo ${x#a*b} ${x##a*b} ${x%b*} ${x%%b*}'
	atf_check -s exit:0 -o inline:'b*c a*b*c b*c a*b\n' -e empty vsh -c 'x="a*b*c"; echo "${x#*\*}" "${x#"*"}" "${x#a"*"}" "${x%"*"*}"'
	atf_check -s exit:0 -o inline:'aa aaa aa\n' -e empty vsh -c 'x=aaa; p="a*"; echo ${x#$p} "${x#"$p"}" ${x#"a"}'
	atf_check -s exit:0 -o inline:'hello hello hello hello\n' -e empty vsh -c 'x=hello; echo ${x#nomatch} ${x%nomatch} ${x#} ${x%}'
	atf_check -s exit:0 -o inline:'ello hell ello hello hell\n' -e empty vsh -c 'x=hello; echo "${x#?}" "${x%?}" "${x#[hg]}" "${x%[!o]}" "${x%[!l]}"'
	atf_check -s exit:0 -o inline:'<b>< b>\n' -e empty vsh -c 'x="a b"; show() { printf "<%s>" "$@"; echo; }; show ${x#a} "${x#a}"'
	atf_check -s exit:0 -o inline:'<b><c>\n' -e empty env LC_ALL=C.UTF-8 vsh -c 'set -- ab ac; show() { printf "<%s>" "$@"; echo; }; show "${@#a}"'
	atf_check -s exit:0 -o inline:'llo h\n' -e empty env LC_ALL=C.UTF-8 vsh -c 'x=héllo; echo ${x#h?} ${x%?llo}'
	atf_check -s exit:0 -o inline:'a\\\n\\a\n' -e empty vsh -c 'x="\\a\\"; printf "%s\n" "${x#\\}" "${x%\\}"'
	atf_check -s exit:0 -o inline:'a a\n' -e empty vsh -c 'x=a.b; echo ${x%'\''.'\''*} ${x%"."b}'
}

atf_test_case at_star
at_star_head() { atf_set descr '$@ and $* quoted and unquoted, empty'; }
at_star_body()
{
	atf_check -s exit:0 -o inline:'<a><b c><>\n<a><b><c>\n<a b c >\n<a><b><c>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; set -- a "b c" ""; show "$@"; show $@; show "$*"; show $*'
	atf_check -s exit:0 -o inline:'<>\n<>\n<xy>\n<>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; set --; show "$@"; show "$*"; show x"$@"y; show $@'
	atf_check -s exit:0 -o inline:'<xa><by>\n<xa by>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; set -- a b; show x"$@"y; show x"$*"y'
	atf_check -s exit:0 -o inline:'<ab>\n<a><b>\n<a><b>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; set -- a b; IFS=; show "$*"; show $*; show "$@"'
	atf_check -s exit:0 -o inline:'<a:b>\n<a:b>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; set -- a b; IFS=:; show "$*"; x="$*"; show "$x"'
	atf_check -s exit:0 -o inline:'<a b>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; set -- a b; unset IFS; show "$*"'
	atf_check -s exit:0 -o inline:'done\n' -e empty vsh -c 'set --; for i in "$@"; do echo "item $i"; done; echo done'
	atf_check -s exit:0 -o inline:'item 1 2\nitem 3\n' -e empty vsh -c 'set -- "1 2" 3; for i in "$@"; do echo "item $i"; done'
	atf_check -s exit:0 -o inline:'<><>\n<end>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; set -- "" ""; show "$@"; show $@ end'
	atf_check -s exit:0 -o inline:'<a>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; set -- a; show "$@"""'
	atf_check -s exit:0 -o inline:'<a><b>\n<a><b>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; set -- a b; IFS=-; show ${*}; show "${@}"'
}

atf_test_case linear
linear_head() { atf_set descr 'prefix and suffix removal on a 512 kB value takes linear time'; }
linear_body()
{
	atf_check -s exit:0 -o inline:'524288\n524288\n524288\n524288\n524288\n524288\n524287\n7\n7\n' -e empty vsh -c 'x=01234567; i=0; while [ $i -lt 16 ]; do x="$x$x"; i=$((i+1)); done; echo ${#x}; y=${x#*/}; echo ${#y}; y=${x##*/}; echo ${#y}; y=${x%/*}; echo ${#y}; y=${x#*[a-z]}; echo ${#y}; y=${x%%*[a-z]}; echo ${#y}; y=${x#?}; echo ${#y}; y=${x%%7*}; echo ${#y}; y=${x##*0}; echo ${#y}'
}

atf_test_case append
append_head() { atf_set descr 'x="$x..." appends in place with the same meaning as the general assignment'; }
append_body()
{
	cat >script.sh <<'SCRIPT'
x=a; x="$x$x"; echo $x
x=$x-b; echo $x
PATH=/nonexistent; PATH=$PATH:/bin:/usr/bin; ls /dev/null
y=1; y=$y${z:-q}; echo $y
y=$y$(echo c)$(/bin/echo d)$((1+1)); echo $y
u=; u=$u~; echo "$u"
h=/home; HOME=/h; h=$h:~/bin; echo $h
unset q; q=$q'z'; echo $q
IFS=; IFS="$IFS:"; v=a:b; set -- $v; echo $#; IFS=' '
export E=1; E=${E}2; env | grep '^E='
set -a; F=1; F=$F+; set +a; env | grep '^F='
x=y; x="$x${x=zz}"; echo $x
n=0; n=$n$((n=5)); echo $n
s=; i=0; while [ $i -lt 1000 ]; do s="$s$i,"; i=$((i+1)); done; echo ${#s} ${s%%,*} ${s##*,9}
f() { local l=1; l=$l$l; echo $l; }; l=g; f; echo $l
readonly r=1; r=$r-2; echo not reached
SCRIPT
	atf_check -s exit:2 -o inline:'aa\naa-b\n/dev/null\n1q\n1qcd2\n~\n/home:/h/bin\nz\n2\nE=12\nF=1+\nyy\n05\n3890 0 99,\n11\ng\n' \
	    -e inline:'vsh: script.sh: line 16: r: is read only\n' vsh script.sh
	# A 1 MiB string built by 1,024 appends of 1 KiB.
	atf_check -s exit:0 -o inline:'1048576\n' -e empty vsh -c 'k=0123456789abcdef; k=$k$k$k$k$k$k$k$k; k=$k$k$k$k$k$k$k$k
	    i=0 x=; while [ $i -lt 1024 ]; do x=$x$k; i=$((i + 1)); done; echo ${#x}'
}

atf_test_case nounset
nounset_head() { atf_set descr 'set -u: unset parameters are errors, except @ and *'; }
nounset_body()
{
	atf_check -s exit:2 -o empty -e match:'undefined: parameter not set' vsh -c 'set -u; echo $undefined; echo notreached'
	atf_check -s exit:2 -o empty -e match:'undefined: parameter not set' vsh -c 'set -u; echo ${undefined}x'
	atf_check -s exit:2 -o empty -e match:'undefined: parameter not set' vsh -c 'set -u; echo ${#undefined}'
	atf_check -s exit:2 -o empty -e match:'undefined: parameter not set' vsh -c 'set -u; echo ${undefined#x}'
	atf_check -s exit:2 -o empty -e match:'1: parameter not set' vsh -c 'set -u; echo $1'
	atf_check -s exit:0 -o inline:'[] [] 0\n' -e empty vsh -c 'set -u; set --; echo "[$@]" "[$*]" $#'
	atf_check -s exit:0 -o inline:'ok x\n1\n' -e empty vsh -c 'set -u; echo ${undefined-ok} ${undefined:+no}x; x=1; echo $x'
	atf_check -s exit:0 -o inline:'status 2\n' -e match:'nope: parameter not set' vsh -c 'set -u; (echo $nope); echo "status $?"'
}

atf_init_test_cases()
{
	atf_add_test_case plain
	atf_add_test_case special
	atf_add_test_case default
	atf_add_test_case assign
	atf_add_test_case error
	atf_add_test_case alternative
	atf_add_test_case quoted_empty_word
	atf_add_test_case quoted_empty_word_siblings
	atf_add_test_case empty_quotes_before_at
	atf_add_test_case length
	atf_add_test_case remove
	atf_add_test_case at_star
	atf_add_test_case linear
	atf_add_test_case nounset
	atf_add_test_case append
}
