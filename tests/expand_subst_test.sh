#! /usr/bin/env atf-sh
# Command substitution (XCU 2.6.3), here-documents and assignments.
# Expected outputs were checked against dash (/usr/bin/dash).
. "$(atf_get_srcdir)/common.sh"

atf_test_case command
command_head() { atf_set descr '$(...) and backquotes; trailing newlines removed'; }
command_body()
{
	atf_check -s exit:0 -o inline:'hi hi hi\n' -e empty vsh -c 'echo $(echo hi) "$(echo hi)" `echo hi`'
	atf_check -s exit:0 -o inline:'[a]\n' -e empty vsh -c 'x=$(printf "a\n\n\n"); echo "[$x]"'
	atf_check -s exit:0 -o inline:'[\n\na\nb]\n' -e empty vsh -c 'x=$(printf "\n\na\nb\n"); printf "[%s]\n" "$x"'
	atf_check -s exit:0 -o inline:'[ab]\n' -e empty vsh -c 'x=$(printf "a\0b"); echo "[$x]"'
	atf_check -s exit:0 -o inline:'deep\n' -e empty vsh -c 'echo "$(echo "$(echo "$(echo deep)")")"'
	atf_check -s exit:0 -o inline:'nested\n' -e empty vsh -c 'echo `echo \`echo nested\``'
	atf_check -s exit:0 -o inline:'3\n' -e empty vsh -c 'x=$(exit 3); echo $?'
	atf_check -s exit:0 -o inline:'4\n' -e empty vsh -c 'x=$(false) y=$(exit 4); echo $?'
	atf_check -s exit:0 -o inline:'0\n' -e empty vsh -c 'echo $(exit 3) $?'
	atf_check -s exit:0 -o inline:'1 2\n' -e empty vsh -c 'x=1; y=$(x=2; echo $x); echo $x $y'
	atf_check -s exit:0 -o inline:'x\ny\n' -e empty vsh -c 'echo "$( )"x; echo $(:)y'
	atf_check -s exit:0 -o inline:'<a><b><a  b>\n' -e empty vsh -c 'show() { printf "<%s>" "$@"; echo; }; show $(echo "a  b") "$(echo "a  b")"'
	atf_check -s exit:0 -o inline:'in f arg\n' -e empty vsh -c 'f() { echo "in f $1"; }; echo "$(f arg)"'
	atf_check -s exit:0 -o inline:'paren\n' -e empty vsh -c 'echo $(case x in x) echo paren;; esac)'
}

atf_test_case heredoc
heredoc_head() { atf_set descr 'here-documents: parameter, command and arithmetic expansion, backslashes'; }
heredoc_body()
{
	atf_check -s exit:0 -o inline:'hello world cmd 3\n"quoted" '\''single'\'' worlds\n' -e empty vsh -c 'x=world; cat <<EOF
hello $x $(echo cmd) $((1+2))
"quoted" '\''single'\'' ${x}s
EOF'
	atf_check -s exit:0 -o inline:'backslash $x \\ ` \\a \\"q\\"\n' -e empty vsh -c 'x=v; cat <<EOF
backslash \$x \\ \` \a \"q\"
EOF'
	atf_check -s exit:0 -o inline:'literal $x $(echo no) \\\\\n' -e empty vsh -c 'x=v; cat <<"EOF"
literal $x $(echo no) \\
EOF'
	atf_check -s exit:0 -o inline:'a b a b 2\n' -e empty vsh -c 'set -- a b; cat <<EOF
$@ $* $#
EOF'
	atf_check -s exit:0 -o inline:'a  b *\n' -e empty vsh -c 'x="a  b"; cat <<EOF
$x *
EOF'
	atf_check -s exit:0 -o inline:'line continued v\n' -e empty vsh -c 'x=v; cat <<EOF
line \
continued $x
EOF'
}

atf_test_case assignment
assignment_head() { atf_set descr 'assignments are not split or globbed'; }
assignment_body()
{
	atf_check -s exit:0 -o inline:'a  b\n' -e empty vsh -c 'x="a  b"; y=$x; echo "$y"'
	atf_check -s exit:0 -o inline:'*\n' -e empty vsh -c 'y=*; echo "$y"'
	atf_check -s exit:0 -o inline:'a b\na b\n' -e empty vsh -c 'set -- a b; x=$@; echo "$x"; x=$*; echo "$x"'
	atf_check -s exit:0 -o inline:'1  2\n' -e empty vsh -c 'x=$(echo "1  2"); echo "$x"'
	atf_check -s exit:0 -o inline:'aaaa\n' -e empty vsh -c 'x=a; x="$x$x"; x="$x$x"; echo $x'
	atf_check -s exit:0 -o inline:'a  b\n' -e empty vsh -c 'export e="a  b"; echo "$e"'
	atf_check -s exit:0 -o inline:'1\n' -e empty vsh -c 'y=1; export x=$y z; echo "$x"'
	atf_check -s exit:0 -o inline:'1\n2\n' -e empty vsh -c 'x=1 y=$x; echo "$y"; a=1 b=$((a+1)) c=$b; echo $c'
}

atf_test_case status_without_command_name
status_without_command_name_head() { atf_set descr 'with no command name, the status is that of the last command substitution, wherever it is'; }
status_without_command_name_body()
{
	atf_check -o inline:'17\n' vsh -c '>/dev/null $(exit 17); echo $?'
	atf_check -o inline:'17\n' vsh -c '>$(echo /dev/null; exit 17); echo $?'
	atf_check -o inline:'5\n' vsh -c '<<EOF
$(exit 5)
EOF
echo $?'
	# The redirections are expanded after the assignments: theirs is last.
	atf_check -o inline:'4\n' vsh -c 'x=$(exit 3) >$(echo /dev/null; exit 4); echo $?'
	atf_check -o inline:'3 1\n' vsh -c 'x=$(exit 3) y=1 >/dev/null; echo $? $y'
	# A failing substitution still assigns.
	atf_check -o inline:'4 x=2\n' vsh -c 'x=$(echo 2; exit 4) </dev/null; echo $? x=$x'
	atf_check -o inline:'0\n' vsh -c 'false; >/dev/null; echo $?'
	# The last one counts, wherever they are.
	atf_check -o inline:'4\n' vsh -c 'x=$(exit 3) y=$(exit 4); echo $?'
	atf_check -o inline:'1\n' vsh -c 'x=$(false)$(true) y=$(true)$(false); echo $?'
	atf_check -o inline:'8\n' vsh -c '$(exit 7) $(exit 8); echo $?'
	atf_check -o inline:'5\n' vsh -c '>$(echo /dev/null; exit 5) $(exit 6); echo $?'
	# A redirection that fails gives its own status.
	atf_check -o inline:'1\n' -e match:'nonexistent' vsh -c 'x=$(exit 3) >/nonexistent/x; echo $?'
}

atf_init_test_cases()
{
	atf_add_test_case command
	atf_add_test_case heredoc
	atf_add_test_case assignment
	atf_add_test_case status_without_command_name
}
