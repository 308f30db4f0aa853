#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case not_found
not_found_head() { atf_set descr "an unknown command: status 127, message on the redirected stderr, no process"; }
not_found_body()
{
	atf_check -s exit:127 -e inline:'vsh: -c: line 1: nosuch_cmd: not found\n' vsh -c 'nosuch_cmd'
	atf_check -s exit:0 -o inline:'127\n' vsh -c 'nosuch_cmd 2>/dev/null; echo $?'
	atf_check -o inline:'127\n' -e empty vsh -c 'nosuch_cmd 2>err; echo $?'
	atf_check -o match:'nosuch_cmd: not found' cat err
	# The redirections are still made (and undone).
	atf_check -o inline:'127 yes\n' vsh -c 'nosuch_cmd >made 2>/dev/null; s=$?; [ -f made ] && echo $s yes'
	atf_check -s exit:127 -e match:'/nonexistent/cmd: No such file or directory' vsh -c '/nonexistent/cmd'
}

atf_test_case not_executable
not_executable_head() { atf_set descr "a file found but not executable gives 126"; }
not_executable_body()
{
	printf 'echo hi\n' >plain
	chmod 644 plain
	atf_check -s exit:126 -e match:'plain: Permission denied' vsh -c './plain'
	mkdir d
	atf_check -s exit:126 -e match:'d' vsh -c './d'
}

atf_test_case assignments_only
assignments_only_head() { atf_set descr "assignment-only commands: status of the last command substitution, else 0"; }
assignments_only_body()
{
	atf_check -o inline:'0\n' vsh -c 'false; x=1; echo $?'
	atf_check -o inline:'1\n' vsh -c 'x=`false`; echo $?'
	atf_check -o inline:'3\n' vsh -c 'x=`exit 3`; echo $?'
	atf_check -o inline:'0\n' vsh -c 'x=`false` y=`true`; echo $?'
	atf_check -o inline:'a b\n' vsh -c 'x=a y="$x b"; echo "$y"'
	atf_check -o inline:'0\n' vsh -c 'false; >/dev/null; echo $?'
}

atf_test_case temporary_assignments
temporary_assignments_head() { atf_set descr "assignments before built-ins, functions and programs are temporary; before special built-ins they stay"; }
temporary_assignments_body()
{
	atf_check -o inline:'in=2 out=1\n' vsh -c 'x=1; f() { printf "in=%s " "$x"; }; x=2 f; echo "out=$x"'
	atf_check -o inline:'x=2\nout=1\n' vsh -c 'x=1; x=2 env | grep "^x="; echo "out=$x"'
	atf_check -o inline:'x=2\n[]\n' vsh -c 'x=2 sh -c "echo x=\$x"; echo "[$x]"'
	atf_check -o inline:'5\n' vsh -c 'x=5 :; echo $x'
	atf_check -o inline:'yes\n' vsh -c 'x=5 eval "[ \$x = 5 ] && echo yes"'
	# Exported for the duration of a built-in or function.
	atf_check -o inline:'v\n' vsh -c 'f() { sh -c "echo \$y"; }; y=v f'
	atf_check -s exit:2 -e match:'r: is read only' vsh -c 'readonly r=1; r=2 /bin/true; echo after'
	# Also before a command that is not found: the assignment error comes first.
	atf_check -s exit:2 -o empty -e match:'v: is read only' -e not-match:'not found' \
	    vsh -c 'readonly v=1; v=2 nosuch; echo after'
	atf_check -o inline:'after 2\n' -e match:'v: is read only' \
	    vsh -c 'readonly v=1; (v=2 nosuch; echo in); echo after $?'
	atf_check -o inline:'127\n' -e match:'nosuch: not found' vsh -c 'v=2 nosuch; echo $?'
	# The error comes when v is reached: later assignments are not expanded.
	atf_check -s exit:2 -o empty -e match:'v: is read only' -e not-match:'late' \
	    vsh -c 'readonly v=1; v=2 x=$(echo late >&2) nosuch; echo after'
	atf_check -s exit:2 -o empty -e match:'v: is read only' -e not-match:'late' \
	    vsh -c 'readonly v=1; f() { :; }; x=1 v=2 y=$(echo late >&2) f; echo after'
	# Before functions, built-ins of both kinds, with redirections, through command.
	atf_check -s exit:2 -o empty -e match:'v: is read only' vsh -c 'readonly v=1; f() { echo f; }; v=2 f; echo after'
	atf_check -s exit:2 -o empty -e match:'v: is read only' vsh -c 'readonly v=1; v=2 :; echo after'
	atf_check -s exit:2 -o empty -e match:'v: is read only' vsh -c 'readonly v=1; v=2 echo in; echo after'
	atf_check -s exit:2 -o empty -e match:'v: is read only' vsh -c 'readonly v=1; v=2 nosuch >out; echo after'
	atf_check -s exit:2 -o empty -e match:'v: is read only' vsh -c 'readonly v=1; v=2 command nosuch; echo after'
	atf_check -o inline:'after 2\n' -e match:'v: is read only' vsh -c 'readonly v=1; cat </dev/null | v=2 nosuch; echo after $?'
	# Before a program in a pipeline, in "&" or in $(...): the error ends
	# that subshell, not the shell (a program is launched without one).
	atf_check -o inline:'after 2\n' -e match:'v: is read only' vsh -c 'readonly v=1; /bin/true | v=2 /bin/true; echo after $?'
	atf_check -o inline:'after 0\n' -e match:'v: is read only' vsh -c 'readonly v=1; v=2 /bin/echo no | /bin/cat; echo after $?'
	atf_check -o inline:'after 2\n' -e match:'v: is read only' vsh -c 'readonly v=1; v=2 /bin/echo no & wait $!; echo after $?'
	atf_check -o inline:'after 2 []\n' -e match:'v: is read only' vsh -c 'readonly v=1; x=$(v=2 /bin/echo no); echo after $? "[$x]"'
	atf_check -o inline:'x=2\n' vsh -c 'readonly v=1; x=2 env | grep "^x="'
}

atf_test_case search_order
search_order_head() { atf_set descr "special built-ins, functions, built-ins, then PATH"; }
search_order_body()
{
	atf_check -o inline:'function\n' vsh -c 'echo() { printf "function\n"; }; echo builtin'
	atf_check -o inline:'builtin\n' vsh -c 'echo() { printf "function\n"; }; command echo builtin'
	mkdir bin
	printf '#!/bin/sh\necho mine\n' >bin/mycmd
	chmod +x bin/mycmd
	atf_check -o inline:'mine\n' vsh -c 'PATH=$PWD/bin:$PATH; mycmd'
	atf_check -o inline:'mine\n' vsh -c 'bin/mycmd'
	atf_check -o inline:'mine\n' vsh -c 'PATH=$PWD/bin mycmd'
	atf_check -s exit:127 -e match:'ls: not found' vsh -c 'PATH=/nonexistent ls'
	# A script without #! runs in vsh.
	printf 'echo nohashbang $#\n' >bin/plain
	chmod +x bin/plain
	atf_check -o inline:'nohashbang 2\n' vsh -c 'PATH=$PWD/bin:$PATH; plain a b'
}

atf_test_case hash_table
hash_table_head() { atf_set descr "programs are remembered; PATH changes forget them"; }
hash_table_body()
{
	mkdir a b
	printf '#!/bin/sh\necho a\n' >a/prog
	printf '#!/bin/sh\necho b\n' >b/prog
	chmod +x a/prog b/prog
	atf_check -o inline:'a\n'"$PWD"'/a/prog\na\n' vsh -c 'PATH=$PWD/a:$PWD/b:/bin:/usr/bin; prog; hash; prog'
	atf_check -o inline:'a\nb\n' vsh -c 'PATH=$PWD/a:$PWD/b:/bin:/usr/bin; prog; PATH=$PWD/b:/bin:/usr/bin; prog'
	atf_check -o inline:'' vsh -c 'PATH=$PWD/a:/bin:/usr/bin; prog >/dev/null; hash -r; hash'
	atf_check -s exit:1 -e match:'hash: nosuch_x: not found' vsh -c 'hash nosuch_x'
	atf_check -o inline:"$PWD/a/prog\n" vsh -c 'PATH=$PWD/a:/bin:/usr/bin; hash prog; hash'
	# A remembered program that moved is searched for again; one that is gone is not found.
	mkdir c
	printf '#!/bin/sh\necho c\n' >c/moving
	chmod +x c/moving
	atf_check -o inline:"c\nc\n$PWD/b/moving\n127\n" -e match:'moving: not found' \
	    vsh -c 'PATH=$PWD/c:$PWD/b:/bin:/usr/bin; moving; mv c/moving b/; moving; hash | grep moving; rm b/moving; moving; echo $?'
	atf_check -o inline:"$PWD/b/prog\n" vsh -c 'PATH=$PWD/c:$PWD/b:/bin:/usr/bin; cp b/prog c/; hash prog; rm c/prog; command -v prog'
	# The same for exec, command and the other ways of running it.
	printf '#!/bin/sh\necho c\n' >c/moving
	chmod +x c/moving
	atf_check -o inline:'c\nc\n' vsh -c 'PATH=$PWD/c:$PWD/b:/bin:/usr/bin; moving; mv c/moving b/; exec moving'
	mv b/moving c/
	atf_check -o inline:'c\nc\nc\nc\nc\n' \
	    vsh -c 'PATH=$PWD/c:$PWD/b:/bin:/usr/bin; moving; mv c/moving b/; command moving; moving | cat; echo $(moving); moving & wait'
}

atf_test_case xtrace
xtrace_head() { atf_set descr "set -x traces expanded commands after PS4, quoting where needed"; }
xtrace_body()
{
	atf_check -o inline:'a b c\n' -e inline:"+ x=1 echo 'a b' c\n" vsh -c 'set -x; x=1 echo "a b" c'
	atf_check -e inline:'+ x=2\n' vsh -c 'set -x; x=2'
	atf_check -o inline:'t\n' -e inline:'[7] echo t\n' vsh -c 'x=7; PS4="[\$x] "; set -x; echo t'
	atf_check -o inline:'t\n' -e inline:'> echo t\n' vsh -c 'PS4="> "; set -x; echo t'
	# Unset, PS4 is empty like any parameter: no prefix.
	atf_check -o inline:'t\n' -e inline:'+ unset PS4\necho t\n' vsh -c 'set -x; unset PS4; echo t'
	atf_check -o empty -e inline:'+ set +x\n' vsh -c 'set -x; set +x; echo >/dev/null'
	# PS4's expansion is no input of the shell's: set -v does not echo it.
	atf_check -o inline:'t\n' -e inline:'echo t\n+2 echo t\n' vsh -c 'PS4="+\$LINENO "; set -v -x
echo t'
	# PS4 is read whole, whatever its lines; $? survives a substitution in it.
	atf_check -o inline:'t\n' -e inline:'a\nVSH_PS4_END\nb2 echo t\n' vsh -c 'PS4="a
VSH_PS4_END
b\$((1+1)) "; set -x; echo t'
	atf_check -o inline:'1\n' -e inline:'x+ false\nx+ echo 1\n' vsh -c 'PS4="\$(echo x)+ "; set -x; false; echo $?'
	# A bad expansion: its message, then PS4 as it stands (dash, bash).
	atf_check -o inline:'t\n' -e inline:'vsh: -c: line 1: x: oops\n${x?oops} echo t\n' \
	    vsh -c 'PS4="\${x?oops} "; set -x; echo t'
}

atf_test_case xtrace_ps4
xtrace_ps4_head() { atf_set descr "PS4 is expanded before each trace line; empty or unset, there is no prefix"; }
xtrace_ps4_body()
{
	# Empty and unset alike, for every kind of simple command, in subshells and functions.
	atf_check -o inline:'a\nsub\n' -e inline:'echo a\nunset PS4\nx=1\n:\necho sub\nf\n:\n' \
	    vsh -c 'PS4=; set -x; echo a; unset PS4; x=1; : >/dev/null; (echo sub); f() { :; }; f'
	# Parameter, command and arithmetic expansion, LINENO included.
	printf 'PS4='\''$LINENO$(echo :)$((1+1)) '\''\nset -x\necho t\n' >script
	atf_check -o inline:'t\n' -e inline:'3:2 echo t\n' vsh script
	atf_check -o inline:'c\n' -e inline:'[10] echo c\n' vsh -c 'PS4="[\${#PS4}] "; set -x; echo c'
	# An error while expanding it is reported, and PS4 is written as it is.
	atf_check -o inline:'d\n' -e inline:'vsh: -c: line 1: u: bad\n${u?bad} echo d\n' vsh -c 'PS4="\${u?bad} "; set -x; echo d'
}

atf_test_case declaration
declaration_head() { atf_set descr "export/readonly arguments are expanded as assignments"; }
declaration_body()
{
	atf_check -o inline:'/h:/h\n' vsh -c 'HOME=/h; export x=~:~; echo "$x"'
	atf_check -o inline:'a b\n' vsh -c 'y="a b"; export x=$y; echo "$x"'
	atf_check -o inline:'/h/a\n' vsh -c 'HOME=/h; command export x=~/a; echo "$x"'
}

atf_test_case noexec
noexec_head() { atf_set descr "set -n reads but runs nothing"; }
noexec_body()
{
	atf_check -o empty vsh -c 'set -n; echo no'
	atf_check -o empty vsh -n -c 'echo no'
	atf_check -s exit:2 -e match:'syntax error' vsh -n -c 'echo ('
}

atf_test_case last_command
last_command_head() { atf_set descr "the last command of -c replaces the shell unless a trap needs it"; }
last_command_body()
{
	atf_check -o inline:'replaced\n' vsh -c 'echo $$ >pid; sh -c "[ \$PPID = \$(cat pid) ] || echo replaced"'
	atf_check -o inline:'ok\nt\n' vsh -c 'trap "echo t" EXIT; sh -c "echo ok"'
	atf_check -s exit:3 vsh -c 'sh -c "exit 3"'
	# Running the last command without a fork changes nothing observable:
	# its redirections are undone before the EXIT trap runs ...
	atf_check -o inline:'bye\n' vsh -c "trap 'echo bye' EXIT; { :; } >/dev/null"
	atf_check -o inline:'bye\n' vsh -c "trap 'echo bye' EXIT; if :; then /bin/true; fi >/dev/null"
	atf_check -o inline:'bye\n' vsh -c "trap 'echo bye' EXIT; for i in 1; do :; done >/dev/null"
	atf_check -o inline:'bye\n' vsh -c "trap 'echo bye' EXIT; /bin/echo hi >/dev/null"
	atf_check -o inline:'bye\n' vsh -c "trap 'echo bye' EXIT; eval '{ :; } >/dev/null'"
	atf_check -o inline:'bye\n' vsh -c "(trap 'echo bye' EXIT; { :; } >/dev/null)"
	atf_check -o inline:'bye\n' vsh -c "(trap 'echo bye' EXIT; eval '/bin/echo hi >/dev/null')"
	atf_check -o inline:'bye\n' vsh -c "trap 'echo bye' EXIT; (/bin/echo hi) >/dev/null"
	# ... and a subshell does not inherit its parent's children.
	atf_check -o inline:'127\n' -e ignore vsh -c 'exit 3 & p=$!; (wait $p; echo $?)'
	atf_check -o inline:'127\n' -e ignore vsh -c 'exit 3 & p=$!; (wait $p; echo $?); :'
	atf_check -o inline:'127\n' -e ignore vsh -c 'exit 3 & p=$!; eval "(wait $p; echo \$?)"'
	atf_check -o inline:'127\n' -e ignore vsh -c 'exit 3 & p=$!; if :; then (wait $p; echo $?); fi'
	atf_check -o inline:'3\n' vsh -c 'exit 3 & p=$!; { wait $p; echo $?; }'
}

atf_test_case eval_last_command
eval_last_command_head() { atf_set descr "an eval that ends its process lets its last command replace the process"; }
eval_last_command_body()
{
	# In a subshell $$ is the main shell: a program the subshell became has it as parent.
	atf_check -o inline:'in place\n' vsh -c '(eval "sh -c \"echo \\\$PPID\"") >ppid; [ "$(cat ppid)" = $$ ] && echo in place'
	atf_check -o inline:'forked\n' vsh -c '(eval "sh -c \"echo \\\$PPID\"; :") >ppid; [ "$(cat ppid)" = $$ ] || echo forked'
	atf_check -o inline:'forked\n' vsh -c '(eval "sh -c \"echo \\\$PPID\""; :) >ppid; [ "$(cat ppid)" = $$ ] || echo forked'
	# The redirections of the subshell and of eval stay with the program.
	atf_check -o empty -e inline:'to err\n' vsh -c '(eval "sh -c \"echo to err\"" >&2); :'
	atf_check -o inline:'in file\n' vsh -c '(eval "sh -c \"echo in file\"") >f; cat f'
	# A trap that must still run keeps the process.
	atf_check -o inline:'ok\nt\n' vsh -c '(trap "echo t" EXIT; eval "sh -c \"echo ok\""); :'
	atf_check -s exit:3 vsh -c '(eval "sh -c \"exit 3\""); exit $?'
	atf_check -s exit:4 vsh -c 'eval "sh -c \"exit 4\""'
	# Commands after the eval, or a failing eval string, behave as before.
	atf_check -o inline:'a\nb\n' vsh -c '(eval "sh -c \"echo a\""; echo b)'
	atf_check -s exit:2 -e match:'syntax error' vsh -c '(eval "sh -c \"echo a\"; fi")'
}

atf_test_case lineno_in_messages
lineno_in_messages_head() { atf_set descr "messages carry the line of the failing command"; }
lineno_in_messages_body()
{
	printf 'true\n\nnosuch_y\n' >script
	atf_check -s exit:127 -e inline:'vsh: script: line 3: nosuch_y: not found\n' vsh script
	printf 'echo $LINENO\n\nf() {\n\techo in $LINENO\n}\nf\n' >lines
	atf_check -o inline:'1\nin 4\n' vsh lines
}

atf_test_case assignments_see_earlier
assignments_see_earlier_head() { atf_set descr "an assignment before a command sees the earlier ones; they stay temporary"; }
assignments_see_earlier_body()
{
	atf_check -o inline:'5 7\n' vsh -c 'x=5 y=$((x+2)) :; echo $x $y'
	atf_check -o inline:'5\n1\n' vsh -c 'x=1; x=5 y=$x sh -c "echo \$y"; echo $x $y'
	atf_check -o inline:'a-b\nold\n' vsh -c 'x=old; f() { echo $y; }; x=a y=$x-b f; echo $x'
	atf_check -o inline:'q=a/b\n' vsh -c 'p=a q=$p/b env | grep "^q="'
	atf_check -s exit:2 -o empty -e match:'x: is read only' vsh -c 'readonly x=1; x=2 y=$x env; echo no'
}

atf_test_case unset_path_default
unset_path_default_head() { atf_set descr "with PATH unset, commands are searched in a default list (as dash); command -p uses confstr"; }
unset_path_default_body()
{
	vsh=$(command -v vsh)
	atf_check -o inline:'/dev/null\n' env -i "$vsh" -c 'ls /dev/null'
	atf_check -o inline:'/usr/bin/ls\n' env -i "$vsh" -c 'command -v ls'
	atf_check -o inline:'/dev/null\n' "$vsh" -c 'unset PATH; ls /dev/null'
	atf_check -o inline:"$(getconf PATH | sed 's/:.*//')/ls\n" "$vsh" -c 'PATH=/nonexistent; command -pv ls'
	atf_check -s exit:127 -e match:'ls: not found' "$vsh" -c 'PATH=/nonexistent; ls'
}

atf_test_case lineno_in_compound_words
lineno_in_compound_words_head() { atf_set descr "LINENO is set before for word lists, case subjects and compound redirections, also first in a script"; }
lineno_in_compound_words_body()
{
	cat >script <<'END'
for i in $LINENO; do echo for=$i; done
case $LINENO in
2) echo case=2;; *) echo case=wrong;; esac
{ echo group; } >out$LINENO
echo $(
echo a) $LINENO
END
	atf_check -o inline:'for=1\ncase=2\na 5\n' -e empty vsh script
	atf_check -o inline:'group\n' cat out4
}

atf_test_case lineno_siblings
lineno_siblings_head() { atf_set descr "LINENO in conditions, functions, arithmetic, here-documents, continued lines, messages, dot files and every invocation mode"; }
lineno_siblings_body()
{
	cat >script <<'END'
if [ $LINENO = 1 ]; then echo if=$LINENO; fi
while [ $LINENO = 2 ]; do echo while=$LINENO; break; done
until [ $LINENO != 3 ]
do echo until=$LINENO; break; done
f() {
  echo f=$LINENO
}
f
echo arith=$((LINENO)) $((
LINENO))
x=$((LINENO + 0)); echo assign=$x
( echo sub=$LINENO )
cat <<E
here=$LINENO
E
echo $LINENO \
  $LINENO
for i in 1 2 \
  $LINENO; do :; done; echo for=$i
i=0
while echo cond=$LINENO; [ $i -lt 1 ]
do
  i=$((i+1))
done
. ./dot
echo after-dot=$LINENO
: ${u?"at $LINENO"}
END
	printf '\necho dot=$LINENO\n' >dot
	atf_check -s exit:2 -o inline:'if=1\nwhile=2\nuntil=4\nf=6\narith=9 9\nassign=11\nsub=12\nhere=13\n16 16\nfor=18\ncond=21\ncond=21\ndot=2\nafter-dot=26\n' \
	    -e inline:'vsh: script: line 27: u: at 27\n' vsh script
	# The line of an error in a for list, a case subject or a compound redirection.
	printf 'echo a\nfor i in x\\\n ${u?oops}; do :; done\n' >for
	atf_check -s exit:2 -o inline:'a\n' -e inline:'vsh: for: line 2: u: oops\n' vsh for
	printf 'echo a\ncase ${u?oops} in\nesac\n' >case
	atf_check -s exit:2 -o inline:'a\n' -e inline:'vsh: case: line 2: u: oops\n' vsh case
	# First in -c, on standard input, in a subshell and in a function.
	atf_check -o inline:'c=1\n' -e empty vsh -c 'for i in $LINENO; do echo c=$i; done'
	echo 'case $LINENO in 1) echo s=1;; *) echo s=x;; esac' | atf_check -o inline:'s=1\n' -e empty vsh
	printf 'x=$LINENO\necho "[$x]"\n' | atf_check -o inline:'[1]\n' -e empty vsh
	atf_check -o inline:'2\n3\n' -e empty vsh -c '
	(for i in $LINENO; do echo $i; done)
	g() { case $LINENO in *) echo $LINENO;; esac; }; g'
}

atf_test_case lineno_many_digits
lineno_many_digits_head() { atf_set descr "LINENO past one digit, and after a line that ran before"; }
lineno_many_digits_body()
{
	{ i=1; while [ $i -lt 120 ]; do echo :; i=$((i+1)); done; echo 'echo $LINENO'; echo 'for i in 1 2; do echo $LINENO; done'; } >lines
	atf_check -o inline:'120\n121\n121\n' vsh lines
}

atf_test_case login_profile
login_profile_head() { atf_set descr "a login shell reads \$HOME/.profile; exit there ends the shell"; }
login_profile_body()
{
	mkdir home
	printf 'x=from_profile\n' >"home/.profile"
	HOME=$PWD/home atf_check -s exit:0 -o inline:'from_profile\n' -e ignore vsh -l -c 'echo $x'
	printf 'echo early; exit 4\n' >"home/.profile"
	HOME=$PWD/home atf_check -s exit:4 -o inline:'early\n' -e ignore vsh -l -c 'echo not reached'
}

atf_test_case redirections_before_assignments
redirections_before_assignments_head() { atf_set descr 'XCU 2.9.1: a command'"'"'s redirections are performed before its assignments are expanded; set -x traces to the earlier stderr'; }
redirections_before_assignments_body()
{
	cat >script.sh <<'SCRIPT'
show() { echo "got ${EFF-unset}"; }
unset x
EFF=${x=assign} show 2>${x=redir}
echo ${EFF-unset after function call}
[ -f assign ] && echo assign exists
[ -f redir ] && echo redir exists
x=$(echo to-null >&2) /bin/true 2>/dev/null
y=$(echo shown >&2) 2>/dev/null
SCRIPT
	atf_check -s exit:0 -o inline:'got redir\nunset after function call\nredir exists\n' -e inline:'shown\n' vsh script.sh
	atf_check -s exit:0 -o inline:'hi\nc\n' -e inline:'+ x=1 echo hi\n+ y=2 f\n+ exec\nb\n+ echo c\n' \
	    vsh -xc 'x=1 echo hi 2>/dev/null; f() { :; }; y=2 f 2>/dev/null; exec 3>&2 2>/dev/null; echo b >&3; exec 2>&3; echo c' 3>/dev/null
}

atf_init_test_cases()
{
	atf_add_test_case redirections_before_assignments
	atf_add_test_case login_profile
	atf_add_test_case not_found
	atf_add_test_case not_executable
	atf_add_test_case assignments_only
	atf_add_test_case temporary_assignments
	atf_add_test_case search_order
	atf_add_test_case hash_table
	atf_add_test_case xtrace
	atf_add_test_case xtrace_ps4
	atf_add_test_case declaration
	atf_add_test_case noexec
	atf_add_test_case lineno_in_messages
	atf_add_test_case last_command
	atf_add_test_case eval_last_command
	atf_add_test_case assignments_see_earlier
	atf_add_test_case unset_path_default
	atf_add_test_case lineno_in_compound_words
	atf_add_test_case lineno_siblings
	atf_add_test_case lineno_many_digits
}
