#! /usr/bin/env atf-sh
# Signals and traps: the trap built-in, when actions run, what children
# inherit, and how SIGINT stops a script.
. "$(atf_get_srcdir)/common.sh"

# A command that runs its arguments as the leader of a new process group,
# so that "kill 0" inside reaches only the shell under test and its children.
make_in_own_group()
{
	command -v perl >/dev/null || atf_skip "perl is needed to make a process group"
	printf '#!/bin/sh\nexec perl -e %s "$@"\n' "'setpgrp(0, 0); exec @ARGV or exit 127'" >in_own_group
	chmod 755 in_own_group
}

atf_test_case exit_trap
exit_trap_head() { atf_set descr "the EXIT trap runs at the end, on exit, on an error exit, once"; }
exit_trap_body()
{
	atf_check -s exit:0 -o inline:'hi\nbye\n' -e empty vsh -c 'trap "echo bye" EXIT; echo hi'
	atf_check -s exit:3 -o inline:'bye\n' -e empty vsh -c 'trap "echo bye" EXIT; exit 3'
	atf_check -s exit:2 -o inline:'bye\n' -e match:'nosuch: parameter not set' \
	    vsh -c 'trap "echo bye" EXIT; set -u; echo $nosuch; echo not reached'
	# $? in the EXIT trap is the status the shell is leaving with.
	atf_check -s exit:6 -o inline:'6\n' -e empty vsh -c 'trap "echo \$?" EXIT; (exit 6)'
	atf_check -s exit:1 -o inline:'1\n' -e empty vsh -c 'trap "echo \$?" EXIT; false'
	# exit in the trap sets the status; the trap does not run twice.
	atf_check -s exit:4 -o inline:'once\n' -e empty vsh -c 'trap "echo once; exit 4" EXIT; exit 1'
	# trap 0 is EXIT; a script file too.
	printf 'trap "echo end" 0\necho start\n' >script
	atf_check -s exit:0 -o inline:'start\nend\n' -e empty vsh script
	# Reset.
	atf_check -s exit:0 -o inline:'hi\n' -e empty vsh -c 'trap "echo bye" EXIT; trap - EXIT; echo hi'
}

atf_test_case trap_listing
trap_listing_head() { atf_set descr "trap and trap -p print traps so that they can be read back"; }
trap_listing_body()
{
	atf_check -s exit:0 -o inline:"trap -- 'echo x' EXIT\ntrap -- '' QUIT\ntrap -- 'echo u' USR1\ntrap -- '' QUIT\n" -e empty \
	    vsh -c 'trap "echo x" EXIT; trap "" QUIT; trap "echo u" USR1; trap; trap - USR1 EXIT; trap'
	atf_check -s exit:0 -o inline:"trap -- 'echo a'\\\\''b' INT\n" -e empty \
	    vsh -c "trap 'echo a'\"'\"'b' INT; trap -p INT"
	# Read back, the listing sets the same traps.
	atf_check -s exit:0 -o inline:"trap -- 'echo a'\\\\''b' INT\n" -e empty \
	    vsh -c "trap 'echo a'\"'\"'b' INT; x=\$(trap); trap - INT; eval \"\$x\"; trap"
	# Numbers and SIG names are accepted; a number first resets.
	atf_check -s exit:0 -o inline:"trap -- 'echo t' TERM\ntrap -- 'echo h' HUP\n" -e empty \
	    vsh -c 'trap "echo t" 15; trap -p TERM; trap "echo h" SIGHUP; trap -p 1'
	atf_check -s exit:0 -o empty -e empty vsh -c 'trap "echo t" TERM INT; trap 15 2; trap'
	atf_check -s exit:0 -o empty -e empty vsh -c 'trap "echo t" INT; trap INT; trap'
}

atf_test_case trap_errors
trap_errors_head() { atf_set descr "bad conditions are reported; KILL and STOP traps are accepted silently (dash) but never installed"; }
trap_errors_body()
{
	atf_check -s exit:0 -o inline:'st=1\n' -e match:'trap: FOO: bad trap' vsh -c 'trap x FOO; echo st=$?'
	atf_check -s exit:0 -o inline:'st=1\n' -e match:'trap: 99999: bad trap' vsh -c 'trap x 99999; echo st=$?'
	atf_check -s exit:0 -o inline:"st=0\nst=0\ntrap -- 'echo x' KILL\ntrap -- '' STOP\n" -e empty \
	    vsh -c 'trap "echo x" KILL; echo st=$?; trap "" STOP; echo st=$?; trap'
	# Recorded, not installed: SIGKILL still kills the shell.
	atf_check -s signal:9 -o empty -e empty vsh -c 'trap "echo x" KILL; kill -9 $$; echo after'
	# The good conditions of the list are still set.
	atf_check -s exit:0 -o inline:"trap -- 'echo x' USR1\n" -e match:'FOO: bad trap' \
	    vsh -c 'trap "echo x" FOO USR1; trap'
}

atf_test_case signal_to_self
signal_to_self_head() { atf_set descr "a trapped signal's action runs at the next safe point"; }
signal_to_self_body()
{
	atf_check -s exit:0 -o inline:'got\nafter\n' -e empty vsh -c 'trap "echo got" USR1; kill -USR1 $$; echo after'
	# While a foreground job runs, the action waits for it to end.
	atf_check -s exit:0 -o inline:'child done\ngot\nafter\n' -e empty \
	    vsh -c 'trap "echo got" USR1; sh -c "kill -USR1 \$PPID; sleep 0.1; echo child done"; echo after'
	# In a loop of built-ins.
	atf_check -s exit:0 -o inline:'got\n' -e empty \
	    vsh -c 'trap "echo got; exit" USR1; kill -USR1 $$; while :; do :; done'
	# An ignored signal does nothing; default TERM ends the shell.
	atf_check -s exit:0 -o inline:'after\n' -e empty vsh -c 'trap "" USR1; kill -USR1 $$; echo after'
	atf_check -s signal:15 -o empty -e empty vsh -c 'kill $$; echo not reached'
}

atf_test_case status_preserved
status_preserved_head() { atf_set descr "\$? is the same before and after a trap action; inside it is the previous status"; }
status_preserved_body()
{
	atf_check -s exit:0 -o inline:'st=0\n' -e empty vsh -c 'trap false USR1; kill -USR1 $$; echo st=$?'
	atf_check -s exit:0 -o inline:'in=5\nout=5\n' -e empty \
	    vsh -c 'trap "echo in=\$?; false" USR1; sh -c "kill -USR1 \$PPID; exit 5"; echo out=$?'
}

atf_test_case subshell_reset
subshell_reset_head() { atf_set descr "subshells reset caught signals, keep ignored ones, and still list the parent's traps"; }
subshell_reset_body()
{
	# An asynchronous list, or a command substitution under job control,
	# that ignores signals for its own sake still lists the parent's
	# "trap ''" for them.
	atf_check -s exit:0 -o inline:"trap -- '' INT\n" -e empty vsh -c "trap '' INT; { trap; } & wait"
	atf_check -s exit:0 -o inline:"trap -- '' TSTP\n" -e empty vsh -m -c "trap '' TSTP; echo \"\$(trap)\""
	atf_check -s exit:0 -o inline:'sub\nend\nparent\n' -e empty \
	    vsh -c 'trap "echo parent" EXIT; (echo sub); echo end'
	# The caught signal kills the subshell: its action is not inherited.
	atf_check -s exit:0 -o inline:'status=138\n' -e match:'User defined signal 1' \
	    vsh -c 'trap "echo caught" USR1; (sh -c "kill -USR1 \$PPID"; echo not reached); echo status=$?'
	# An ignored signal stays ignored.
	atf_check -s exit:0 -o inline:'status=0\n' -e empty \
	    vsh -c 'trap "" USR1; (sh -c "kill -USR1 \$PPID"; exit 0); echo status=$?'
	# $(trap) and (trap) show the parent's traps (XCU trap).
	atf_check -s exit:0 -o inline:"[trap -- 'echo hi' INT]\ntrap -- 'echo hi' INT\n" -e empty \
	    vsh -c 'trap "echo hi" INT; x=$(trap); echo "[$x]"; (trap)'
	# Until the subshell sets a trap of its own.
	atf_check -s exit:0 -o inline:"trap -- 'echo t' TERM\n" -e empty \
	    vsh -c 'trap "echo hi" INT; (trap "echo t" TERM; trap)'
}

# The SigIgn mask of an external command, tested for bits.
atf_test_case ignored_in_children
ignored_in_children_head() { atf_set descr "signals ignored with trap '' stay ignored in external commands; caught ones do not"; }
ignored_in_children_body()
{
	# INT is bit 2, USR1 bit 512 (signal 10), TERM bit 16384.
	atf_check -s exit:0 -o inline:'2\n' -e empty \
	    vsh -c 'trap "" INT; ign=$(grep SigIgn /proc/self/status | cut -f2); echo $(( 0x$ign & 2 ))'
	atf_check -s exit:0 -o inline:'2 0 0\n' -e empty \
	    vsh -c 'trap "" INT; trap "echo x" USR1; cat /proc/self/status >st; 
	    ign=$(grep SigIgn st | cut -f2); cgt=$(grep SigCgt st | cut -f2)
	    echo $(( 0x$ign & 2 )) $(( 0x$ign & 512 )) $(( 0x$cgt & 512 ))'
	# After a reset, the default again.
	atf_check -s exit:0 -o inline:'0\n' -e empty \
	    vsh -c 'trap "" INT; trap - INT; ign=$(grep SigIgn /proc/self/status | cut -f2); echo $(( 0x$ign & 2 ))'
}

atf_test_case ignored_on_entry
ignored_on_entry_head() { atf_set descr "signals ignored when a non-interactive shell starts cannot be trapped"; }
ignored_on_entry_body()
{
	atf_check -s exit:0 -o inline:'after\n' -e empty \
	    sh -c 'trap "" USR1; exec vsh -c "trap \"echo caught\" USR1; kill -USR1 \$\$; echo after"'
	atf_check -s exit:0 -o inline:'512\n' -e empty \
	    sh -c 'trap "" USR1; exec vsh -c "trap - USR1; ign=\$(grep SigIgn /proc/self/status | cut -f2); echo \$(( 0x\$ign & 512 ))"'
}

atf_test_case kill_list
kill_list_head() { atf_set descr "kill -l: names, numbers, exit statuses"; }
kill_list_body()
{
	atf_check -s exit:0 -o inline:'INT\nKILL\n2\n15\nTERM\n' -e empty vsh -c 'kill -l 130; kill -l 9; kill -l INT; kill -l SIGTERM; kill -l 143'
	atf_check -s exit:0 -o match:'^HUP$' -o match:'^USR1$' -o match:'^CHLD$' -e empty vsh -c 'kill -l'
	atf_check -s exit:1 -o empty -e match:'kill: 300: invalid signal number or exit status' vsh -c 'kill -l 300'
	atf_check -s exit:1 -o empty -e match:'kill: FOO: invalid signal' vsh -c 'kill -l FOO'
}

atf_test_case exit_in_trap_action
exit_in_trap_action_head() { atf_set descr "exit without an operand in a trap action uses \$? from before the action"; }
exit_in_trap_action_body()
{
	atf_check -s exit:3 -o empty -e empty vsh -c "trap 'rm -f tmp; exit' EXIT; exit 3"
	atf_check -s exit:5 -o empty -e empty vsh -c "trap 'false; exit' EXIT; (exit 5)"
	# Also from a function the action calls; "exit n" still sets n.
	atf_check -s exit:6 -o empty -e empty vsh -c "f() { false; exit; }; trap f EXIT; (exit 6)"
	atf_check -s exit:9 -o empty -e empty vsh -c "trap 'exit 9' EXIT; exit 3"
	# A signal's action: $? was kill's.
	atf_check -s exit:0 -o empty -e empty vsh -c "trap 'false; exit' USR1; kill -USR1 \$\$; echo not reached"
	# In a subshell of the action, exit ends the subshell, not the action:
	# its own $? counts (and then the action's status, as before).
	atf_check -s exit:0 -o inline:'2\n' -e empty vsh -c "trap '((exit 2); exit); echo \$?' INT; (exit 1); kill -INT \$\$"
	atf_check -s exit:4 -o empty -e empty vsh -c "trap '(false; exit); exit' EXIT; (exit 4)"
	# Outside a trap action, exit takes the last status as before.
	atf_check -s exit:1 -o empty -e empty vsh -c "trap ':' USR1; kill -USR1 \$\$; false; exit"
}

atf_test_case return_in_trap_action
return_in_trap_action_head() { atf_set descr "return in a trap action: its status counts; without an operand, \$? from before the action"; }
return_in_trap_action_body()
{
	# The action ends the function it interrupted, with the status it gives.
	atf_check -s exit:0 -o inline:'after=7\n' -e empty \
	    vsh -c 'trap "return 7" USR1; f() { kill -USR1 $$; echo in-f; }; f; echo after=$?'
	atf_check -s exit:0 -o inline:'after=7\n' -e empty \
	    vsh -c 'trap "return 7" USR1; f() { sh -c "kill -USR1 \$PPID; exit 5"; echo in-f; }; f; echo after=$?'
	echo 'sh -c "kill -USR1 \$PPID; exit 5"; echo in-dot' >dotted
	atf_check -s exit:0 -o inline:'after=7\n' -e empty vsh -c 'trap "return 7" USR1; . ./dotted; echo after=$?'
	# Without an operand it ends the action: $? from before the action.
	atf_check -s exit:0 -o inline:'after=5\n' -e empty \
	    vsh -c 'trap "false; return" USR1; f() { sh -c "kill -USR1 \$PPID; exit 5"; echo in-f; }; f; echo after=$?'
	atf_check -s exit:0 -o inline:'after=5\n' -e empty \
	    vsh -c 'trap "false; eval return" USR1; f() { sh -c "kill -USR1 \$PPID; exit 5"; echo in-f; }; f; echo after=$?'
	# In a function the action calls, return ends only that function: $? is its own.
	atf_check -s exit:7 -o inline:'ret=1\n' -e empty vsh -c 'f() { false; return; }; trap "f; echo ret=\$?" EXIT; exit 7'
}

atf_test_case action_while_jump_pending
action_while_jump_pending_head() { atf_set descr "a trap action run while break, continue or return is pending runs whole"; }
action_while_jump_pending_body()
{
	# The signal arrives while the operand is expanded: the action runs after the jump is set.
	atf_check -s exit:0 -o inline:'a\nb\nafter 3\n' -e empty \
	    vsh -c 'trap "echo a; echo b" USR1; f() { return $(kill -USR1 $$; echo 3); echo no; }; f; echo after $?'
	atf_check -s exit:0 -o inline:'a\nb\nafter 0\n' -e empty \
	    vsh -c 'trap "echo a; echo b" USR1; for i in 1 2; do break $(kill -USR1 $$; echo 1); done; echo after $?'
	atf_check -s exit:0 -o inline:'i1\na\nb\ni2\na\nb\nafter\n' -e empty \
	    vsh -c 'trap "echo a; echo b" USR1; for i in 1 2; do echo i$i; continue $(kill -USR1 $$; echo 1); echo no; done; echo after'
	# The EXIT trap after a return that ends the script.
	atf_check -s exit:3 -o inline:'a\nb\n' -e empty vsh -c 'trap "echo a; echo b" EXIT; return 3; echo no'
	echo 'trap "echo a; echo b" EXIT; return 4' >dotted
	atf_check -s exit:4 -o inline:'a\nb\n' -e empty vsh -c 'set -e; . ./dotted'
}

atf_test_case signal_names_any_case
signal_names_any_case_head() { atf_set descr "trap and kill take signal names in any case, with or without SIG"; }
signal_names_any_case_body()
{
	atf_check -s exit:0 -o inline:"trap -- 'echo i' INT\ntrap -- 'echo h' HUP\ntrap -- 'echo x' EXIT\n" -e empty \
	    vsh -c 'trap "echo i" int; trap "echo h" SigHup; trap "echo x" exit; trap -p INT HUP exit; trap - exit'
	atf_check -s exit:0 -o inline:'t\nu\nv\n' -e empty \
	    vsh -c 'trap "echo t" TERM; trap "echo u" USR1; trap "echo v" USR2; kill -s term $$; kill -usr1 $$; kill -sigusr2 $$'
	atf_check -s exit:0 -o inline:'2\n' -e empty vsh -c 'kill -l int'
	# kill -l round trips: name to number to name, status to name, any case.
	atf_check -s exit:0 -o inline:'15\nTERM\nTERM\nRTMIN+1\n' -e empty \
	    vsh -c 'kill -l SigTerm; kill -l "$(kill -l term)"; kill -l -- 143; kill -l "$(kill -l rtmin+1)"'
	atf_check -s exit:0 -o inline:'x\n' -e empty vsh -c 'trap "echo x" rtmin+1; kill -s RTmin+1 $$'
	# An offset of any length is a bad name, not an overflow (script fuzzer, UBSan).
	atf_check -s exit:0 -o inline:'1\n1\n' -e match:'kill: RTMAX-77777777777777777777: invalid signal name$' \
	    -e match:'trap: RTMIN\+99999999999999999: bad trap$' \
	    vsh -c 'kill -l RTMAX-77777777777777777777; echo $?; trap "" RTMIN+99999999999999999; echo $?'
	# EXIT is trap's condition 0, not a signal: only "0" sends no signal.
	atf_check -s exit:0 -o inline:'0\n0\n' -e empty vsh -c 'kill -s 0 $$; echo $?; kill -0 $$; echo $?'
	atf_check -s exit:0 -o inline:'1\n1\n1\n' \
	    -e match:'kill: exit: invalid signal$' -e match:'kill: EXIT: invalid signal$' -e match:'kill: sigexit: invalid signal$' \
	    vsh -c 'kill -s exit $$; echo $?; kill -EXIT $$; echo $?; kill -sigexit $$; echo $?'
	# A signal without a name (glibc keeps 32 and 33 for itself) is listed by number (script fuzzer, UBSan).
	n=1
	while vsh -c "kill -l $n" >/dev/null 2>&1; do
		n=$((n + 1))
	done
	if [ "$n" -lt "$(vsh -c 'kill -l RTMAX')" ]; then
		atf_check -s exit:0 -o inline:"trap -- 'echo u' $n\ntrap -- 'echo u' $n\n" -e empty \
		    vsh -c "trap 'echo u' $n; trap; trap -p $n"
	fi
	# trap -p ends its options at "--" too.
	atf_check -s exit:0 -o inline:"trap -- 'echo i' INT\ntrap -- 'echo i' INT\n" -e empty \
	    vsh -c 'trap "echo i" int; trap -p -- int; trap -p --'
}

atf_test_case interrupt_inside_expansion
interrupt_inside_expansion_head() { atf_set descr "SIGINT that arrives while a command's words are expanded stops an interactive shell's command before it runs; a trapped one waits for the command"; }
interrupt_inside_expansion_body()
{
	# The signal comes from the substitution; the fields of $x after it see it.
	printf '%s\n' 'x="a b"' 'echo $(kill -INT $$) $x >out' 'echo status=$?' >typed
	atf_check -s exit:0 -o inline:'status=130\n' -e ignore env PS1= vsh -i <typed
	atf_check -s exit:1 -o empty -e ignore test -e out
	# Trapped: the command runs whole, then the action.
	printf '%s\n' "trap 'echo trapped' INT" 'x="a b"' 'echo $(kill -INT $$) $x >out' 'cat out' >typed
	atf_check -s exit:0 -o inline:'trapped\na b\n' -e ignore env PS1= vsh -i <typed
	# A script dies of it, as of any SIGINT it does not trap.
	atf_check -s signal:2 -o empty -e empty vsh -c 'x="a b"; echo $(kill -INT $$) $x >out2'
}

atf_test_case action_after_double_dash
action_after_double_dash_head() { atf_set descr "after --, an action may begin with -"; }
action_after_double_dash_body()
{
	atf_check -s exit:0 -o inline:"trap -- '-x' EXIT\n" -e empty vsh -c "trap -- '-x' EXIT; trap; trap - EXIT"
	atf_check -s exit:0 -o inline:'minus\n' -e empty vsh -c "trap -- '-minus' EXIT; -minus() { echo minus; }"
	atf_check -s exit:2 -o empty -e match:'trap: -x: invalid option' vsh -c "trap '-x' EXIT"
	# "-" after "--" still resets; a listed action beginning with - reads back as input.
	atf_check -s exit:0 -o inline:'' -e empty vsh -c "trap -- '-x' INT; trap -- - INT; trap"
	atf_check -s exit:0 -o inline:"trap -- '-a'\\''b\nc' INT\n" -e empty \
	    vsh -c "trap -- \"-a'b
c\" INT; s=\$(trap); trap - INT; eval \"\$s\"; trap"
}

atf_test_case sigint_stops_script
sigint_stops_script_head() { atf_set descr "SIGINT to a script waiting for its foreground job ends the script when the job ends, whether the job died of it or not"; }
sigint_stops_script_body()
{
	make_in_own_group
	# The whole group (shell and job) gets SIGINT and the job dies of it: the shell dies of it too.
	atf_check -s signal:2 -o empty -e empty ./in_own_group vsh -c 'sh -c "kill -INT 0"; echo after'
	# ... after its EXIT trap.
	atf_check -s signal:2 -o inline:'bye\n' -e empty ./in_own_group vsh -c 'trap "echo bye" EXIT; sh -c "kill -INT 0"; echo after'
	# The job catches SIGINT and exits normally: the shell dies of it all
	# the same, once the job has ended (its default action, as in dash,
	# yash and mksh; bash goes on).
	atf_check -s signal:2 -o inline:'job went on\n' -e empty \
	    ./in_own_group vsh -c 'sh -c "trap \"echo job went on; exit 0\" INT; kill -INT 0"; echo after $?'
	# Only the shell got it, from its job: the same.
	atf_check -s signal:2 -o inline:'job ended\n' -e empty \
	    vsh -c 'sh -c "kill -INT \$PPID; echo job ended"; echo after'
	# A subshell waiting for its job: the subshell dies of it, and the
	# shell, which did not get it, goes on with status 130.
	atf_check -s exit:0 -o inline:'job ended\nouter 130\n' -e empty \
	    vsh -c '(sh -c "kill -INT \$PPID; echo job ended"; echo after); echo "outer $?"'
	# Only the job got it: the script goes on with 130.
	atf_check -s exit:0 -o inline:'after 130\n' -e empty vsh -c 'sh -c "kill -INT \$\$"; echo after $?'
	# A trap on INT runs instead.
	atf_check -s exit:0 -o inline:'trapped\nafter 130\n' -e empty \
	    ./in_own_group vsh -c 'trap "echo trapped" INT; sh -c "kill -INT 0"; echo after $?'
	# While the shell itself runs, SIGINT ends it at once.
	atf_check -s signal:2 -o empty -e empty vsh -c 'kill -INT $$; echo after'
}

atf_init_test_cases()
{
	atf_add_test_case exit_trap
	atf_add_test_case trap_listing
	atf_add_test_case trap_errors
	atf_add_test_case signal_to_self
	atf_add_test_case status_preserved
	atf_add_test_case subshell_reset
	atf_add_test_case ignored_in_children
	atf_add_test_case ignored_on_entry
	atf_add_test_case kill_list
	atf_add_test_case sigint_stops_script
	atf_add_test_case exit_in_trap_action
	atf_add_test_case return_in_trap_action
	atf_add_test_case action_while_jump_pending
	atf_add_test_case signal_names_any_case
	atf_add_test_case interrupt_inside_expansion
	atf_add_test_case action_after_double_dash
}
