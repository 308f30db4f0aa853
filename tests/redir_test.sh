#! /usr/bin/env atf-sh
. "$(atf_get_srcdir)/common.sh"

atf_test_case files
files_head() { atf_set descr "< > >> <> on files"; }
files_body()
{
	atf_check -o empty vsh -c 'echo one >f; echo two >>f'
	atf_check -o inline:'one\ntwo\n' cat f
	atf_check -o inline:'one\n' vsh -c 'read x <f; echo $x'
	atf_check -o inline:'xne\ntwo\n' vsh -c 'printf x 1<>f; cat f'
	atf_check -o inline:'new\n' vsh -c 'echo new 1<>g; cat g'
	atf_check -o inline:'a\n' vsh -c 'echo a >f 2>&1; cat f'
	atf_check -o inline:'b\n' vsh -c 'echo b >x >y; cat y; cat x'
}

atf_test_case errors
errors_head() { atf_set descr "a failed redirection: status 1 for regular commands, fatal for special built-ins"; }
errors_body()
{
	atf_check -o inline:'1\n' -e inline:'vsh: -c: line 1: /nonexistent/f: No such file or directory\n' \
	    vsh -c 'echo x >/nonexistent/f; echo $?'
	atf_check -o inline:'1\n' -e match:'nonexistent: No such file or directory' vsh -c 'cat </nonexistent; echo $?'
	atf_check -o inline:'1\n' -e match:'No such file' vsh -c '{ echo no; } </nonexistent; echo $?'
	atf_check -o inline:'1\n' -e match:'No such file' vsh -c 'nosuch_cmd </nonexistent; echo $?'
	atf_check -s exit:2 -o empty -e match:'No such file' vsh -c ': </nonexistent; echo no'
	atf_check -o inline:'1\n' -e empty vsh -c 'command : 2>/dev/null </nonexistent; echo $?'
	atf_check -o inline:'1\n' -e match:'5: Bad file descriptor' vsh -c 'echo x >&5; echo $?'
	atf_check -o inline:'1\n' -e match:'echo: write error' vsh -c 'echo x >&-; echo $?'
}

atf_test_case duplicate_close
duplicate_close_head() { atf_set descr "n>&m, n<&m, n>&- and the order of redirections"; }
duplicate_close_body()
{
	atf_check -o empty -e inline:'in\n' vsh -c '{ echo in; } 3>&1 1>&2 2>&3 3>&-'
	atf_check -o inline:'err\n' -e empty vsh -c 'ls /nonexistent 2>&1 >/dev/null | sed "s/.*/err/"'
	atf_check -o inline:'via3\n' vsh -c 'exec 3>&1; echo via3 >&3'
	atf_check -o inline:'in\n' vsh -c 'echo in >f; exec 4<f; cat <&4'
	atf_check -o inline:'closed\n' vsh -c 'exec 3>/dev/null 3>&-; [ -e /proc/self/fd/3 ] || echo closed'
	# n>&m wants m open for output, n<&m for input (XCU 2.7.5, 2.7.6);
	# one opened for both serves either.
	atf_check -o inline:'1\n' -e inline:'vsh: -c: line 1: 3: not open for output\n' \
	    vsh -c '3</dev/null >&3; echo $?'
	atf_check -o inline:'1\n' -e inline:'vsh: -c: line 1: 4: not open for input\n' \
	    vsh -c 'exec 4>f; cat <&4; echo $?'
	atf_check -s exit:2 -o empty -e match:'3: not open for output' vsh -c 'exec 3</dev/null; : >&3; echo no'
	atf_check -o inline:'rw\n' -e empty vsh -c 'exec 5<>f; echo rw >&5; cat <&5 f'
}

atf_test_case big_descriptors
big_descriptors_head() { atf_set descr "descriptors above 9"; }
big_descriptors_body()
{
	atf_check -o inline:'12\n' vsh -c 'echo 12 12>f12 >&12; cat f12'
	atf_check -o inline:'x\n' vsh -c 'exec 10>f10; echo x >&10; exec 10>&-; cat f10'
	atf_check -o inline:'ok\n' vsh -c '{ echo ok >&11; } 11>&1'
	# fd 10 as a user descriptor while the shell saves its own out of the way
	atf_check -o inline:'a\nb\n' vsh -c '{ { echo a >&10; echo b; } 10>&1 >f; cat f; } '
	atf_check -o inline:'x\n' vsh -c '{ echo x >&10; } 10>&1 | cat'
	# The script's own descriptor (10 when 3-9 are free) moves out of the
	# user's way, and so does a dot file's.
	standard_fds_only
	printf 'exec 10>f 11>&1 12>&1 13>&1\necho to10 >&10; . ./dot\necho after\n' >script
	printf 'exec 10>&- 11>&1\ncat f\necho in-dot\n' >dot
	atf_check -o inline:'to10\nin-dot\nafter\n' vsh script
	atf_check -o inline:'to10\nin-dot\nafter\n' vsh script <&-
	# ... and stays the shell's: "<&10" does not copy it.
	printf 'cat <&10\necho after $?\n' >script
	atf_check -o inline:'after 1\n' -e match:'line 1: 10: Bad file descriptor' vsh script
}

atf_test_case noclobber
noclobber_head() { atf_set descr "set -C refuses to overwrite regular files, not /dev/null; >| overrides"; }
noclobber_body()
{
	atf_check -o inline:'1\nc\n0\n' -e match:'cl: cannot overwrite existing file' \
	    vsh -c 'set -C; echo a >cl; echo b >cl; echo $?; echo c >|cl; cat cl; echo d >/dev/null; echo $?'
	atf_check -o inline:'a\nb\n' vsh -c 'set -C; echo a >new; echo b >>new; cat new'
}

atf_test_case heredocs
heredocs_head() { atf_set descr "here-documents: expansion, quoting, <<-, several, big"; }
heredocs_body()
{
	cat >script <<'END'
x=val
cat <<EOF
a $x `echo b` $((1+2)) \$x
EOF
cat <<'EOF'
lit $x
EOF
cat <<-EOF
	tabs	gone
	EOF
cat <<A; cat <<B
first
A
second
B
cat 5<<EOF <&5
five
EOF
END
	atf_check -o inline:'a val b 3 $x\nlit $x\ntabs\tgone\nfirst\nsecond\nfive\n' vsh script
}

atf_test_case heredoc_large
heredoc_large_head() { atf_set descr "a 100 MB here-document into wc -c: no deadlock, no temporary file left"; }
heredoc_large_body()
{
	mkdir tmp
	cat >script <<'END'
x=`head -c 100000000 /dev/zero | tr '\0' a`
wc -c <<EOF
$x
EOF
y=`head -c 200000 /dev/zero | tr '\0' b`
cat <<EOF | wc -c
$y
EOF
END
	atf_check -o match:'^ *100000001$' -o match:'^ *200001$' env TMPDIR=$PWD/tmp vsh script
	atf_check -o empty ls tmp
}

atf_test_case no_leaks
no_leaks_head() { atf_set descr "no descriptor of the shell leaks into commands"; }
no_leaks_body()
{
	# Only 0 1 2, what the command itself opens (3 for ls's directory), and what the user asked.
	standard_fds_only
	atf_check -o inline:'0 1 2 3 \n' vsh -c 'ls /proc/self/fd | tr "\n" " "; echo'
	atf_check -o inline:'0 1 2 3 5 \n' vsh -c 'exec 5>f; ls /proc/self/fd | tr "\n" " "; echo'
	atf_check -o inline:'0 1 2 3 \n0 1 2 3 \n0 1 2 3 \n0 1 2 3 \n' vsh -c '
	    { ls /proc/self/fd; } 2>/dev/null 7>/dev/null 12>/dev/null 7>&- 12>&- | tr "\n" " "; echo
	    (ls /proc/self/fd) | tr "\n" " "; echo
	    x=`ls /proc/self/fd`; echo $x ""
	    cat <<EOF | ls /proc/self/fd | tr "\n" " "; echo
x
EOF
	'
	atf_check -o inline:'0 1 2 3 \n' vsh -c '(ls /proc/self/fd) </dev/null | tr "\n" " "; echo'
}

atf_test_case exec_permanent
exec_permanent_head() { atf_set descr "exec without a command keeps its redirections; they are inherited"; }
exec_permanent_body()
{
	atf_check -o empty -e inline:'visible\n' vsh -c 'exec >/dev/null; echo hidden; exec >&2; echo visible'
	atf_check -o inline:'child\n' vsh -c 'exec 3>f; sh -c "echo child >&3"; cat f'
	atf_check -o inline:'line1\nline2\n' vsh -c 'printf "line1\nline2\n" >f; exec <f; read a; read b; echo $a; echo $b'
	# "--" ends exec's options: still no command.
	atf_check -o inline:'three\nfour\n' -e empty \
	    vsh -c 'exec -- 3>&1; echo three >&3; command exec -- 4>&1; echo four >&4'
	# ... however exec is reached: a function, eval, command given again.
	atf_check -o inline:'f\ne\nc\np\n' -e empty \
	    vsh -c 'f() { exec -- 3>&1; }; f; echo f >&3; eval "exec -- 4>&1"; echo e >&4
		command command exec 5>&1; echo c >&5; command -p command -p -- exec -- 6>&1; echo p >&6'
	# With a command, "--" is skipped and the command replaces the shell.
	atf_check -o inline:'a b\n' -e empty vsh -c 'exec -- printf "%s %s\n" a b; echo no'
	# A failed redirection: exec, a special built-in, ends the script; command exec does not.
	atf_check -s exit:2 -o empty -e match:'nosuch: No such file' vsh -c 'exec -- 3<nosuch; echo no'
	atf_check -o inline:'st=2\n' -e match:'nosuch: No such file' vsh -c 'command command exec 3<nosuch; echo st=$?'
}

atf_test_case closed_standard_descriptors
closed_standard_descriptors_head() { atf_set descr 'A shell started with 0 or 1 closed still plumbs pipelines and substitutions right'; }
closed_standard_descriptors_body()
{
	cat >script.sh <<'SCRIPT'
echo a | od -An -c | tr -s ' '
x=$(echo in; /bin/echo out); echo $x
{ echo group; } | cat
cat </dev/null & wait; echo bg $?
echo still closed >&0
SCRIPT
	atf_check -s exit:1 -o inline:' a \\n\nin out\ngroup\nbg 0\n' \
	    -e inline:'vsh: script.sh: line 5: 0: Bad file descriptor\n' vsh script.sh <&-
	# With stdout closed, only what goes to stderr shows.
	atf_check -s exit:0 -o empty -e inline:'a b\na b\n' \
	    vsh -c 'x=$(echo a; /bin/echo b); echo $x >&2; echo $x | cat >&2' >&-
}

atf_init_test_cases()
{
	atf_add_test_case files
	atf_add_test_case errors
	atf_add_test_case duplicate_close
	atf_add_test_case big_descriptors
	atf_add_test_case noclobber
	atf_add_test_case heredocs
	atf_add_test_case heredoc_large
	atf_add_test_case no_leaks
	atf_add_test_case exec_permanent
	atf_add_test_case closed_standard_descriptors
}
