#! /usr/bin/env atf-sh
# Job control in a real terminal (tmux): Ctrl-Z, fg, bg, jobs, job IDs,
# terminal modes, reports before the prompt, exit with stopped jobs, SIGHUP.
. "$(atf_get_srcdir)/common.sh"

# An interactive vsh with a known prompt and nothing from the user's setup.
# When it ends, the pane says how: "vsh-exited-STATUS".
start_vsh()
{
	tmux_start sh -c 'env -i PATH="$PATH" HOME="$PWD" TERM=xterm PS1="vsh\$ " vsh -i
	    echo "vsh-exited-$?"; exec sleep 60'
	tmux_wait_for '^vsh\$ ?$'
}

# A command for the terminal that writes its pid to FILE, prints a marker
# computed from N (so the typed command cannot match it), then runs CMD.
# job_cmd FILE N CMD
job_cmd()
{
	printf "sh -c 'echo \$\$ >%s; echo started-\$((%s+0)); exec %s'" "$1" "$2" "$3"
}

# stop_job FILE N CMD: run job_cmd FILE N CMD in the foreground, wait
# until it has the terminal, stop it with Ctrl-Z and wait for the report.
stop_job()
{
	tmux_keys "$(job_cmd "$1" "$2" "$3")" Enter
	tmux_wait_for "^started-$2\$"
	wait_stat "$1" '\+'
	tmux_keys C-z
	tmux_wait_for 'Stopped +sh -c'
}

# wait_stat FILE ERE: poll until the process whose pid is in FILE has a
# ps state matching ERE ("+" in the foreground group, "T" stopped).
wait_stat()
{
	tries=0
	while [ "$tries" -lt 300 ]; do
		if [ -s "$1" ] && ps -o stat= -p "$(cat "$1")" | grep -Eq -- "$2"; then
			return 0
		fi
		sleep 0.1
		tries=$((tries + 1))
	done
	ps -o pid,pgid,tpgid,stat,args -p "$(cat "$1" 2>/dev/null)" >&2
	tmux_screen >&2
	atf_fail "process of $1 never reached state /$2/"
}

# wait_gone FILE: poll until the process whose pid is in FILE has ended
# (a zombie counts as ended: its parent, the shell, may be gone).
wait_gone()
{
	tries=0
	while [ "$tries" -lt 300 ]; do
		state=$(ps -o stat= -p "$(cat "$1")")
		case $state in
		''|Z*) return 0 ;;
		esac
		sleep 0.1
		tries=$((tries + 1))
	done
	atf_fail "process of $1 is still there (state $state)"
}

atf_test_case stop_bg_fg_interrupt cleanup
stop_bg_fg_interrupt_head() { atf_set descr 'Ctrl-Z stops a job; bg resumes it in the background, fg in the foreground, where Ctrl-C ends it'; atf_set require.progs tmux; }
stop_bg_fg_interrupt_body()
{
	start_vsh
	stop_job p1 1 'sleep 300'
	tmux_wait_for '^\[1\] \+ Stopped +sh -c '
	wait_stat p1 T
	tmux_keys 'echo st=$?' Enter
	tmux_wait_for '^st=148$'
	tmux_keys 'bg' Enter
	tmux_wait_for '^\[1\] sh -c .*exec sleep 300. &$'
	wait_stat p1 '^S'
	tmux_keys 'jobs' Enter
	tmux_wait_for '^\[1\] \+ Running +sh -c '
	tmux_keys 'fg %1' Enter
	tmux_wait_for "^sh -c 'echo .*exec sleep 300'$"
	wait_stat p1 '\+'
	tmux_keys C-c
	tmux_wait_for '^vsh\$ ?$'
	wait_gone p1
	tmux_keys 'echo st=$?; jobs; echo listed-$((1+1))' Enter
	tmux_wait_for '^listed-2$'
	# jobs listed nothing between the two.
	tmux_screen | grep -A1 '^st=130$' | tail -n 1 | grep -q '^listed-2$' ||
	    { tmux_screen >&2; atf_fail "the interrupted job is still listed"; }
}
stop_bg_fg_interrupt_cleanup() { tmux_stop; }

atf_test_case job_ids cleanup
job_ids_head() { atf_set descr '%n, %-, %?string, %string select jobs; the current job is the last stopped one; errors for unknown and ambiguous IDs'; atf_set require.progs tmux; }
job_ids_body()
{
	start_vsh
	tmux_keys 'sleep 301 & echo $! >a; sleep 302 & echo $! >b' Enter
	tmux_wait_for '^\[2\] [0-9]+$'
	stop_job c 3 'sleep 303'
	tmux_wait_for '^\[3\] \+ Stopped +sh -c '
	# The stopped job is current although job 2 started later... than job 1.
	tmux_keys 'jobs' Enter
	tmux_wait_for '^\[2\] - Running +sleep 302$'
	tmux_wait_for '^\[1\]   Running +sleep 301$'
	# %- is job 2, %?301 job 1, %sh job 3.
	tmux_keys 'jobs -p %-; jobs %?301; jobs %sh; echo ids-$((2+2))' Enter
	tmux_wait_for '^ids-4$'
	tmux_wait_for "^$(cat b)$"
	tmux_wait_for '^\[1\]   Running +sleep 301$'
	tmux_wait_for '^\[3\] \+ Stopped +sh -c'
	tmux_keys 'fg %9; echo st=$?' Enter
	tmux_wait_for 'fg: %9: no such job$'
	tmux_wait_for '^st=1$'
	tmux_keys 'bg %sleep; echo st=$((1+$?))' Enter
	tmux_wait_for 'bg: %sleep: ambiguous job spec$'
	tmux_wait_for '^st=2$'
	# fg on job 2 (%-): stopped again, it keeps its number and becomes current.
	tmux_keys 'fg %-' Enter
	tmux_wait_for '^sleep 302$'
	wait_stat b '\+'
	tmux_keys C-z
	tmux_wait_for '^\[2\] \+ Stopped +sleep 302$'
	tmux_keys 'jobs' Enter
	tmux_wait_for '^\[3\] - Stopped +sh -c'
	tmux_keys 'kill %1 %2 %3; echo killed-$((3+3))' Enter
	tmux_wait_for '^killed-6$'
	wait_gone a
	wait_gone b
	wait_gone c
}
job_ids_cleanup()
{
	for f in a b c; do [ -s $f ] && kill -9 "$(cat $f)" 2>/dev/null; done
	tmux_stop
}

atf_test_case substitution_not_stopped cleanup
substitution_not_stopped_head() { atf_set descr 'Ctrl-Z while a command substitution runs does not stop it: the shell, reading its output, would hang'; atf_set require.progs tmux; }
substitution_not_stopped_body()
{
	start_vsh
	for how in "sh -c 'echo \$\$ >c; echo started-\$((1+1)) >&2; exec sleep 300'" \
	    "sh -c 'echo \$\$ >c; echo started-\$((1+1)) >&2; exec sleep 300'; :"; do
		rm -f c
		tmux_keys "echo \"got \$($how)\$((6*7))\"" Enter
		tmux_wait_for '^started-2$'
		wait_stat c '\+'
		tmux_keys C-z
		# The terminal echoes ^Z once it has sent the signal.
		tmux_wait_for '\^Z'
		kill -TERM "$(cat c)"
		tmux_wait_for '^got 42$'
		tmux_keys 'clear' Enter
		tmux_wait_for '^vsh\$ ?$'
	done
	tmux_keys 'jobs; echo none-$((2+3))' Enter
	tmux_wait_for '^none-5$'
	tmux_never_shown 'Stopped' "a command substitution was stopped"
}
substitution_not_stopped_cleanup()
{
	[ -s c ] && kill -9 "$(cat c)" 2>/dev/null
	tmux_stop
}

atf_test_case terminal_modes cleanup
terminal_modes_head() { atf_set descr 'A stopped job that changed the terminal modes leaves a usable prompt and gets its modes back with fg; a program dying in raw mode too'; atf_set require.progs tmux stty; }
terminal_modes_body()
{
	# The job waits on a FIFO, starting no process: dash starts programs
	# with vfork, and a Ctrl-Z that meets its child before execve leaves
	# dash waiting for it, never stopped (see early_stop).
	cat >job.sh <<'EOF'
stty -echo -icanon
stty -g >before
echo $$ >pid
echo modes-set
read go <go
stty -g >after
EOF
	mkfifo go
	start_vsh
	tmux_keys 'sh job.sh' Enter
	tmux_wait_for '^modes-set$'
	wait_stat pid '\+'
	tmux_keys C-z
	tmux_wait_for '^\[1\] \+ Stopped +sh job.sh$'
	# Echo is back: the typed command shows on the screen.
	tmux_keys 'echo typed-$((2+3))' Enter
	tmux_wait_for '^vsh\$ echo typed-\$\(\(2\+3\)\)$'
	tmux_wait_for '^typed-5$'
	tmux_keys 'stty -g >shell; fg' Enter
	tmux_wait_for '^sh job.sh$'
	# Blocks until the job opens the FIFO.
	timeout 60 sh -c 'echo go >go' || atf_fail "the job never read the FIFO"
	wait_gone pid
	tmux_keys 'cmp -s before after && echo same-$((3+4)); cmp -s before shell || echo differ-$((4+4))' Enter
	tmux_wait_for '^vsh\$ cmp -s before after'
	tmux_wait_for '^same-7$'
	tmux_wait_for '^differ-8$'
	# A program killed in raw mode: the shell's modes come back.
	tmux_keys "sh -c 'stty raw -echo; kill -KILL \$\$'" Enter
	tmux_wait_for '^Killed'
	tmux_keys 'echo after-$((5+4))' Enter
	tmux_wait_for '^vsh\$ echo after-\$\(\(5\+4\)\)$'
	tmux_wait_for '^after-9$'
	# One that ends normally but leaves the terminal without echo: the same.
	tmux_keys "stty -echo -icanon; echo left-\$((5+5))" Enter
	tmux_wait_for '^left-10$'
	tmux_keys 'echo after-$((5+6))' Enter
	tmux_wait_for '^vsh\$ echo after-\$\(\(5\+6\)\)$'
	tmux_wait_for '^after-11$'
}
terminal_modes_cleanup() { tmux_stop; }

atf_test_case early_stop cleanup
early_stop_head() { atf_set descr 'A Ctrl-Z that reaches a program between vfork and execve stops it once it has started; the shell does not hang'; atf_set require.progs tmux strace; }
early_stop_body()
{
	start_vsh
	tmux_keys 'echo $$ >shell' Enter
	wait_stat shell 'S'
	# strace sends SIGTSTP to each process it traces at its first
	# rt_sigprocmask: the shell's own (ignored under job control) and the
	# child's, which unblocks its signals just before execve.
	strace -f -qq -o /dev/null -e trace=rt_sigprocmask \
	    -e inject=rt_sigprocmask:signal=SIGTSTP:when=1 -p "$(cat shell)" 2>strace.err &
	echo $! >tracer
	tries=0
	until grep -Eq '^TracerPid:[[:space:]]+[1-9]' "/proc/$(cat shell)/status"; do
		kill -0 "$(cat tracer)" 2>/dev/null || atf_skip "strace cannot trace here: $(cat strace.err)"
		[ "$tries" -lt 300 ] || atf_fail "strace never attached"
		sleep 0.1
		tries=$((tries + 1))
	done
	tmux_keys 'sleep 307' Enter
	tmux_wait_for '^\[1\] \+ Stopped +sleep 307$'
	kill "$(cat tracer)"
	wait_gone tracer
	tmux_keys 'jobs -p >p; kill %1; echo alive-$((3+4))' Enter
	tmux_wait_for '^alive-7$'
	wait_gone p
}
early_stop_cleanup()
{
	[ -s tracer ] && kill -9 "$(cat tracer)" 2>/dev/null
	[ -s p ] && kill -9 "$(cat p)" 2>/dev/null
	tmux_stop
}

atf_test_case reports cleanup
reports_head() { atf_set descr 'Done and stopped background jobs are reported before the next prompt, once'; atf_set require.progs tmux; }
reports_body()
{
	start_vsh
	tmux_keys 'sh -c "echo \$\$ >p; exit 3" &' Enter
	tmux_wait_for '^\[1\] [0-9]+$'
	wait_gone p
	tmux_keys Enter
	tmux_wait_for '^\[1\] \+ Done\(3\) +sh -c'
	tmux_keys 'sleep 304 & echo $! >q' Enter
	tmux_wait_for '^\[1\] [0-9]+$'
	tmux_wait_for '^vsh\$ ?$'
	tmux_keys 'kill -STOP $(cat q); echo sent-$((1+1))' Enter
	tmux_wait_for '^sent-2$'
	wait_stat q T
	tmux_keys Enter
	tmux_wait_for '^\[1\] \+ Stopped +sleep 304$'
	tmux_keys 'echo again-$((2+1))' Enter
	tmux_wait_for '^again-3$'
	test "$(tmux_screen | grep -c 'Done(3)')" = 1 || atf_fail "Done reported more than once"
	test "$(tmux_screen | grep -c 'Stopped')" = 1 || atf_fail "Stopped reported more than once"
	tmux_keys 'kill %1' Enter
	wait_gone q
}
reports_cleanup()
{
	[ -s q ] && kill -9 "$(cat q)" 2>/dev/null
	tmux_stop
}

atf_test_case exit_stopped_jobs cleanup
exit_stopped_jobs_head() { atf_set descr 'exit with stopped jobs warns once; another command resets it; a second exit in a row leaves and hangs up the job'; atf_set require.progs tmux; }
exit_stopped_jobs_body()
{
	start_vsh
	stop_job p 7 'sleep 305'
	tmux_keys 'false; exit' Enter
	tmux_wait_for '^There are stopped jobs\.$'
	tmux_keys 'echo st=$?' Enter
	tmux_wait_for '^st=1$'
	tmux_keys 'exit' Enter
	test "$(tmux_screen | grep -c 'There are stopped jobs')" = 2 ||
	    atf_fail "a command in between did not renew the warning"
	tmux_keys 'exit' Enter
	tmux_wait_for '^vsh-exited-0$'
	wait_gone p
}
exit_stopped_jobs_cleanup()
{
	[ -s p ] && kill -9 "$(cat p)" 2>/dev/null
	tmux_stop
}

atf_test_case eof_stopped_jobs cleanup
eof_stopped_jobs_head() { atf_set descr 'Ctrl-D with stopped jobs warns once and leaves at the second'; atf_set require.progs tmux; }
eof_stopped_jobs_body()
{
	start_vsh
	stop_job p 8 'sleep 306'
	tmux_keys C-d
	tmux_wait_for 'There are stopped jobs\.$'
	tmux_keys 'echo alive-$((4+4))' Enter
	tmux_wait_for '^alive-8$|vsh-exited-'
	tmux_never_shown 'vsh-exited-' "the shell left at the first Ctrl-D"
	tmux_keys C-d
	tmux_wait_for 'There are stopped jobs\.$'
	tmux_keys C-d
	# No newline after ^D: the marker follows the prompt.
	tmux_wait_for 'vsh-exited-0$'
	wait_gone p
}
eof_stopped_jobs_cleanup()
{
	[ -s p ] && kill -9 "$(cat p)" 2>/dev/null
	tmux_stop
}

atf_test_case hangup cleanup
hangup_head() { atf_set descr 'SIGHUP to an interactive shell hangs up its running and stopped jobs, and the shell dies of it'; atf_set require.progs tmux; }
hangup_body()
{
	start_vsh
	tmux_keys 'echo $$ >shell; sleep 307 & echo $! >r' Enter
	tmux_wait_for '^\[1\] [0-9]+$'
	stop_job s 9 'sleep 308'
	wait_stat s T
	kill -HUP "$(cat shell)"
	tmux_wait_for '^vsh-exited-129$'
	wait_gone r
	wait_gone s
	# The history is saved: the commands typed are in the file.
	grep -q '^echo \$\$ >shell; sleep 307 & echo \$! >r$' .vsh_history ||
	    atf_fail "the history was not saved"
	grep -q 'sleep 308' .vsh_history || atf_fail "the history was not saved"
}
hangup_cleanup()
{
	for f in r s; do [ -s $f ] && kill -9 "$(cat $f)" 2>/dev/null; done
	tmux_stop
}

atf_test_case hangup_foreground cleanup
hangup_foreground_head() { atf_set descr 'SIGHUP while the shell waits for a foreground job: the shell does not wait on, it hangs up the jobs'; atf_set require.progs tmux; }
hangup_foreground_body()
{
	start_vsh
	tmux_keys 'echo $$ >shell; sleep 311 & echo $! >r' Enter
	tmux_wait_for '^\[1\] [0-9]+$'
	tmux_keys "$(job_cmd f 5 'sleep 312')" Enter
	tmux_wait_for '^started-5$'
	wait_stat f '\+'
	kill -HUP "$(cat shell)"
	tmux_wait_for '^vsh-exited-129$'
	wait_gone f
	wait_gone r
}
hangup_foreground_cleanup()
{
	for f in r f; do [ -s $f ] && kill -9 "$(cat $f)" 2>/dev/null; done
	tmux_stop
}

atf_test_case hangup_in_wait cleanup
hangup_in_wait_head() { atf_set descr 'SIGHUP during the wait built-in: the shell does not wait on, it hangs up the jobs'; atf_set require.progs tmux; }
hangup_in_wait_body()
{
	start_vsh
	tmux_keys 'echo $$ >shell; sleep 313 & echo $! >r; wait; echo waited-$((1+1))' Enter
	tmux_wait_for '^\[1\] [0-9]+$'
	# Before or during the wait, the outcome is the same.
	kill -HUP "$(cat shell)"
	tmux_wait_for '^vsh-exited-129$'
	tmux_never_shown '^waited-2$' "wait went on after SIGHUP"
	wait_gone r
}
hangup_in_wait_cleanup()
{
	[ -s r ] && kill -9 "$(cat r)" 2>/dev/null
	tmux_stop
}

atf_test_case hangup_trapped cleanup
hangup_trapped_head() { atf_set descr 'A trapped SIGHUP runs its trap instead'; atf_set require.progs tmux; }
hangup_trapped_body()
{
	start_vsh
	tmux_keys 'trap "echo hup-\$((4*4))" HUP; echo $$ >shell; sleep 309 & echo $! >r' Enter
	tmux_wait_for '^\[1\] [0-9]+$'
	tmux_wait_for '^vsh\$ ?$'
	kill -HUP "$(cat shell)"
	tmux_wait_for 'hup-16$'
	tmux_keys 'jobs' Enter
	tmux_wait_for '^\[1\] \+ Running +sleep 309$'
	tmux_keys 'kill %1' Enter
	wait_gone r
}
hangup_trapped_cleanup()
{
	[ -s r ] && kill -9 "$(cat r)" 2>/dev/null
	tmux_stop
}

atf_test_case started_in_background cleanup
started_in_background_head() { atf_set descr 'an interactive shell started in the background stops until fg, even with SIGTTIN ignored by its parent'; atf_set require.progs tmux; }
started_in_background_body()
{
	start_vsh
	tmux_keys "sh -c 'trap \"\" TTIN; echo \$\$ >inner; PS1=\"inner\\$ \" exec vsh -i' &" Enter
	tmux_wait_for '^\[1\] [0-9]+$'
	# Stopped, not spinning in its wait for the terminal.
	wait_stat inner T
	tmux_keys 'fg' Enter
	tmux_wait_for '^inner\$ ?$'
	tmux_keys 'echo in-$((2+3))' Enter
	tmux_wait_for '^in-5$'
	tmux_keys 'exit' Enter
	wait_gone inner
	tmux_keys 'echo out-$((3+4))' Enter
	tmux_wait_for '^out-7$'
}
started_in_background_cleanup()
{
	[ -s inner ] && kill -9 "$(cat inner)" 2>/dev/null
	tmux_stop
}

atf_init_test_cases()
{
	atf_add_test_case stop_bg_fg_interrupt
	atf_add_test_case job_ids
	atf_add_test_case substitution_not_stopped
	atf_add_test_case terminal_modes
	atf_add_test_case early_stop
	atf_add_test_case reports
	atf_add_test_case exit_stopped_jobs
	atf_add_test_case eof_stopped_jobs
	atf_add_test_case hangup
	atf_add_test_case hangup_foreground
	atf_add_test_case hangup_in_wait
	atf_add_test_case hangup_trapped
	atf_add_test_case started_in_background
}
