#! /usr/bin/env atf-sh
# Background jobs: $!, wait, jobs, kill, and what an asynchronous list
# gets without job control.
. "$(atf_get_srcdir)/common.sh"

atf_test_case last_background
last_background_head() { atf_set descr "\$! is the process id of the last background job"; }
last_background_body()
{
	atf_check -s exit:0 -o inline:'ok\n' -e empty \
	    vsh -c '/bin/sleep 0 & p=$!; case $p in ""|*[!0-9]*) echo bad;; *) echo ok;; esac; wait'
	# It is the pid the job reports itself.
	atf_check -s exit:0 -o inline:'same\n' -e empty \
	    vsh -c 'sh -c "echo \$\$ >pid" & wait; [ "$(cat pid)" = "$!" ] && echo same'
	# Empty before any.
	atf_check -s exit:0 -o inline:'[]\n' -e empty vsh -c 'echo "[$!]"'
}

atf_test_case wait_status
wait_status_head() { atf_set descr "wait returns the status of pids and job specs; wait alone waits for all and returns 0"; }
wait_status_body()
{
	atf_check -s exit:0 -o inline:'3\n' -e empty vsh -c 'sh -c "exit 3" & wait $!; echo $?'
	atf_check -s exit:0 -o inline:'4\n' -e empty vsh -c 'sh -c "exit 4" & wait %1; echo $?'
	atf_check -s exit:0 -o inline:'5\n' -e empty vsh -c 'sh -c "exit 5" & wait %%; echo $?'
	atf_check -s exit:0 -o inline:'0\n' -e empty vsh -c 'sh -c "exit 3" & sh -c "exit 5" & wait; echo $?'
	# Several operands: the status of the last one.
	atf_check -s exit:0 -o inline:'7\n' -e empty \
	    vsh -c 'sh -c "exit 3" & a=$!; sh -c "exit 7" & b=$!; wait $a $b; echo $?'
	# A job that already ended: its status is remembered.
	atf_check -s exit:0 -o inline:'6\n' -e empty \
	    vsh -c 'sh -c "exit 6" & p=$!; sleep 0.2; /bin/true; wait $p; echo $?'
	# Killed by a signal: 128 + n.
	atf_check -s exit:0 -o inline:'143\n' -e empty vsh -c 'sh -c "kill \$\$" & wait $!; echo $?'
	# wait really waits.
	atf_check -s exit:0 -o inline:'done\n' -e empty vsh -c '(sleep 0.2; echo done >f) & wait; cat f'
	# A pipeline job: the status of its last command.
	atf_check -s exit:0 -o inline:'2\n' -e empty vsh -c 'true | sh -c "exit 2" & wait $!; echo $?'
}

atf_test_case wait_unknown
wait_unknown_head() { atf_set descr "wait for a process that is not a child: 127"; }
wait_unknown_body()
{
	atf_check -s exit:0 -o inline:'127\n' -e empty vsh -c 'wait $$; echo $?'
	atf_check -s exit:0 -o inline:'127\n' -e match:'wait: %3: no such job' vsh -c 'wait %3; echo $?'
	atf_check -s exit:0 -o inline:'2\n' -e match:'wait: abc' vsh -c 'wait abc; echo $?'
	# A process is waited for once; a plain wait forgets every known one.
	atf_check -s exit:0 -o inline:'3\n127\n' -e empty vsh -c 'sh -c "exit 3" & p=$!; wait $p; echo $?; wait $p; echo $?'
	atf_check -s exit:0 -o inline:'0\n127\n' -e empty vsh -c 'sh -c "exit 3" & p=$!; wait; echo $?; wait $p; echo $?'
	# Reported by jobs, still known to wait.
	atf_check -s exit:0 -o inline:'3\n' -e empty \
	    vsh -c 'sh -c "exit 3" & p=$!; sleep 0.2; jobs >/dev/null; wait $p; echo $?'
}

atf_test_case wait_interrupted
wait_interrupted_head() { atf_set descr "a trapped signal interrupts wait with a status above 128, then its action runs"; }
wait_interrupted_body()
{
	# The signal is sent once the shell waits in waitpid (its wchan), or
	# after 30 s.
	atf_check -s exit:0 -o inline:'got\nst=138\n' -e empty vsh -c '
	trap "echo got" USR1
	/bin/sleep 30 & p=$!
	/bin/sh -c "n=0; until grep -q do_wait /proc/$$/wchan || [ \$n = 3000 ]; do sleep 0.01; n=\$((n+1)); done; kill -USR1 $$" &
	wait $p; echo "st=$?"; kill $p'
	atf_check -s exit:0 -o inline:'got\nst=138\n' -e empty vsh -c '
	trap "echo got" USR1
	/bin/sleep 30 & p=$!
	/bin/sh -c "n=0; until grep -q do_wait /proc/$$/wchan || [ \$n = 3000 ]; do sleep 0.01; n=\$((n+1)); done; kill -USR1 $$" &
	wait; echo "st=$?"; kill $p'
}

# job_text_is SCRIPT TEXT: SCRIPT (a printf format) starts a job, and
# "jobs" run right after shows its command as TEXT.
job_text_is()
{
	printf "$1" >script
	printf 'jobs; kill %%1\n' >>script
	atf_check -s exit:0 -o inline:"[1] + Running                    $2" -e empty vsh script
}

atf_test_case jobs_output
jobs_output_head() { atf_set descr "jobs lists jobs in the POSIX format; -p the process ids; done jobs once"; }
jobs_output_body()
{
	atf_check -s exit:0 -o match:'^\[1\] - Running +sleep 1$' -o match:'^\[2\] \+ Running +sleep 2$' -e empty \
	    vsh -c 'sleep 1 & sleep 2 & jobs; kill %1 %2'
	atf_check -s exit:0 -o inline:'ok\n' -e empty \
	    vsh -c 'sleep 1 & p=$!; [ "$(jobs -p)" = "$p" ] && echo ok; kill %1'
	atf_check -s exit:0 -o match:'^\[1\] \+ [0-9]+ Running +sleep 1$' -e empty vsh -c 'sleep 1 & jobs -l; kill %1'
	# A subshell names its parent's jobs by job ID too, to list or signal them; not to wait.
	atf_check -s exit:0 -o inline:'ok ok\n[1] - Running                    sleep 31\nkilled\nw=127\n' \
	    -e inline:'vsh: -c: line 4: wait: %1: no such job\n' \
	    vsh -c 'sleep 31 & a=$!; sleep 32 & b=$!
	    [ "$(jobs -p %1)" = "$a" ] && [ "$(jobs -p %%)" = "$b" ] && echo ok ok
	    (jobs %sleep\ 31); (kill %1 %2) && wait && echo killed
	    (wait %1); echo w=$?'
	# A finished job is reported as Done once, then forgotten.
	# (Poll until the processes are gone: each foreground sleep collects what ended.)
	atf_check -s exit:0 -o match:'^\[1\] - Done\(3\) +sh -c' -o match:'^\[2\] \+ Done +true$' -o match:'^end$' -e empty \
	    vsh -c 'sh -c "exit 3" & a=$!; true & b=$!
	    for p in $a $b; do while kill -0 $p 2>/dev/null; do sleep 0.05; done; done
	    jobs; jobs; echo end'
	atf_check -s exit:0 -o inline:'end\n' -e empty \
	    vsh -c 'true & p=$!; while kill -0 $p 2>/dev/null; do sleep 0.05; done; jobs >/dev/null; jobs; echo end'
	# Selected jobs, by number and by command prefix and substring.
	atf_check -s exit:0 -o match:'^\[2\] \+ Running +sleep 2$' -o not-match:'sleep 1' -e empty \
	    vsh -c 'sleep 1 & sleep 2 & jobs %2; kill %1 %2'
	atf_check -s exit:0 -o match:'^\[1\] - Running +sleep 1$' -e empty \
	    vsh -c 'sleep 1 & sleep 2 & jobs %?1; kill %1 %2'
	atf_check -s exit:1 -o empty -e match:'jobs: %4: no such job' vsh -c 'jobs %4'
	# The command text is shell source that reads back: a newline inside
	# ${...} is quoted, not backslashed (which would join the lines); a
	# quoted "}" inside "${...}" is backslashed; a command named "if" keeps
	# its redirection in front.
	cat >script <<'EOF'
{ : ${x-a
b} \$\{ "" '{{' "\$" "${1-"}"}"; <script if 2>&-; sleep 1; } >/dev/null & jobs >out; kill %1
EOF
	cat >expected <<'EOF'
[1] + Running                    {
	: ${x-a'
'b} \$\{ '' \{\{ \$ "${1-\}}"
	<script 2>&- if
	sleep 1
} >/dev/null
EOF
	atf_check -s exit:0 -o empty -e empty vsh script
	atf_check -o file:expected cat out
	sed '1s/^.*Running *//' out >text
	atf_check -s exit:0 -o empty -e empty vsh -n text
	# A list ending in "&" takes no ";" before then, do, fi or "}" (one-line form in $(...)).
	job_text_is '{ : $(if false & then { ] & } fi); sleep 1; } 2>/dev/null &\n' \
	    '{\n\t: $(if false & then { ] & }; fi)\n\tsleep 1\n} 2>/dev/null\n'
	# A substitution whose text begins with a subshell keeps "$( ("; in
	# $((...)), "\\" stays doubled and "\)" (no paren) stays as it is.
	job_text_is ': $( (echo a) | cat; sleep 1) $(((\\\\)+1)) &\n' \
	    ': $( ( echo a ) | cat; sleep 1) $(((\\\\)+1))\n'
	# Here-document delimiters differ from their bodies' lines and from
	# the delimiters of the bodies they are printed inside.
	job_text_is 'sleep 1 <<F &\n`cat <<F\nF`\nVSH_EOF\nF\n' \
	    'sleep 1 <<VSH_EOF_1\n$(cat <<VSH_EOF\nVSH_EOF\n)\nVSH_EOF\nVSH_EOF_1\n'
	# ... and from the lines its expansions print: a body inside it, a
	# quoted newline (found by fuzz/parse: the outer body ended early).
	job_text_is "sleep 1 <<F &\\n\$(cat <<B\\nVSH_EOF\\nB\\n) \$(echo 'x\\nVSH_EOF_1\\ny')\\nF\\n" \
	    "sleep 1 <<VSH_EOF_2\\n\$(cat <<VSH_EOF_1\\nVSH_EOF\\nVSH_EOF_1\\n) \$(echo 'x\\nVSH_EOF_1\\ny')\\nVSH_EOF_2\\n"
	# A function name ending in "$" keeps a space before "()" (found by
	# fuzz/parse: "s$()" reads as "s" and "$()").
	job_text_is '{ false && s$ () { :; }; sleep 1; } &\n' '{\n\tfalse && s$ () {\n\t\t:\n\t}\n\tsleep 1\n}\n'
	# A body waits for the end of its own line, not a $(...) later on it
	# (found by fuzz/parse: the body was printed inside the substitution).
	job_text_is 'sleep 1 <<F >$(echo /dev/null) &\nbody\nF\n' \
	    'sleep 1 <<VSH_EOF >$(echo /dev/null)\nbody\nVSH_EOF\n'
	# A here-document: its expansions read as inside double quotes.
	job_text_is 'sleep 1 <<E >/dev/null &\n${T-e} ${T-\\}} $x\nE\n' \
	    'sleep 1 <<VSH_EOF >/dev/null\n${T-e} ${T-\}} ${x}\nVSH_EOF\n'
	# Empty quotes next to "$@" are kept: with no positional parameters
	# they make the field (XCU 2.5.2); next to other quoted text they add nothing.
	job_text_is "{ : \"\"\"\$@\" ''\"\$@\" \"\$@\"'' x\"\$@\" \${x-\"\"\$@} ''\"\${1+\"\$@\"}\" \"\$x\"''; sleep 1; } &\n" \
	    "{\n\t: ''\"\${@}\" ''\"\${@}\" \"\${@}\"'' x\"\${@}\" \${x-''\${@}} ''\"\${1+\${@}}\" \"\${x}\"\n\tsleep 1\n}\n"
	atf_check -s exit:0 -o empty -e match:'ambiguous' vsh -c 'sleep 1 & sleep 2 & jobs %sleep; kill %1 %2'
	# %+ and %- by name; %?string that matches two jobs, or none.
	atf_check -s exit:0 -o inline:'ok\nst=1\nst=1\n' \
	    -e inline:'vsh: -c: line 2: jobs: %?leep: ambiguous job spec\nvsh: -c: line 2: jobs: %?x: no such job\n' \
	    vsh -c 'sleep 11 & a=$!; sleep 12 & b=$!; [ "$(jobs -p %+)" = $b ] && [ "$(jobs -p %-)" = $a ] && echo ok
	    jobs %?leep; echo st=$?; jobs %?x; echo st=$?; kill %1 %2'
}

atf_test_case kill_jobs
kill_jobs_head() { atf_set descr "kill sends signals to pids and jobs"; }
kill_jobs_body()
{
	atf_check -s exit:0 -o inline:'143\n' -e empty vsh -c 'sleep 5 & kill %1; wait %1; echo $?'
	atf_check -s exit:0 -o inline:'137\n' -e empty vsh -c 'sleep 5 & kill -9 $!; wait $!; echo $?'
	atf_check -s exit:0 -o inline:'140\n' -e empty vsh -c 'sleep 5 & kill -s USR2 $!; wait $!; echo $?'
	atf_check -s exit:0 -o inline:'138\n' -e empty vsh -c 'sleep 5 & kill -SIGUSR1 $!; wait $!; echo $?'
	atf_check -s exit:0 -o inline:'129\n' -e empty vsh -c 'sleep 5 & kill -n 1 %%; wait $!; echo $?'
	atf_check -s exit:0 -o inline:'0\n' -e empty vsh -c 'kill -0 $$; echo $?'
	# A pipeline job.
	atf_check -s exit:0 -o inline:'143\n' -e empty vsh -c 'sleep 5 | sleep 6 & kill %1; wait %1; echo $?'
}

atf_test_case kill_errors
kill_errors_head() { atf_set descr "kill reports bad signals, jobs and processes with status 1, usage with 2"; }
kill_errors_body()
{
	atf_check -s exit:0 -o inline:'1\n' -e match:'kill: FOO: invalid signal' vsh -c 'kill -s FOO $$; echo $?'
	atf_check -s exit:0 -o inline:'1\n' -e match:'kill: %9: no such job' vsh -c 'kill %9; echo $?'
	# With one job there is no previous job (as mksh, yash, ksh93).
	atf_check -s exit:0 -o inline:'1\n143\n' -e inline:'vsh: -c: line 1: kill: %-: no such job\n' \
	    vsh -c 'sleep 5 & kill %-; echo $?; kill %+; wait %+; echo $?'
	atf_check -s exit:0 -o inline:'1\n' -e match:'kill: 99999999: No such process' vsh -c 'kill 99999999; echo $?'
	atf_check -s exit:0 -o inline:'1\n' -e match:'kill: abc: arguments must be process or job IDs' vsh -c 'kill abc; echo $?'
	atf_check -s exit:0 -o inline:'2\n' -e match:'usage: kill' vsh -c 'kill; echo $?'
	atf_check -s exit:0 -o inline:'2\n' -e match:'usage: kill' vsh -c 'kill -9; echo $?'
}

atf_test_case background_stdin
background_stdin_head() { atf_set descr "without job control, a background command reads /dev/null unless redirected"; }
background_stdin_body()
{
	echo data >f
	atf_check -s exit:0 -o empty -e empty -x 'echo hello | vsh -c "cat & wait"'
	atf_check -s exit:0 -o empty -e empty -x 'echo hello | vsh -c "{ cat; } & wait"'
	atf_check -s exit:0 -o inline:'data\n' -e empty vsh -c 'cat <f & wait'
	atf_check -s exit:0 -o inline:'data\n' -e empty vsh -c '{ cat; } <f & wait'
	# Only the first command of a pipeline: the others read the pipe.
	atf_check -s exit:0 -o inline:'piped\n' -e empty -x 'echo hello | vsh -c "echo piped | cat & wait"'
	# The foreground is not affected.
	atf_check -s exit:0 -o inline:'hello\n' -e empty -x 'echo hello | vsh -c "true & cat"'
}

atf_test_case background_signals
background_signals_head() { atf_set descr "without job control, background commands ignore SIGINT and SIGQUIT"; }
background_signals_body()
{
	# SigIgn bits: INT 2, QUIT 4.
	atf_check -s exit:0 -o inline:'6\n' -e empty \
	    vsh -c 'grep SigIgn /proc/self/status >st & wait; ign=$(cut -f2 st); echo $(( 0x$ign & 6 ))'
	atf_check -s exit:0 -o inline:'6\n' -e empty \
	    vsh -c '(grep SigIgn /proc/self/status >st; :) & wait; ign=$(cut -f2 st); echo $(( 0x$ign & 6 ))'
	atf_check -s exit:0 -o inline:'0\n' -e empty \
	    vsh -c 'grep SigIgn /proc/self/status >st; ign=$(cut -f2 st); echo $(( 0x$ign & 6 ))'
	# And really survive them.
	atf_check -s exit:0 -o inline:'0\n' -e empty vsh -c 'sleep 0.3 & kill -INT $!; wait $!; echo $?'
	# A trap in the list can catch or reset them: they were not ignored on
	# entry (as yash, mksh and recent dash; signals_test.sh has the table).
	atf_check -s exit:0 -o inline:'9\n' -e empty \
	    vsh -c '(trap "exit 9" INT; read -r p _ </proc/self/stat; kill -INT $p; echo not reached) & wait $!; echo $?'
	atf_check -s exit:0 -o inline:'130\n' -e empty \
	    vsh -c '(trap - INT; read -r p _ </proc/self/stat; kill -INT $p; echo not reached) & wait $!; echo $?'
}

atf_test_case job_control_terminal
job_control_terminal_head() { atf_set descr "interactive job control on a terminal: stop, list, kill, Done reports"; }
job_control_terminal_body()
{
	command -v python3 >/dev/null 2>&1 || atf_skip "python3 is needed to drive a terminal"
	python3 -c 'import pty' 2>/dev/null || atf_skip "python3 has no pty module"
	cat >drive.py <<'PYTHON'
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.environ['PS1'] = '$ '
    os.environ.pop('ENV', None)
    os.execvp('vsh', ['vsh', '-i'])
buf = b''
def expect(pattern, timeout=10):
    global buf
    end = time.time() + timeout
    while pattern not in buf:
        left = end - time.time()
        r = select.select([fd], [], [], max(0, left))[0] if left > 0 else []
        if not r:
            print('timeout waiting for %r after %r' % (pattern, buf))
            sys.exit(1)
        try:
            data = os.read(fd, 4096)
        except OSError:
            data = b''
        if not data:
            print('end of output waiting for %r' % pattern)
            sys.exit(1)
        buf += data
    i = buf.index(pattern) + len(pattern)
    seen, buf = buf[:i], buf[i:]
    return seen
def send(text):
    os.write(fd, text.encode())
# Run a command, then type a line again and again until the report we wait
# for shows (it comes before a prompt once the shell has reaped the job,
# which takes as long as the machine makes it take).
def until_reported(command, line, report, timeout=20):
    send(command)
    seen = expect(b'$ ')
    end = time.time() + timeout
    while report not in seen and time.time() < end:
        time.sleep(0.05)
        send(line)
        seen = expect(b'$ ')
    return report in seen
expect(b'$ ')
send('sleep 30\n')
# ^Z stops the job only once it holds the terminal.
end = time.time() + 20
while os.tcgetpgrp(fd) == pid and time.time() < end:
    time.sleep(0.01)
send('\x1a')
if b'[1] + Stopped' in expect(b'Stopped'):
    print('stopped')
expect(b'$ ')
send('jobs\n')
if b'[1] + Stopped' in expect(b'$ '):
    print('listed')
if until_reported('kill %1\n', 'echo next\n', b'Terminated'):
    print('terminated')
if until_reported('sleep 0.1 &\n', 'echo x\n', b'[1] + Done'):
    print('done')
send('exit\n')
os.waitpid(pid, 0)
PYTHON
	atf_check -s exit:0 -o inline:'stopped\nlisted\nterminated\ndone\n' -e empty python3 drive.py
}

# Poll until "jobs" lists a stopped job (kill -STOP takes effect when the
# target next runs), as shell text for the scripts below.
until_stopped='until jobs >st; grep -q Stopped st; do sleep 0.01; done'

atf_test_case wait_stopped
wait_stopped_head() { atf_set descr "with job control, wait for a stopped job returns 128 + the stop signal; kill reaches it"; }
wait_stopped_body()
{
	atf_check -s exit:0 -o inline:'st=147\nst=147\n[1] + Stopped                    sleep 11\nst=143\nend\n' -e empty \
	    vsh -m -c 'sleep 11 & kill -STOP $!; wait %1; echo st=$?; wait $!; echo st=$?; jobs
	    kill %1; wait %1; echo st=$?; jobs; echo end'
}

atf_test_case monitor_without_terminal
monitor_without_terminal_head() { atf_set descr "set -m without a terminal: jobs get process groups; jobs, bg and fg work"; }
monitor_without_terminal_body()
{
	# Its own process group, led by the job's first process.
	atf_check -s exit:0 -o inline:'own group\n' -e empty \
	    vsh -m -c 'sleep 10 & g=$(ps -o pgid= -p $!); [ $g -eq $! ] && [ $g -ne $$ ] && echo own group; kill %1'
	atf_check -s exit:0 -o inline:'own group\n' -e empty \
	    vsh -c 'set -m; sleep 10 | sleep 11 & p=$(jobs -p); g=$(ps -o pgid= -p $!); [ $g -eq $p ] && [ $g -ne $$ ] && echo own group; kill %1'
	# Stopped, listed, resumed in the background.
	atf_check -s exit:0 -e empty -o inline:'[1] + Stopped                    sleep 10
[1] sleep 10 &
[1] + Running                    sleep 10
' vsh -m -c "sleep 10 & kill -STOP \$!; $until_stopped; cat st; bg; jobs; kill %1"
	# fg writes the command and waits for it; stopped again, it keeps its number.
	atf_check -s exit:0 -e inline:'[1] + Stopped                    sh -c '\''kill -STOP $$; echo resumed; kill -STOP $$; exit 3'\''\n' \
	    -o inline:'sh -c '\''kill -STOP $$; echo resumed; kill -STOP $$; exit 3'\''
resumed
st=147
[1] + Stopped                    sh -c '\''kill -STOP $$; echo resumed; kill -STOP $$; exit 3'\''
[2] - Running                    sleep 20
sh -c '\''kill -STOP $$; echo resumed; kill -STOP $$; exit 3'\''
st=3
[2] + Running                    sleep 20
' vsh -m -c "sh -c 'kill -STOP \$\$; echo resumed; kill -STOP \$\$; exit 3' & sleep 20 &
	$until_stopped; fg %1; echo st=\$?; jobs; fg; echo st=\$?; jobs; kill %2"
	# bg with several jobs; the current job is the last one resumed.
	atf_check -s exit:0 -e empty -o inline:'[1] sleep 11 &
[2] sleep 12 &
[1] - Running                    sleep 11
[2] + Running                    sleep 12
' vsh -m -c "sleep 11 & a=\$!; sleep 12 & kill -STOP \$a \$!
	until jobs >st; [ \$(grep -c Stopped st) = 2 ]; do sleep 0.01; done; bg %1 %2; jobs; kill %1 %2"
	# The current job is the most recently stopped one, before later background jobs.
	atf_check -s exit:0 -e empty -o inline:'[1] + Stopped                    sleep 11
[2] - Running                    sleep 12
' vsh -m -c "sleep 11 & kill -STOP \$!; $until_stopped; sleep 12 & jobs; kill %1 %2"
}

atf_test_case fg_bg_errors
fg_bg_errors_head() { atf_set descr "fg and bg: no job control, no current job, unknown or ended jobs, usage"; }
fg_bg_errors_body()
{
	atf_check -s exit:1 -o empty -e match:'fg: no job control$' vsh -c fg
	atf_check -s exit:1 -o empty -e match:'bg: no job control$' vsh -c 'sleep 1 & bg'
	atf_check -s exit:1 -o empty -e match:'fg: no job control$' vsh -m -c '(fg); exit $?'
	atf_check -s exit:1 -o empty -e match:'fg: no current job$' vsh -m -c fg
	atf_check -s exit:1 -o empty -e match:'bg: no current job$' vsh -m -c bg
	atf_check -s exit:1 -o empty -e match:'fg: %3: no such job$' vsh -m -c 'fg %3'
	atf_check -s exit:1 -o empty -e match:'bg: 1: no such job$' vsh -m -c 'sleep 1 & bg 1; s=$?; kill %1; exit $s'
	atf_check -s exit:1 -o empty -e match:'fg: %sleep: ambiguous job spec$' \
	    vsh -m -c 'sleep 1 & sleep 2 & fg %sleep; s=$?; kill %1 %2; exit $s'
	atf_check -s exit:1 -o empty -e match:'fg: %1: job not created under job control$' \
	    vsh -c 'sleep 1 & set -m; fg %1; s=$?; kill %1; exit $s'
	atf_check -s exit:1 -o empty -e match:'bg: %\+: job has ended$' \
	    vsh -m -c 'true & while kill -0 $! 2>/dev/null; do sleep 0.01; done; bg'
	atf_check -s exit:2 -o empty -e match:'usage: fg' vsh -m -c 'fg -x'
	atf_check -s exit:2 -o empty -e match:'usage: fg' vsh -m -c 'sleep 1 & fg %1 %1; s=$?; kill %1; exit $s'
	# bg on a job that runs already: nothing happens to it, status 0.
	atf_check -s exit:0 -o inline:'[1] sleep 10 &\nst=0\n[1] + Running                    sleep 10\n' -e empty \
	    vsh -m -c 'sleep 10 & bg; echo st=$?; jobs; kill %1'
	# A job that has ended can still be brought to the foreground: its status.
	atf_check -s exit:0 -o inline:'sh -c '\''exit 4'\''\nst=4\n' -e empty \
	    vsh -m -c 'sh -c "exit 4" & while kill -0 $! 2>/dev/null; do sleep 0.01; done; fg; echo st=$?'
}

atf_test_case kill_list_status
kill_list_status_head() { atf_set descr "kill -l names the signal an exit status above 128 stands for"; }
kill_list_status_body()
{
	atf_check -s exit:0 -o inline:'INT\nKILL\nHUP\n' -e empty vsh -c 'kill -l 130 137 1'
	atf_check -s exit:0 -o inline:'TERM\n' -e empty vsh -c 'sleep 5 & kill $!; wait $!; kill -l $?'
	# 0, 128 and statuses past the last signal name no signal; the
	# last signal (SIGRTMAX, 128+64 on Linux) has a name that reads back.
	atf_check -s exit:0 -o inline:'1\n1\n1\n' -e inline:'vsh: -c: line 1: kill: 0: invalid signal number or exit status
vsh: -c: line 1: kill: 128: invalid signal number or exit status
vsh: -c: line 1: kill: 257: invalid signal number or exit status
' vsh -c 'kill -l 0; echo $?; kill -l 128; echo $?; kill -l 257; echo $?'
	atf_check -s exit:0 -o inline:'same\n' -e empty \
	    vsh -c 'last=$(kill -l | tail -n 1); n=$(kill -l $last); [ "$(kill -l $((128 + n)))" = $last ] && echo same'
}

atf_init_test_cases()
{
	atf_add_test_case last_background
	atf_add_test_case wait_status
	atf_add_test_case wait_unknown
	atf_add_test_case wait_interrupted
	atf_add_test_case jobs_output
	atf_add_test_case kill_jobs
	atf_add_test_case kill_errors
	atf_add_test_case background_stdin
	atf_add_test_case background_signals
	atf_add_test_case job_control_terminal
	atf_add_test_case wait_stopped
	atf_add_test_case monitor_without_terminal
	atf_add_test_case fg_bg_errors
	atf_add_test_case kill_list_status
}
