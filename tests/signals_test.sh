#! /usr/bin/env atf-sh
# Signal dispositions, checked as a table (XCU 2.11 Signals and Error
# Handling, 2.12 Shell Execution Environment, trap, sh ASYNCHRONOUS EVENTS).
#
# Cases: signal (HUP INT QUIT USR1 TERM TSTP TTIN TTOU) x context (the
# shell itself, "( )", "{ }&", a lone program "&", "$( )", "$(program)",
# and three subshells that set traps of their own) x mode (-i -m, -i +m,
# non-interactive) x disposition at start-up (default, ignored) x trap in
# the main shell (none, command, '' (ignore), -, command then -).
#
# One vsh run per mode, start-up disposition and trap (all eight signals at
# once); it prints the SigIgn/SigCgt masks of each context's shell process
# and of a program it runs there, then sends each signal to each context
# where it should not stop the process (all but the stop signals, and
# those where ignored or trapped) and prints what happened; with job
# control, also the stop signals that stop "( )" and "{ }&", which bg then
# resumes.  The expected output is
# computed below from the rules (expected_*), never copied from vsh.
# Interactive runs get a terminal from script(1).
. "$(atf_get_srcdir)/common.sh"

SIGNALS='HUP INT QUIT USR1 TERM TSTP TTIN TTOU'
SENT='HUP INT QUIT USR1 TERM TSTP TTIN TTOU'
# The stop signals are sent only where the rules say the process survives
# them (ignored or trapped): one that stops would hang the table, and the
# kernel drops them for an orphaned process group anyway.
STOPS='TSTP TTIN TTOU'
CONTEXTS='main sub async asyncprog comsub comsubprog subcatch asyncreset comsubreset'
TRAPS='none cmd ign dfl clr'

# --- the rules ---------------------------------------------------------

# expected_dispositions MODE ENTRY TRAP SIG CTX sets ed_result to "shell
# program", each C (caught), I (ignored) or D (default); "-" where there is
# no shell process.
expected_dispositions()
{
	ed_mode=$1 ed_entry=$2 ed_trap=$3 ed_sig=$4 ed_ctx=$5
	ed_interactive=true; [ "$ed_mode" = ni ] && ed_interactive=false
	# A non-interactive shell cannot trap or reset what was ignored on
	# entry; an interactive one can, and then forgets it was ignored.
	ed_user=none
	case $ed_trap in cmd) ed_user=catch ;; ign) ed_user=ignore ;; esac
	ed_settable=true
	if $ed_interactive; then
		[ "$ed_trap" != none ] && ed_entry=def
		# With job control the stop signals are the shell's to manage.
		case $ed_mode.$ed_sig in im.TSTP|im.TTIN|im.TTOU) ed_entry=def ;; esac
	elif [ "$ed_entry" = ign ]; then
		ed_user=none ed_settable=false
	fi
	ed_inherited=D; [ "$ed_entry" = ign ] && ed_inherited=I
	# What a program gets, and what a subshell has: caught goes back to default.
	case $ed_user in
	catch) ed_child=D ;;
	ignore) ed_child=I ;;
	none) ed_child=$ed_inherited ;;
	esac
	# The shell itself: the trap, else its own needs, else what it inherited.
	case $ed_user in
	catch) ed_shell=C ;;
	ignore) ed_shell=I ;;
	none)
		ed_shell=$ed_inherited
		if $ed_interactive; then
			case $ed_sig in
			INT) ed_shell=C ;;
			# to hang up its jobs, unless it was started under nohup
			HUP) [ $ed_inherited = D ] && ed_shell=C ;;
			QUIT|TERM) ed_shell=I ;;
			TSTP|TTIN|TTOU) [ "$ed_mode" = im ] && ed_shell=I ;;
			esac
		fi ;;
	esac
	# Asynchronous lists without job control: SIGINT and SIGQUIT ignored.
	ed_async=$ed_child
	case $ed_mode.$ed_sig in ip.INT|ip.QUIT|ni.INT|ni.QUIT) ed_async=I ;; esac
	# Command substitutions under job control: the stop signals ignored
	# (nobody could resume them; the shell reads their output).
	ed_comsub=$ed_child
	case $ed_mode.$ed_sig in im.TSTP|im.TTIN|im.TTOU) ed_comsub=I ;; esac
	case $ed_ctx in
	main) ed_result="$ed_shell $ed_child" ;;
	sub) ed_result="$ed_child $ed_child" ;;
	comsub) ed_result="$ed_comsub $ed_comsub" ;;
	comsubprog) ed_result="- $ed_comsub" ;;
	async) ed_result="$ed_async $ed_async" ;;
	asyncprog) ed_result="- $ed_async" ;;
	# (trap 'cmd' SIG; ...): caught, and programs get the default.
	subcatch) if $ed_settable; then ed_result="C D"; else ed_result="I I"; fi ;;
	# { trap - SIG; ...; } & and $(trap - SIG; ...): the default, INT and
	# QUIT, and the stop signals, too.
	asyncreset|comsubreset) if $ed_settable; then ed_result="D D"; else ed_result="I I"; fi ;;
	esac
}

# sent_to_main MODE ENTRY TRAP SIG: true if the main shell survives SIG (its
# trap runs, it ignores it, or it is the interactive shell's SIGINT), so
# that the table can send it; sets ed_result.
sent_to_main()
{
	expected_dispositions "$1" "$2" "$3" "$4" main
	case ${ed_result% *}.$3.$4 in
	I.*|C.cmd.*|C.*.INT) return 0 ;;
	esac
	return 1
}

# sent_to CTX MODE ENTRY TRAP SIG: true if the table sends SIG to CTX's
# shell process (sub, async or comsub): every signal that does not stop,
# and a stop signal that the rules say is ignored there.
sent_to()
{
	case " $STOPS " in *" $5 "*) ;; *) return 0 ;; esac
	expected_dispositions "$2" "$3" "$4" "$5" "$1"
	[ "${ed_result% *}" = I ]
}

# stopped_in CTX MODE ENTRY TRAP SIG: true if the table stops CTX (sub or
# async) with SIG and resumes it with bg: with job control, where the job
# has a process group of its own and the rules give it the default.
stopped_in()
{
	[ "$2" = im ] || return 1
	case $1 in sub|async) ;; *) return 1 ;; esac
	case " $STOPS " in *" $5 "*) ;; *) return 1 ;; esac
	expected_dispositions "$2" "$3" "$4" "$5" "$1"
	[ "${ed_result% *}" = D ]
}

# expected_sends MODE ENTRY TRAP SIG: the lines the send part prints.
expected_sends()
{
	eval es_n=\$number_$4
	if sent_to_main "$@"; then
		case ${ed_result% *} in
		C)
			if [ "$3" = cmd ]; then
				echo "T:$4"
				echo "main $4 survived"
			fi
			# else the interactive shell's own SIGINT: the rest of the line is dropped
			echo "main $4 next" ;;
		I)
			echo "main $4 survived"
			echo "main $4 next" ;;
		esac
	fi
	for es_ctx in sub async comsub; do
		if stopped_in $es_ctx "$@"; then
			# The shell's wait ends when the job stops; bg lets it go on.
			echo "$es_ctx $4 status $((128 + es_n))"
			echo "$es_ctx $4 survived"
			echo "$es_ctx $4 resumed status 0"
			continue
		fi
		sent_to $es_ctx "$@" || continue
		expected_dispositions "$1" "$2" "$3" "$4" $es_ctx
		if [ "${ed_result% *}" = I ]; then
			case $es_ctx in
			comsub) echo "comsub $4 status 0"; echo "comsub $4 output survived" ;;
			*) echo "$es_ctx $4 survived"; echo "$es_ctx $4 status 0" ;;
			esac
			continue
		fi
		# Under job control a foreground job killed by SIGINT counts as
		# ^C for the shell too: the shell's trap runs.
		if [ "$1.$4.$3" = im.INT.cmd ] && [ $es_ctx != async ]; then
			echo "T:INT"
		fi
		echo "$es_ctx $4 status $((128 + es_n))"
		[ $es_ctx = comsub ] && echo "comsub $4 output"
	done
	return 0
}

# --- the commands vsh runs ---------------------------------------------

batch()
{
	for s in $SIGNALS; do
		case $1 in
		cmd) echo "trap 'echo T:$s' $s" ;;
		ign) echo "trap '' $s" ;;
		dfl) echo "trap - $s" ;;
		clr) echo "trap 'echo T:$s' $s; trap - $s" ;;
		esac
	done
	cat <<'EOF'
masks() { while read -r k v; do case $k in SigIgn:) i=$v;; SigCgt:) c=$v;; esac; done </proc/self/status; echo "$1 shell $i $c"; }
prog() { awk -v c="$1" '$1 == "SigIgn:" { print c, "prog", $2 }' /proc/self/status; }
masks main; prog main
(masks sub; prog sub)
{ masks async; prog async; } & wait $!
awk '$1 == "SigIgn:" { print "asyncprog prog", $2 }' /proc/self/status & wait $!
r=$(masks comsub; prog comsub); echo "$r"
r=$(awk '$1 == "SigIgn:" { print "comsubprog prog", $2 }' /proc/self/status); echo "$r"
EOF
	# Subshells that set traps of their own.
	echo "(for s in $SIGNALS; do trap 'echo x' \$s; done; masks subcatch; prog subcatch)"
	echo "{ trap - $SIGNALS; masks asyncreset; prog asyncreset; } & wait \$!"
	echo "r=\$(trap - $SIGNALS; masks comsubreset; prog comsubreset); echo \"\$r\""
	# Each signal sent to each context's shell process, which reads its own
	# pid from /proc/self/stat; not to the main shell where it would die.
	for s in $SENT; do
		if sent_to_main "$mode" "$entry" "$trap" "$s"; then
			echo "kill -$s \$\$; echo 'main $s survived'"
			echo "echo 'main $s next'"
		fi
		if sent_to sub "$mode" "$entry" "$trap" "$s" || stopped_in sub "$mode" "$entry" "$trap" "$s"; then
			echo "(read -r p _ </proc/self/stat; kill -$s \$p; echo 'sub $s survived')"
			echo "echo \"sub $s status \$?\""
		fi
		stopped_in sub "$mode" "$entry" "$trap" "$s" &&
			echo "bg >/dev/null; wait %+; echo \"sub $s resumed status \$?\""
		if sent_to async "$mode" "$entry" "$trap" "$s" || stopped_in async "$mode" "$entry" "$trap" "$s"; then
			echo "{ read -r p _ </proc/self/stat; kill -$s \$p; echo 'async $s survived'; } & wait \$!"
			echo "echo \"async $s status \$?\""
		fi
		stopped_in async "$mode" "$entry" "$trap" "$s" &&
			echo "bg >/dev/null; wait %+; echo \"async $s resumed status \$?\""
		if sent_to comsub "$mode" "$entry" "$trap" "$s"; then
			echo "r=\$(read -r p _ </proc/self/stat; kill -$s \$p; echo survived)"
			echo "echo \"comsub $s status \$?\"; echo \"comsub $s output \$r\""
		fi
	done
}

# Turn the masks lines into one line per context and signal.
decode()
{
	while read -r ctx what ign cgt; do
		case $what in
		shell|prog) ;;
		*) echo "$ctx $what $ign $cgt" | sed 's/ *$//'; continue ;;
		esac
		for s in $SIGNALS; do
			eval bit=\$\(\( 1 \<\< \(\$number_$s - 1\) \)\)
			d=D
			[ $(( 0x$ign & bit )) -ne 0 ] && d=I
			[ "$what" = shell ] && [ $(( 0x$cgt & bit )) -ne 0 ] && d=C
			echo "$ctx $s $what $d"
		done
	done
}

expected_run()
{
	for ctx in $CONTEXTS; do
		for what in shell prog; do
			for s in $SIGNALS; do
				expected_dispositions "$mode" "$entry" "$trap" "$s" "$ctx"
				set -- $ed_result
				[ $what = shell ] || shift
				[ "$1" = - ] || echo "$ctx $s $what $1"
			done
		done
	done
	for s in $SENT; do
		expected_sends "$mode" "$entry" "$trap" "$s"
	done
}

run_table()
{
	mode=$1
	command -v script >/dev/null || atf_skip "script(1) is needed for a terminal"
	failures=0 cases=0
	for s in $SIGNALS; do
		eval number_$s=$(kill -l $s)
	done
	signal_list=$(echo $SIGNALS | tr ' ' ,)
	case $mode in
	im) flags='-i -m' ;;
	ip) flags='-i +m' ;;
	ni) flags='' ;;
	esac
	for entry in def ign; do
		if [ $entry = ign ]; then
			start="env --ignore-signal=$signal_list"
		else
			start="env --default-signal=$signal_list"
		fi
		for trap in $TRAPS; do
			batch $trap >commands
			echo 'exit 0' >>commands
			: >raw
			# A run that hangs (a stopped shell) fails in a minute, not at the
			# test's timeout.  timeout and script set some signals in their
			# children: env comes last.
			if [ $mode = ni ]; then
				timeout 60 $start vsh <commands >raw 2>errors
			else
				env -u ENV PS1= PS2= timeout 60 script -qec \
				    "$start vsh $flags <commands >raw 2>errors" /dev/null >/dev/null 2>&1
			fi
			decode <raw >actual
			expected_run >expected
			cases=$((cases + $(grep -c ' \(shell\|prog\) ' expected)))
			if ! cmp -s expected actual; then
				failures=$((failures + 1))
				echo "=== vsh $flags, start-up $entry, trap $trap: expected vs actual" >&2
				diff expected actual >&2
				sed 's/^/  stderr: /' errors >&2
				echo >&2
			fi
		done
	done
	echo "$cases dispositions checked"
	[ $failures -eq 0 ] || atf_fail "$failures of 10 runs differ from the rules (see stderr)"
}

atf_test_case noninteractive
noninteractive_head() { atf_set descr "dispositions of a non-interactive shell, its subshells and programs"; atf_set require.progs "awk env timeout"; }
noninteractive_body() { run_table ni; }

atf_test_case interactive_monitor
interactive_monitor_head() { atf_set descr "dispositions of an interactive shell with job control, its subshells and programs"; atf_set require.progs "awk env script timeout"; }
interactive_monitor_body() { run_table im; }

atf_test_case interactive_nomonitor
interactive_nomonitor_head() { atf_set descr "dispositions of an interactive shell without job control, its subshells and programs"; atf_set require.progs "awk env script timeout"; }
interactive_nomonitor_body() { run_table ip; }

atf_init_test_cases()
{
	atf_add_test_case noninteractive
	atf_add_test_case interactive_monitor
	atf_add_test_case interactive_nomonitor
}
