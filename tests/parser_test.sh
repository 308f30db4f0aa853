#! /usr/bin/env atf-sh
# The parser: every production of the XCU 2.10 grammar, checked through the
# "set -o debugtree" dump with -n (nothing is executed), syntax errors and
# their messages, and the input-reading rules.
. "$(atf_get_srcdir)/common.sh"

# check_tree SCRIPT: the dump of SCRIPT must equal standard input.
check_tree()
{
	cat >expected
	atf_check -s exit:0 -o empty -e file:expected vsh -o debugtree -n -c "$1"
}

# check_error SCRIPT MESSAGE: a syntax error, exit status 2, exact message.
check_error()
{
	printf '%s\n' "$2" >expected
	atf_check -s exit:2 -o empty -e file:expected vsh -n -c "$1"
}

atf_test_case simple_commands
simple_commands_head() { atf_set descr 'Simple commands, assignments and words'; }
simple_commands_body()
{
	check_tree 'echo hello world' <<'EOF'
simple
  word: echo
  word: hello
  word: world
EOF
	check_tree 'a=1 b="x y" cmd arg' <<'EOF'
simple
  assign: a=1 [assign]
  assign: b='x y' [assign]
  word: cmd
  word: arg
EOF
	check_tree 'a=1' <<'EOF'
simple
  assign: a=1 [assign]
EOF
	check_tree 'x=~/bin:~/lib y=a~ cmd ~/f ~user a=~ \~' <<'EOF'
simple
  assign: x=~/bin:~/lib [assign] [tilde]
  assign: y=a~ [assign]
  word: cmd
  word: ~/f [tilde]
  word: ~user [tilde]
  word: a=~ [assign] [tilde]
  word: '~'
EOF
	check_tree '1a=b c\=d '\''e'\''=f' <<'EOF'
simple
  word: 1a=b
  word: c'='d
  word: 'e'=f
EOF
	check_tree 'echo a=b' <<'EOF'
simple
  word: echo
  word: a=b [assign]
EOF
}

atf_test_case redirections
redirections_head() { atf_set descr 'Every redirection operator and IO_NUMBER'; }
redirections_body()
{
	check_tree 'cmd <in >out >|clob >>app <>rw <&3 >&- 2>&1' <<'EOF'
simple
  word: cmd
  redir: 0< in
  redir: 1> out
  redir: 1>| clob
  redir: 1>> app
  redir: 0<> rw
  redir: 0<& 3
  redir: 1>& -
  redir: 2>& 1
EOF
	check_tree 'cmd 12345>f 0<g 2>>h' <<'EOF'
simple
  word: cmd
  redir: 12345> f
  redir: 0< g
  redir: 2>> h
EOF
	check_tree 'cmd 2 >f a2>g' <<'EOF'
simple
  word: cmd
  word: 2
  word: a2
  redir: 1> f
  redir: 1> g
EOF
	check_tree '>f <g' <<'EOF'
simple
  redir: 1> f
  redir: 0< g
EOF
	check_tree 'echo "2">f' <<'EOF'
simple
  word: echo
  word: '2'
  redir: 1> f
EOF
}

atf_test_case pipelines_lists
pipelines_lists_head() { atf_set descr 'Pipelines, !, && ||, ; & and newlines'; }
pipelines_lists_body()
{
	check_tree 'a | b | c' <<'EOF'
pipeline
  simple
    word: a
  simple
    word: b
  simple
    word: c
EOF
	check_tree '! a | b' <<'EOF'
pipeline !
  simple
    word: a
  simple
    word: b
EOF
	check_tree '! a' <<'EOF'
pipeline !
  simple
    word: a
EOF
	check_tree 'a && b || c' <<'EOF'
or
  and
    simple
      word: a
    simple
      word: b
  simple
    word: c
EOF
	check_tree 'a & b; c &' <<'EOF'
sequence
  background
    simple
      word: a
  simple
    word: b
  background
    simple
      word: c
EOF
	check_tree 'a |

b &&

c ||
 d' <<'EOF'
or
  and
    pipeline
      simple
        word: a
      simple
        word: b
    simple
      word: c
  simple
    word: d
EOF
}

atf_test_case compound_commands
compound_commands_head() { atf_set descr 'Subshell, group, if, loops'; }
compound_commands_body()
{
	check_tree '(a; b) >f' <<'EOF'
subshell
  redir: 1> f
  sequence
    simple
      word: a
    simple
      word: b
EOF
	check_tree '{ a; b; } 2>&1' <<'EOF'
group
  redir: 2>& 1
  sequence
    simple
      word: a
    simple
      word: b
EOF
	check_tree 'if a; then b; elif c; then d; else e; fi' <<'EOF'
if
  condition
    simple
      word: a
  then
    simple
      word: b
  else
    if
      condition
        simple
          word: c
      then
        simple
          word: d
      else
        simple
          word: e
EOF
	check_tree 'if a
then
b
fi' <<'EOF'
if
  condition
    simple
      word: a
  then
    simple
      word: b
EOF
	check_tree 'while a; do b; done <f' <<'EOF'
while
  condition
    simple
      word: a
  do
    simple
      word: b
  redir: 0< f
EOF
	check_tree 'until a; do b; done' <<'EOF'
until
  condition
    simple
      word: a
  do
    simple
      word: b
EOF
	check_tree '{ (a) }' <<'EOF'
group
  subshell
    simple
      word: a
EOF
}

atf_test_case for_loops
for_loops_head() { atf_set descr 'for with and without in'; }
for_loops_body()
{
	check_tree 'for x in a "b c" $y; do echo $x; done' <<'EOF'
for x in
  item: a
  item: 'b c'
  item: ${y}
  do
    simple
      word: echo
      word: ${x}
EOF
	check_tree 'for x; do :; done' <<'EOF'
for x
  do
    simple
      word: :
EOF
	check_tree 'for x do :; done' <<'EOF'
for x
  do
    simple
      word: :
EOF
	check_tree 'for x
do :; done' <<'EOF'
for x
  do
    simple
      word: :
EOF
	check_tree 'for x in; do :; done' <<'EOF'
for x in
  do
    simple
      word: :
EOF
	check_tree 'for x
in a
do :
done' <<'EOF'
for x in
  item: a
  do
    simple
      word: :
EOF
	check_tree 'for in in in; do :; done' <<'EOF'
for in in
  item: in
  do
    simple
      word: :
EOF
}

atf_test_case case_commands
case_commands_head() { atf_set descr 'case with and without leading paren, ;; ;& and empty bodies'; }
case_commands_body()
{
	check_tree 'case $x in a) one;; (b|c) two;& *) three; esac' <<'EOF'
case ${x}
  item ;;
    pattern: a
    simple
      word: one
  item ;&
    pattern: b
    pattern: c
    simple
      word: two
  item ;;
    pattern: *
    simple
      word: three
EOF
	check_tree 'case x in esac' <<'EOF'
case x
EOF
	check_tree 'case x in (esac) y;; esac' <<'EOF'
case x
  item ;;
    pattern: esac
    simple
      word: y
EOF
	check_tree 'case x
in
a)
;;
b) c
esac' <<'EOF'
case x
  item ;;
    pattern: a
  item ;;
    pattern: b
    simple
      word: c
EOF
	check_tree 'case x in a) ;; b) b;;
esac' <<'EOF'
case x
  item ;;
    pattern: a
  item ;;
    pattern: b
    simple
      word: b
EOF
	check_tree 'case x in "*"|'\''?'\''|[ab]) y;; esac' <<'EOF'
case x
  item ;;
    pattern: '*'
    pattern: '?'
    pattern: [ab]
    simple
      word: y
EOF
}

atf_test_case functions
functions_head() { atf_set descr 'Function definitions with every compound body'; }
functions_body()
{
	check_tree 'f() { a; }' <<'EOF'
function f
  group
    simple
      word: a
EOF
	check_tree 'f () ( a )' <<'EOF'
function f
  subshell
    simple
      word: a
EOF
	check_tree 'f()
{
a
}' <<'EOF'
function f
  group
    simple
      word: a
EOF
	check_tree 'f() if a; then b; fi' <<'EOF'
function f
  if
    condition
      simple
        word: a
    then
      simple
        word: b
EOF
	check_tree 'f() while a; do b; done' <<'EOF'
function f
  while
    condition
      simple
        word: a
    do
      simple
        word: b
EOF
	check_tree 'f() for x in y; do z; done >out' <<'EOF'
function f
  for x in
    item: y
    do
      simple
        word: z
    redir: 1> out
EOF
	check_tree 'f() case x in y) z;; esac 2>/dev/null' <<'EOF'
function f
  case x
    item ;;
      pattern: y
      simple
        word: z
    redir: 2> /dev/null
EOF
	check_tree 'f() { a; } >out 2>&1' <<'EOF'
function f
  group
    redir: 1> out
    redir: 2>& 1
    simple
      word: a
EOF
}

atf_test_case reserved_words
reserved_words_head() { atf_set descr 'Reserved words only where the grammar allows them'; }
reserved_words_body()
{
	check_tree 'echo if then fi { } ! in do done case esac' <<'EOF'
simple
  word: echo
  word: if
  word: then
  word: fi
  word: \{
  word: \}
  word: !
  word: in
  word: do
  word: done
  word: case
  word: esac
EOF
	check_tree 'if if a; then b; fi; then c; fi' <<'EOF'
if
  condition
    if
      condition
        simple
          word: a
      then
        simple
          word: b
  then
    simple
      word: c
EOF
	check_tree 'echo }' <<'EOF'
simple
  word: echo
  word: \}
EOF
	check_tree 'x=1 if' <<'EOF'
simple
  assign: x=1 [assign]
  word: if
EOF
	check_tree '\if a' <<'EOF'
simple
  word: 'i'f
  word: a
EOF
	check_tree '{ echo }; }' <<'EOF'
group
  simple
    word: echo
    word: \}
EOF
	check_tree '! ! a' <<'EOF'
simple
  word: a
EOF
}

atf_test_case quoting
quoting_head() { atf_set descr 'Single, double, backslash and dollar-single quotes'; }
quoting_body()
{
	check_tree 'echo '\''a b'\'' "c d" e\ f '\'''\''' <<'EOF'
simple
  word: echo
  word: 'a b'
  word: 'c d'
  word: e' 'f
  word: ''
EOF
	check_tree 'echo "a\$b\`c\"d\\e\f"' <<'EOF'
simple
  word: echo
  word: 'a$b`c"d\\e\\f'
EOF
	check_tree 'echo '\''a\b'\'' "'\''" '\''"'\''' <<'EOF'
simple
  word: echo
  word: 'a\\b'
  word: '\''
  word: '"'
EOF
	check_tree 'echo $'\''a\tb\n'\'' $'\''\x41\101\e\a'\'' $'\''\cA\'\''\"\\'\''' <<'EOF'
simple
  word: echo
  word: 'a\tb\n'
  word: 'AA\033\007'
  word: '\001\'"\\'
EOF
	check_tree 'echo "$'\''a'\''"' <<'EOF'
simple
  word: echo
  word: '$\'a\''
EOF
	check_tree 'echo ""$x' <<'EOF'
simple
  word: echo
  word: ''${x}
EOF
}

atf_test_case parameters
parameters_head() { atf_set descr 'Parameter expansions and their operators'; }
parameters_body()
{
	check_tree 'echo $x $1 $10 ${10} $@ $* $# $? $- $$ $! $0 ${#x} ${#} ${#@}' <<'EOF'
simple
  word: echo
  word: ${x}
  word: ${1}
  word: ${1}0
  word: ${10}
  word: ${@}
  word: ${*}
  word: ${#}
  word: ${?}
  word: ${-}
  word: ${$}
  word: ${!}
  word: ${0}
  word: ${#x}
  word: ${#}
  word: ${#@}
EOF
	check_tree 'echo ${x-a} ${x:-a} ${x=a} ${x:=a} ${x?a} ${x:?a} ${x+a} ${x:+a}' <<'EOF'
simple
  word: echo
  word: ${x-a}
  word: ${x:-a}
  word: ${x=a}
  word: ${x:=a}
  word: ${x?a}
  word: ${x:?a}
  word: ${x+a}
  word: ${x:+a}
EOF
	check_tree 'echo ${x%a} ${x%%a} ${x#a} ${x##a}' <<'EOF'
simple
  word: echo
  word: ${x%a}
  word: ${x%%a}
  word: ${x#a}
  word: ${x##a}
EOF
	check_tree 'echo "${x#*a}" "${x:-a*}" "${x+"$y"}" "${x#"*"}"' <<'EOF'
simple
  word: echo
  word: "${x#*a}"
  word: "${x:-'a*'}"
  word: "${x+"${y}"}"
  word: "${x#'*'}"
EOF
	check_tree 'echo ${x:-a b} ${x-'\''a'\''} "${x-'\''a'\''}" ${x-{a\}}' <<'EOF'
simple
  word: echo
  word: ${x:-a\ b}
  word: ${x-'a'}
  word: "${x-'\'a\''}"
  word: ${x-\{a'}'}
EOF
	check_tree 'echo $ x$ "$" $%' <<'EOF'
simple
  word: echo
  word: \$
  word: x\$
  word: '$'
  word: \$%
EOF
}

atf_test_case substitutions
substitutions_head() { atf_set descr 'Command substitution, backquotes and arithmetic'; }
substitutions_body()
{
	check_tree 'echo $(a b) "$(c)" $( )' <<'EOF'
simple
  word: echo
  word: $(a b)
  word: "$(c)"
  word: $()
EOF
	check_tree 'echo $(case x in x) y;; esac)' <<'EOF'
simple
  word: echo
  word: $(case x in (x) y ;; esac)
EOF
	check_tree 'echo $(case x in (x) y;; esac; echo '\'')'\'')' <<'EOF'
simple
  word: echo
  word: $(case x in (x) y ;; esac; echo \))
EOF
	check_tree 'echo `a \`b\`` "`c \"d\"`" `echo \$x \\`' <<'EOF'
simple
  word: echo
  word: $(`a $(b)`)
  word: "$(`c 'd'`)"
  word: $(`echo ${x} \\`)
EOF
	check_tree 'echo $((1 + $x * (2 - y))) "$((z))"' <<'EOF'
simple
  word: echo
  word: $(('1 + '"${x}"' * (2 - y)'))
  word: "$(('z'))"
EOF
	check_tree 'echo $((a) ) $( (b) )' <<'EOF'
simple
  word: echo
  word: $( ( a ))
  word: $( ( b ))
EOF
	check_tree 'echo $(echo $(echo $((1))))' <<'EOF'
simple
  word: echo
  word: $(echo $(echo $((1))))
EOF
}

atf_test_case heredocs
heredocs_head() { atf_set descr 'Here-documents: <<, <<-, quoted delimiters, several on a line'; }
heredocs_body()
{
	check_tree 'cat <<E
hello $x `y` \$z \\ \a
E' <<'EOF'
simple
  word: cat
  redir: 0<< 'hello '"${x}"' '"$(`y`)"' $z \\ \\a\n'
EOF
	check_tree 'cat <<'\''E'\''
hello $x
E' <<'EOF'
simple
  word: cat
  redir: 0<< (literal) 'hello $x\n'
EOF
	check_tree 'cat <<\E
hello $x
E' <<'EOF'
simple
  word: cat
  redir: 0<< (literal) 'hello $x\n'
EOF
	check_tree 'cat <<"E"x
hello
Ex' <<'EOF'
simple
  word: cat
  redir: 0<< (literal) 'hello\n'
EOF
	check_tree 'cat <<-E
		indented
	E' <<'EOF'
simple
  word: cat
  redir: 0<< 'indented\n'
EOF
	check_tree 'cat <<A; cat <<-B
a
A
	b
	B' <<'EOF'
sequence
  simple
    word: cat
    redir: 0<< 'a\n'
  simple
    word: cat
    redir: 0<< 'b\n'
EOF
	check_tree 'cat <<E | tr a b
abc
E' <<'EOF'
pipeline
  simple
    word: cat
    redir: 0<< 'abc\n'
  simple
    word: tr
    word: a
    word: b
EOF
	check_tree 'f() { cat <<E
in f
E
}' <<'EOF'
function f
  group
    simple
      word: cat
      redir: 0<< 'in f\n'
EOF
	check_tree 'while :; do cat <<E; done
loop
E' <<'EOF'
while
  condition
    simple
      word: :
  do
    simple
      word: cat
      redir: 0<< 'loop\n'
EOF
	check_tree 'echo $(cat <<E
inner
E
)' <<'EOF'
simple
  word: echo
  word: $(cat <<VSH_EOF
inner
VSH_EOF
)
EOF
	check_tree 'cat <<E
E' <<'EOF'
simple
  word: cat
  redir: 0<< ''
EOF
	check_tree 'cat <<E
line \
continued
E' <<'EOF'
simple
  word: cat
  redir: 0<< 'line continued\n'
EOF
	# A newline inside $(...) reads only the here-documents opened inside it.
	check_tree 'cat <<A - $(cat <<B
b
B
)
a
A' <<'EOF'
simple
  word: cat
  word: -
  word: $(cat <<VSH_EOF
b
VSH_EOF
)
  redir: 0<< 'a\n'
EOF
}

atf_test_case continuation
continuation_head() { atf_set descr 'Backslash-newline everywhere but in single quotes'; }
continuation_body()
{
	check_tree 'ec\
ho a\
b' <<'EOF'
simple
  word: echo
  word: ab
EOF
	check_tree 'i\
f true; th\
en :; f\
i' <<'EOF'
if
  condition
    simple
      word: true
  then
    simple
      word: :
EOF
	check_tree 'echo a >\
> f 2\
>&1' <<'EOF'
simple
  word: echo
  word: a
  redir: 1>> f
  redir: 2>& 1
EOF
	check_tree 'echo '\''\
'\'' "a\
b"' <<'EOF'
simple
  word: echo
  word: '\\\n'
  word: 'ab'
EOF
	check_tree 'echo ${x\
:-y} $\
(z)' <<'EOF'
simple
  word: echo
  word: ${x:-y}
  word: $(z)
EOF
	check_tree 'cat <<E\
OF
body
EOF' <<'EOF'
simple
  word: cat
  redir: 0<< 'body\n'
EOF
}

atf_test_case comments
comments_head() { atf_set descr 'Comments'; }
comments_body()
{
	check_tree 'echo a # comment' <<'EOF'
simple
  word: echo
  word: a
EOF
	check_tree 'echo a#b '\''#'\'' \#c' <<'EOF'
simple
  word: echo
  word: a#b
  word: '#'
  word: '#'c
EOF
	check_tree 'echo a # comment \
echo b' <<'EOF'
simple
  word: echo
  word: a
simple
  word: echo
  word: b
EOF
}

atf_test_case empty_input
empty_input_head() { atf_set descr 'Blank lines and comments alone parse to nothing'; }
empty_input_body()
{
	atf_check -s exit:0 -o empty -e empty vsh -o debugtree -n -c '# only a comment'
	atf_check -s exit:0 -o empty -e empty vsh -o debugtree -n -c '

	'
	atf_check -s exit:0 -o empty -e empty vsh -o debugtree -n -c ''
}

atf_test_case unknown_substitution
unknown_substitution_head() { atf_set descr 'a ${...} form POSIX does not define parses, and is an error only when expanded (like dash)'; }
unknown_substitution_body()
{
	# Kept in a branch for another shell: the script runs.
	atf_check -s exit:0 -o inline:'ran\n' -e empty vsh -c \
	    'if false; then echo ${x:0:2} ${x/a/b} ${!x} ${} ${#x[1]} ${x:%a} "${x:1}" ${x/"}"/b}; fi; echo ran'
	atf_check -s exit:0 -o empty -e empty vsh -n -c 'echo ${x:0:2} "${x//a/$(echo "}")}" ${#a[@]}'
	# Expanded: an error (status 2, the script ends), for each form.
	for form in '${x:0:2}|${x:...}' '${x/a/b}|${x...}' '${!x}|${!...}' '${}|${...}' \
	    '${#x[1]}|${#x...}' '${x:%a}|${x:...}' '"${x:1}"|${x:...}' '${x/"}"/b}|${x...}'; do
		atf_check -s exit:2 -o inline:'before\n' \
		    -e "inline:vsh: -c: line 2: ${form#*|}: bad substitution\n" \
		    vsh -c "x=abc; echo before
echo ${form%%|*}; echo after"
	done
	# In a pipeline element or an asynchronous list the error ends only that
	# subshell, as ${x?} does (found by fuzz/script: the shell leaked the job).
	atf_check -s exit:0 -o inline:'after 0\nafter 0\n' \
	    -e inline:'vsh: -c: line 1: ${...}: bad substitution\nvsh: -c: line 2: ${x:...}: bad substitution\n' \
	    vsh -c 'echo a | cat ${} | cat; echo "after $?"
	    cat ${x:0:1} & wait; echo "after $?"'
	# The word is read like an operator's: quotes, nesting, a } in quotes.
	atf_check -s exit:0 -o inline:'ok }\n' -e empty vsh -c \
	    ': || echo ${x/"}"/${y:-}$(echo ")")}; echo ok "}"'
	# An expansion may begin the word, $(...) as `...` (found by fuzz/parse:
	# ${``} printed back as ${$()}, which read as ${$} and text).
	atf_check -s exit:0 -o inline:'ran\n' -e empty vsh -c \
	    'if false; then echo ${``} ${$(echo })} ${${x}} ${$((1))}; fi; echo ran'
	atf_check -s exit:0 -o inline:'[1] + Running                    {\n\tfalse && : ${$()} ${$(echo \\})}\n\tsleep 1\n}\n' \
	    -e empty vsh -c '{ false && : ${``} ${$(echo })}; sleep 1; } & jobs; kill %1'
	# Inside double quotes, quotes that begin the word stay, or it would read
	# back as an operator or more of the name (found by fuzz/parse: "${p"#x"}"
	# printed as "${p#x}").
	atf_check -s exit:0 -o inline:'[1] + Running                    {\n\tfalse && : "${p"#x 1"}" "${#"x"}" "${p"a"}" "${p/a}"\n\tsleep 1\n}\n' \
	    -e empty vsh -c '{ false && : "${p"#x 1"}" "${#"x"}" "${p"a"}" "${p/a}"; sleep 1; } & jobs; kill %1'
	# In an interactive shell the error ends the command only.
	atf_check -s exit:0 -o inline:'next\n' -e match:'bad substitution' vsh -i -c 'echo ${x:0:2}; echo no
echo next' </dev/null
}

atf_test_case syntax_errors
syntax_errors_head() { atf_set descr 'Syntax errors: message, line and status 2'; }
syntax_errors_body()
{
	check_error 'if true; then fi' "vsh: -c: line 1: syntax error: unexpected 'fi'"
	check_error 'if' 'vsh: -c: line 1: syntax error: unexpected end of file'
	check_error 'if true; then :' "vsh: -c: line 1: syntax error: unexpected end of file (expecting 'fi')"
	check_error 'while :; do :' "vsh: -c: line 1: syntax error: unexpected end of file (expecting 'done')"
	check_error '{ }' "vsh: -c: line 1: syntax error: unexpected '}'"
	check_error '{ :' "vsh: -c: line 1: syntax error: unexpected end of file (expecting '}')"
	check_error '( )' "vsh: -c: line 1: syntax error: unexpected ')'"
	check_error '(:' "vsh: -c: line 1: syntax error: unexpected end of file (expecting ')')"
	check_error ')' "vsh: -c: line 1: syntax error: unexpected ')'"
	check_error 'a;;' "vsh: -c: line 1: syntax error: unexpected ';;'"
	check_error 'a && ' 'vsh: -c: line 1: syntax error: unexpected end of file'
	check_error 'a | | b' "vsh: -c: line 1: syntax error: unexpected '|'"
	check_error '; a' "vsh: -c: line 1: syntax error: unexpected ';'"
	check_error 'echo >' 'vsh: -c: line 1: syntax error: unexpected end of file (expecting a word after the redirection)'
	check_error 'echo > ;' "vsh: -c: line 1: syntax error: unexpected ';' (expecting a word after the redirection)"
	check_error 'cat <<' 'vsh: -c: line 1: syntax error: unexpected end of file (expecting here-document delimiter)'
	check_error 'echo "abc' 'vsh: -c: line 1: syntax error: unterminated quoted string'
	check_error "echo 'abc" 'vsh: -c: line 1: syntax error: unterminated quoted string'
	check_error "echo \$'abc" 'vsh: -c: line 1: syntax error: unterminated quoted string'
	check_error 'cat <<"EOF' 'vsh: -c: line 1: syntax error: unterminated quoted string'
	check_error "cat <<-'EOF" 'vsh: -c: line 1: syntax error: unterminated quoted string'
	check_error 'cat <<END
$(e
END' "vsh: -c: line 3: syntax error: unexpected end of file (expecting ')')"
	check_error 'echo `abc' "vsh: -c: line 1: syntax error: unterminated '\`'"
	check_error 'echo ${x' "vsh: -c: line 1: syntax error: missing '}'"
	check_error 'echo ${x:0:2' "vsh: -c: line 1: syntax error: missing '}'"
	check_error 'echo ${x/a/b
' "vsh: -c: line 1: syntax error: missing '}'"
	check_error 'echo $(a' "vsh: -c: line 1: syntax error: unexpected end of file (expecting ')')"
	# The end of input came before $(( showed it was not arithmetic (XCU 2.6.3).
	check_error 'echo $((1+2)' "vsh: -c: line 1: syntax error: missing '))'"
	check_error 'echo $((echo a)' "vsh: -c: line 1: syntax error: missing '))'"
	check_error 'echo `echo $((1+2)`' "vsh: -c: line 1: syntax error: missing '))'"
	check_error 'echo $((1+2)
' "vsh: -c: line 2: syntax error: unexpected end of file (expecting ')')"
	check_error 'echo $((1+2' "vsh: -c: line 1: syntax error: missing '))'"
	check_error 'for 1 in a; do :; done' "vsh: -c: line 1: syntax error: unexpected '1' (expecting a variable name)"
	check_error 'for a-b in a; do :; done' "vsh: -c: line 1: syntax error: bad for loop variable 'a-b'"
	check_error 'for x in a b do :; done' "vsh: -c: line 1: syntax error: unexpected 'done' (expecting 'do')"
	check_error 'case x in a) b;; c' "vsh: -c: line 1: syntax error: unexpected end of file (expecting ')')"
	check_error 'case x in a) b c) d;; esac' "vsh: -c: line 1: syntax error: unexpected ')' (expecting ';;' or 'esac')"
	check_error 'case x a) esac' "vsh: -c: line 1: syntax error: unexpected 'a' (expecting 'in')"
	check_error 'f() echo' "vsh: -c: line 1: syntax error: unexpected 'echo' (expecting a compound command)"
	check_error 'echo a (b)' "vsh: -c: line 1: syntax error: unexpected '('"
	check_error 'cat <<E
abc' "vsh: -c: line 2: syntax error: here-document delimited by end of file (wanted 'E')"
	check_error '
echo a

if true
then
	echo b
else
fi' "vsh: -c: line 8: syntax error: unexpected 'fi'"
}

atf_test_case syntax_error_script
syntax_error_script_head() { atf_set descr 'A syntax error in a script names the script and line; earlier lines ran'; }
syntax_error_script_body()
{
	printf 'echo one\necho two\n\nif then\necho never\n' >script.sh
	atf_check -s exit:2 -o inline:'one\ntwo\n' \
	    -e inline:"vsh: script.sh: line 4: syntax error: unexpected 'then'\n" vsh script.sh
	atf_check -s exit:2 -o empty \
	    -e inline:"vsh: script.sh: line 4: syntax error: unexpected 'then'\n" vsh -n script.sh
	# $(( running into the end of input is unfinished arithmetic (XCU 2.6.3),
	# wherever the input ends: a script, standard input, eval, a dot file.
	printf 'echo one\necho $((1+2)' >arith.sh
	atf_check -s exit:2 -o inline:'one\n' \
	    -e inline:"vsh: arith.sh: line 2: syntax error: missing '))'\n" vsh arith.sh
	atf_check -s exit:2 -o inline:'one\n' \
	    -e inline:"vsh: stdin: line 2: syntax error: missing '))'\n" vsh <arith.sh
	atf_check -s exit:2 -o inline:'one\n' \
	    -e inline:"vsh: ./arith.sh: line 2: syntax error: missing '))'\n" vsh -c '. ./arith.sh; echo not reached'
	atf_check -s exit:2 -o empty \
	    -e inline:"vsh: -c: line 1: syntax error: missing '))'\n" vsh -c 'eval "echo \$((echo a)"; echo not reached'
}

atf_test_case syntax_error_interactive
syntax_error_interactive_head() { atf_set descr 'An interactive shell carries on after a syntax error'; }
syntax_error_interactive_body()
{
	printf 'echo a\nfi\necho b\nif ) then\necho c\necho "d\ne"\n' >input
	atf_check -s exit:0 -o inline:'a\nb\nc\nd\ne\n' -e match:"syntax error: unexpected 'fi'" \
	    -e match:"syntax error: unexpected '\\)'" vsh -i <input
	printf 'echo a\nfi\necho b\n' | atf_check -s exit:0 -o inline:'a\nb\n' \
	    -e match:'syntax error' vsh -i
	# A syntax error on the last line is the shell's exit status, as in dash.
	printf ')\n' | atf_check -s exit:2 -o empty -e match:"syntax error: unexpected '\\)'" vsh -i
}

atf_test_case prompts
prompts_head() { atf_set descr 'Interactive input: PS1 for a command, PS2 for each continuation line'; }
prompts_body()
{
	printf 'if true\nthen echo x\nfi\necho "a\nb"\nread v <<E\nhd\nE\necho $v\n' >input
	PS1='P1 ' PS2='P2 ' atf_check -s exit:0 -o inline:'x\na\nb\nhd\n' \
	    -e inline:'P1 P2 P2 P1 P2 P1 P2 P2 P1 P1 ' vsh -i <input
}

atf_test_case deep_nesting
deep_nesting_head() { atf_set descr 'Absurd nesting is a syntax error, not a crash'; }
deep_nesting_body()
{
	# repeat TEXT N: TEXT N times on one line
	repeat() { yes "$1" | head -n "$2" | tr -d '\n'; echo; }
	repeat '(' 100000 >parens
	atf_check -s exit:2 -o empty -e match:'syntax error: too deeply nested' vsh -n parens
	{ printf 'echo '; repeat '$(' 50000; } >subst
	atf_check -s exit:2 -o empty -e match:'syntax error: too deeply nested' vsh -n subst
	{ printf 'echo '; repeat '${x-' 50000; } >params
	atf_check -s exit:2 -o empty -e match:'syntax error: too deeply nested' vsh -n params
	{ printf 'echo "'; repeat '${x-"' 50000; } >dq
	atf_check -s exit:2 -o empty -e match:'syntax error: too deeply nested' vsh -n dq
	repeat 'if ' 50000 >ifs
	atf_check -s exit:2 -o empty -e match:'syntax error: too deeply nested' vsh -n ifs
	repeat '! ' 50000 >bangs
	atf_check -s exit:2 -o empty -e match:'syntax error: unexpected newline' vsh -n bangs
	{ yes 'true &&' | head -n 20000; echo true; } >andor
	atf_check -s exit:2 -o empty -e match:'line 10001: syntax error: too deeply nested' vsh -n andor
	{ yes 'true &&' | head -n 5000; echo echo ok; } >andor2
	atf_check -s exit:0 -o inline:'ok\n' -e empty vsh andor2
	# Moderate nesting is fine.
	{ repeat '(' 200; printf 'true'; repeat ')' 200; } | tr -d '\n' >ok
	atf_check -s exit:0 -o empty -e empty vsh -n ok
	# A long list is not nesting.
	{ echo '{'; yes 'a' | head -n 100000; echo '}'; } >long
	atf_check -s exit:0 -o empty -e empty vsh -n long
}

atf_test_case large_script
large_script_head()
{
	atf_set descr 'Parsing takes linear time: 200,000 lines, 10 MB'
	atf_set timeout 60
}
large_script_body()
{
	awk 'BEGIN {
		for (i = 0; i < 40000; i++) {
			print "echo \"hello $x world\" ${y:-default value} $(cat f | grep -v foo) >/dev/null 2>&1 # comment"
			print "if [ \"$a\" = b ]; then x=$((x + 1)); else y='\''single quoted text here'\''; fi"
			print "for i in a b c d e f g; do printf \"%s\\n\" \"$i\" | tr a-z A-Z; done"
			print "case $v in a|b) echo ab;; *) echo other $v;; esac; while false; do :; done"
			print "f" i "() { echo \"$a\" \"${b#prefix}\" `echo back` some more words to make it longer; }"
		}
	}' >big.sh
	atf_check -s exit:0 -o empty -e empty timeout 20 vsh -n big.sh
}

atf_test_case dollar_single_unicode
dollar_single_unicode_head() { atf_set descr "\$'\\uXXXX' and \$'\\UXXXXXXXX' are characters of the locale; kept as written where it has none"; }
dollar_single_unicode_body()
{
	cat >script.sh <<'SCRIPT'
printf '%s|' $'\u00e9\u2713\U0001F600' $'\u41x' $'\u' $'\uD800' $'\U00110000' $'a\u0000b' $'\u00E9'
SCRIPT
	printf '\303\251\342\234\223\360\237\230\200|Ax|\\u|\\uD800|\\U00110000|a|\303\251|' >expected
	atf_check -o file:expected env LC_ALL=C.UTF-8 vsh script.sh
	printf '\\u00e9\\u2713\\U0001F600|Ax|\\u|\\uD800|\\U00110000|a|\\u00E9|' >expected
	atf_check -o file:expected env LC_ALL=C vsh script.sh
}

atf_test_case execution
execution_head() { atf_set descr 'Parsed constructs run as in other shells'; }
execution_body()
{
	cat >script.sh <<'SCRIPT'
echo $(case x in x) echo in-case;; esac)
echo "$(case y in (y) echo paren;; esac)"
echo `echo \`echo nested\``
echo "`echo \"dq\"`"
echo $'a\tb' $'\x41\101' $'it\'s' $'\e' | od -An -c | tr -s ' '
echo $((1+2)) $((echo sub) ) $( (echo sub2) )
x=abc; echo "${x#a}" "${x%"c"}" ${x:+"a b"} "${y-'q'}" "${x+"$x"}"
f() {
	cat <<EOF
in f: $1 \$x `echo bq`
EOF
	cat <<-'E2'
		literal $1
	E2
}
f arg
for i in 1 2; do cat <<E
loop $i
E
done
cat <<A; cat <<B
first
A
second
B
echo $(cat <<E
inside
E
)
echo a\
b
case ab in a*) echo star;& z) echo fall;; *) echo no;; esac
echo 10>&1 | cat
! false && echo negated
{ echo group; } | cat
echo if then fi
ec''ho quoted-cmd
g() { echo in-g; } >g.out
g; cat g.out
SCRIPT
	cat >expected <<'EXPECTED'
in-case
paren
nested
dq
 a \t b A A i t ' s 033 \n
3 sub sub2
bc ab a b 'q' abc
in f: arg $x bq
literal $1
loop 1
loop 2
first
second
inside
ab
star
fall

negated
group
if then fi
quoted-cmd
in-g
EXPECTED
	atf_check -s exit:0 -o file:expected -e empty vsh script.sh
}

atf_test_case backslash_newline_edges
backslash_newline_edges_head() { atf_set descr 'An escaped backslash before a newline does not continue the line; joined here-document lines'; }
backslash_newline_edges_body()
{
	cat >script.sh <<'SCRIPT'
cat <<E
foo\
E
E
cat <<E
a\\
E
cat <<-E
	x\
	y
	E
cat <<"E"
lit\
E
echo a\\
echo "b\\
c" d\
e
echo `echo x\\
`
SCRIPT
	printf 'fooE\na\\\nx\ty\nlit\\\na\\\nb\\\nc de\nx\n' >expected
	atf_check -s exit:0 -o file:expected -e empty vsh script.sh
}

atf_test_case aliases
aliases_head() { atf_set descr 'Alias substitution in command position'; }
aliases_body()
{
	# Defined on one line, used on the next; not on the rest of its own line.
	atf_check -s exit:0 -o inline:'L x\n' -e match:'say: not found' vsh -c '
alias say="echo L"; say 1
say x'
	# A value ending in a blank makes the next word eligible.
	atf_check -s exit:0 -o inline:'L l x\n' -e empty vsh -c '
alias e="echo " l="L"
e l l x'
	# Not expanded again inside its own text.
	atf_check -s exit:0 -o inline:'a\n' -e empty vsh -c '
alias echo="echo a"
echo'
	atf_check -s exit:0 -o inline:'x\n' -e empty vsh -c '
alias a=b b=a; a() { echo x; }; b() { a; }
alias a=b b=c
c() { echo x; }
a'
	# The text is re-lexed: operators, keywords, several commands.
	atf_check -s exit:0 -o inline:'1\n2\nyes\n' -e empty vsh -c '
alias two="echo 1; echo 2" cond="if true; then"
two
cond echo yes; fi'
	# Quoted words and words not in command position are left alone.
	atf_check -s exit:127 -o inline:'L\nl\n' -e match:'l: not found' vsh -c '
alias l="echo L"
l
echo l
\l'
	# After assignments and redirections the command word is still eligible.
	atf_check -s exit:0 -o inline:'L\n' -e empty vsh -c '
alias l="echo L"
x=1 l'
	# Aliases in $(...) and in function bodies are substituted when parsed.
	atf_check -s exit:0 -o inline:'L s\nL f\n' -e empty vsh -c '
alias l="echo L"
echo $(l s)
f() { l f; }
unalias l
f'
}

atf_test_case stdin_sharing
stdin_sharing_head() { atf_set descr 'Commands reading the shell input see the rest of it'; }
stdin_sharing_body()
{
	printf 'read x\nthis line is data\necho "got: $x"\n' >script.sh
	atf_check -s exit:0 -o inline:'got: this line is data\n' -e empty vsh <script.sh
	cat script.sh | atf_check -s exit:0 -o inline:'got: this line is data\n' -e empty vsh
	printf 'head -n 1\ndata one\necho after\n' >script2.sh
	atf_check -s exit:0 -o inline:'data one\nafter\n' -e empty vsh <script2.sh
	# Past the first block of a large script, and a command taking all the rest.
	{ yes ': padding line to go past the first block' | head -n 5000
	  printf 'read a\nL1\necho "got $a"\nhead -n 1\nH1\ncat\necho never\n'; } >script3.sh
	atf_check -s exit:0 -o inline:'got L1\nH1\necho never\n' -e empty vsh <script3.sh
	# From a pipe, head(1) itself reads ahead: only the shell is careful.
	cat script2.sh | atf_check -s exit:0 -o inline:'data one\n' -e empty vsh
}

atf_test_case verbose
verbose_head() { atf_set descr 'set -v echoes input lines as they are read'; }
verbose_body()
{
	printf 'echo a\nset -v\necho b\n# comment\necho c\n' >script.sh
	atf_check -s exit:0 -o inline:'a\nb\nc\n' -e inline:'echo b\n# comment\necho c\n' vsh script.sh
	printf 'echo a\necho b\n' >script2.sh
	atf_check -s exit:0 -o inline:'a\nb\n' -e inline:'echo a\necho b\n' vsh -v script2.sh
}

atf_test_case verbose_multiline
verbose_multiline_head() { atf_set descr 'set -v: multi-line commands, continuations, here-documents and aliases echo in order'; }
verbose_multiline_body()
{
	printf 'set -v\nif true\nthen echo "a\nb"\nfi\necho con\\\ntinued\ncat <<E\nbody\nE\nalias two="echo x\necho y"\ntwo\necho done\n' >script.sh
	# 2>&1: each line is echoed before the command it ends runs, the
	# alias's line too, though the alias's first line is a command of its own.
	atf_check -s exit:0 -e empty \
	    -o inline:'if true\nthen echo "a\nb"\nfi\na\nb\necho con\\\ntinued\ncontinued\ncat <<E\nbody\nE\nbody\nalias two="echo x\necho y"\ntwo\nx\ny\necho done\ndone\n' \
	    vsh -c 'vsh script.sh 2>&1'
	cat script.sh | atf_check -s exit:0 -e empty \
	    -o inline:'if true\nthen echo "a\nb"\nfi\na\nb\necho con\\\ntinued\ncontinued\ncat <<E\nbody\nE\nbody\nalias two="echo x\necho y"\ntwo\nx\ny\necho done\ndone\n' \
	    vsh -c 'vsh 2>&1'
	# What was read of a line with a syntax error comes before the message.
	printf 'set -v\necho before\necho ( bad\n' >error.sh
	atf_check -s exit:0 -e empty \
	    -o inline:"echo before\nbefore\necho ( bad\nvsh: error.sh: line 3: syntax error: unexpected 'bad' (expecting ')')\nstatus 2\n" \
	    vsh -c 'vsh error.sh 2>&1; echo status $?'
	# A last line without a newline still ends its echo with one.
	printf 'set -v\necho no newline' >last.sh
	atf_check -s exit:0 -o inline:'no newline\n' -e inline:'echo no newline\n' vsh last.sh
	# eval's text is input too.
	atf_check -s exit:0 -e empty \
	    -o inline:'echo a\na\necho b\nb\nc\n' vsh -c 'vsh -c "set -v; eval \"echo a
echo b\"; echo c" 2>&1'
}

atf_test_case verbose_c_string
verbose_c_string_head() { atf_set descr 'set -v with -c: what the shell looks at to find the last command is echoed with its line, not before the command running'; }
verbose_c_string_body()
{
	atf_check -s exit:0 -o inline:'b\n' \
	    -e inline:'cd /nonexistent\nvsh: -c: line 1: cd: /nonexistent: No such file or directory\necho b\n' \
	    vsh -vc 'cd /nonexistent
echo b'
}

atf_test_case verbose_shared_stdin
verbose_shared_stdin_head() { atf_set descr 'set -v echoes what the shell reads, not what a command read from the same standard input'; }
verbose_shared_stdin_body()
{
	printf 'set -v\nread x\ndata line\necho "got $x"\n' >script.sh
	atf_check -s exit:0 -o inline:'got data line\n' -e inline:'read x\necho "got $x"\n' vsh <script.sh
	cat script.sh | atf_check -s exit:0 -o inline:'got data line\n' -e inline:'read x\necho "got $x"\n' vsh
}

atf_test_case verbose_prompts
verbose_prompts_head() { atf_set descr 'set -v in an interactive shell: each line is echoed after its prompt, before the next one'; }
verbose_prompts_body()
{
	printf 'set -v\nif true\nthen echo x\nfi\nalias two="echo x\necho y"\ntwo\n' >input
	atf_check -s exit:0 -e empty \
	    -o inline:'P1 P1 if true\nP2 then echo x\nP2 fi\nx\nP1 alias two="echo x\nP2 echo y"\nP1 two\nx\ny\nP1 ' \
	    vsh -c 'PS1="P1 " PS2="P2 " vsh -i <input 2>&1'
}

atf_test_case line_numbers_long_lines
line_numbers_long_lines_head() { atf_set descr 'Line numbers after a line longer than a read block, across block boundaries, here-documents and continuations'; }
line_numbers_long_lines_body()
{
	{ echo 'x=1'
	  awk 'BEGIN { printf "echo "; for (i = 0; i < 70000; i++) printf "a"; print " >/dev/null; echo $LINENO" }'
	  echo 'echo $LINENO'
	  awk 'BEGIN { for (i = 0; i < 3000; i++) print ": line " i " padding to go past the block" }'
	  echo 'cat <<E | tail -n 1'
	  awk 'BEGIN { for (i = 0; i < 2000; i++) print "body $x " i " $LINENO" }'
	  echo 'E'
	  echo 'echo "$LINENO q"'
	  echo 'echo a \'
	  echo 'b $LINENO'
	  echo 'fi'
	} >long.sh
	atf_check -s exit:2 -o inline:'2\n3\nbody 1 1999 3004\n5006 q\na b 5007\n' \
	    -e inline:"vsh: long.sh: line 5009: syntax error: unexpected 'fi'\n" vsh long.sh
	cat long.sh | atf_check -s exit:2 -o inline:'2\n3\nbody 1 1999 3004\n5006 q\na b 5007\n' \
	    -e inline:"vsh: stdin: line 5009: syntax error: unexpected 'fi'\n" vsh
}

atf_test_case nul_bytes
nul_bytes_head() { atf_set descr 'NUL bytes in a script are dropped, in words, comments, quotes and here-documents'; }
nul_bytes_body()
{
	printf 'echo a\000b\n# c\000d\necho $LINENO\ncat <<E\nx\000y $LINENO\nE\necho "q\000r" $LINENO\nv=ab; echo $v\000 ${v\000} ${#\000v}\n' >script.sh
	atf_check -s exit:0 -o inline:'ab\n3\nxy 4\nqr 7\nab ab 2\n' -e empty vsh script.sh
	cat script.sh | atf_check -s exit:0 -o inline:'ab\n3\nxy 4\nqr 7\nab ab 2\n' -e empty vsh
}

atf_test_case line_numbers
line_numbers_head() { atf_set descr 'Line numbers count continuation and here-document lines'; }
line_numbers_body()
{
	printf 'echo a \\\nb\ncat <<E\n1\n2\nE\n\nfi\n' >script.sh
	atf_check -s exit:2 -o ignore -e inline:"vsh: script.sh: line 8: syntax error: unexpected 'fi'\n" vsh script.sh
	printf 'echo "a\nb\nc" )\n' >script2.sh
	atf_check -s exit:2 -o ignore -e inline:"vsh: script2.sh: line 3: syntax error: unexpected ')'\n" vsh script2.sh
}

atf_test_case io_number
io_number_head() { atf_set descr 'IO_NUMBER only directly before < or >'; }
io_number_body()
{
	atf_check -s exit:0 -o inline:'2\n' -e empty vsh -c 'echo 2 >/dev/stdout'
	atf_check -s exit:0 -o empty -e inline:'x\n' vsh -c 'echo x 1>&2'
	atf_check -s exit:0 -o inline:'x\n' -e empty vsh -c '{ echo x 3>&1 1>&2 2>&3; } 2>&1'
	atf_check -s exit:0 -o inline:'x\n' -e empty vsh -c '{ echo x 10>&1 1>&2 2>&10; } 2>&1'
}

atf_test_case arithmetic_or_substitution
arithmetic_or_substitution_head() { atf_set descr '"$((" that does not close with "))" is "$( (", read once however deep'; }
arithmetic_or_substitution_body()
{
	# Inside a "$((" tried as arithmetic, a backquoted body and a
	# here-document are parsed from a copy; the copy's text went into
	# what is replayed as "$( (" too ("xecho x").
	atf_check -s exit:0 -o inline:'x\ny\n' -e empty \
	    vsh -c 'echo $((echo `echo x`) ); echo $((echo `echo \`echo y\``) )'
	cat >script <<'EOF'
x=X
echo $(( echo $((cat <<E
c $x d
E
) ) ) )
EOF
	atf_check -s exit:0 -o inline:'c X d\n' -e empty vsh script
	# One that fails inside another that fails: the inner one was replayed
	# as "$(((" (a syntax error).
	atf_check -s exit:0 -o inline:'b c\n' -e empty vsh -c 'echo $(( $((echo echo); echo b) ); echo c)'
	# Each level replayed every level inside it, and the copies made each
	# replay longer: eight times the memory per level (found by fuzz/parse:
	# 3,000 bytes took 130 MB; this one took gigabytes).  Read once, it
	# is a syntax error in small memory.
	cat >deep <<'EOF'
$((""$((""$((""$(($(($((`\`\``''$((""$((U` \`ecy=$iB
y=$y$y$y$y$y$y$y$y$yl")
o "} $d\``'
'3" `cho \`cL")
e"clk")
e "c\``CL")
EOF
	atf_check -s exit:2 -o empty -e match:'deep: line 7: syntax error: unexpected end of file' vsh -n deep
	printf '#!/bin/sh\nulimit -v 100000 && exec "$@"\n' >small_memory
	chmod +x small_memory
	./small_memory vsh -c 'exit 0' 2>/dev/null || atf_skip 'vsh cannot start under ulimit -v (sanitizer build?)'
	atf_check -s exit:2 -o empty -e match:'deep: line 7: syntax error: unexpected end of file' ./small_memory vsh -n deep
}

atf_init_test_cases()
{
	atf_add_test_case simple_commands
	atf_add_test_case arithmetic_or_substitution
	atf_add_test_case redirections
	atf_add_test_case pipelines_lists
	atf_add_test_case compound_commands
	atf_add_test_case for_loops
	atf_add_test_case case_commands
	atf_add_test_case functions
	atf_add_test_case reserved_words
	atf_add_test_case quoting
	atf_add_test_case parameters
	atf_add_test_case substitutions
	atf_add_test_case heredocs
	atf_add_test_case continuation
	atf_add_test_case comments
	atf_add_test_case empty_input
	atf_add_test_case syntax_errors
	atf_add_test_case syntax_error_script
	atf_add_test_case syntax_error_interactive
	atf_add_test_case prompts
	atf_add_test_case deep_nesting
	atf_add_test_case large_script
	atf_add_test_case dollar_single_unicode
	atf_add_test_case execution
	atf_add_test_case backslash_newline_edges
	atf_add_test_case aliases
	atf_add_test_case stdin_sharing
	atf_add_test_case verbose
	atf_add_test_case verbose_multiline
	atf_add_test_case verbose_c_string
	atf_add_test_case verbose_shared_stdin
	atf_add_test_case verbose_prompts
	atf_add_test_case line_numbers
	atf_add_test_case line_numbers_long_lines
	atf_add_test_case nul_bytes
	atf_add_test_case io_number
	atf_add_test_case unknown_substitution
}
