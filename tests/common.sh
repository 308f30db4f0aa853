# Sourced by every test program.  tests/run puts a "vsh" wrapper first in
# PATH for each mode (vfork, fork); tests simply run "vsh".

# The path of the wrapper, for #! lines and scripts that need an absolute path.
vsh_path()
{
	command -v vsh
}

# Give the commands this test runs exactly descriptors 0, 1 and 2, whatever
# the caller left open or closed (CI may close standard input; terminals and
# job runners leave others open), for tests that list /proc/self/fd.
standard_fds_only()
{
	local_fd=
	[ -e /proc/$$/fd/0 ] || exec </dev/null
	for local_fd in $(ls /proc/$$/fd); do
		[ "$local_fd" -gt 2 ] && eval "exec $local_fd<&-"
	done
	unset local_fd
}

# Interactive tests run vsh in a real terminal: a tmux server of the test's
# own (its socket in the work directory), 80x24, no user configuration.
# tmux_start COMMAND starts it; tmux_keys sends keys (tmux send-keys
# syntax: "Enter", "C-c", or literal text); tmux_wait_for ERE [N] waits up
# to 30 seconds for N lines (default 1) of the screen to match and fails
# the test, showing the screen, if they do not; tmux_never_shown ERE WHY fails if it matches;
# tmux_screen prints the screen.
# The server's socket: $PWD/tmux.sock, or another one while in_terminal runs.
tmux_socket()
{
	echo "${tmux_other:-$PWD/tmux.sock}"
}

# in_terminal NAME COMMAND...: run one of the functions above on a second
# terminal of the test's own, NAME (for tests that drive two at once).
in_terminal()
{
	tmux_other=$PWD/$1.sock
	shift
	"$@"
	unset tmux_other
}

tmux_start()
{
	tmux -S "$(tmux_socket)" -f /dev/null new-session -d -x 80 -y 24 "$@" ||
	    atf_fail "cannot start tmux"
}

tmux_keys()
{
	tmux -S "$(tmux_socket)" send-keys "$@"
}

tmux_screen()
{
	tmux -S "$(tmux_socket)" capture-pane -p | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}

tmux_wait_for()
{
	tries=0
	while [ "$tries" -lt 300 ]; do
		[ "$(tmux_screen | grep -Ec -- "$1")" -ge "${2:-1}" ] && return 0
		sleep 0.1
		tries=$((tries + 1))
	done
	echo "screen after 30 s without ${2:-1} line(s) matching /$1/:" >&2
	tmux_screen >&2
	atf_fail "the terminal never showed /$1/"
}

# tmux_wait_foreground COMMAND: wait up to 30 seconds until a process
# running COMMAND (its whole command line) is in the foreground process
# group of the test's terminal, so that a key such as C-c or C-z reaches it
# rather than the shell that is still starting it.
tmux_wait_foreground()
{
	tty=$(tmux -S "$(tmux_socket)" display-message -p '#{pane_tty}')
	tries=0
	while [ "$tries" -lt 300 ]; do
		ps -t "${tty#/dev/}" -o stat=,args= | grep -Eq -- "^[^ ]*\+ +$1\$" && return 0
		sleep 0.1
		tries=$((tries + 1))
	done
	ps -t "${tty#/dev/}" -o pid=,pgid=,tpgid=,stat=,args= >&2
	atf_fail "'$1' never ran in the foreground"
}

# tmux_never_shown ERE WHY: fail with WHY if the screen matches.
tmux_never_shown()
{
	if tmux_screen | grep -Eq -- "$1"; then
		tmux_screen >&2
		atf_fail "$2"
	fi
}

# tmux_wait_gone: wait up to 30 seconds for the program tmux runs to end.
tmux_wait_gone()
{
	tries=0
	while tmux -S "$(tmux_socket)" has-session 2>/dev/null; do
		[ "$tries" -lt 300 ] || atf_fail "the program in the terminal did not end"
		sleep 0.1
		tries=$((tries + 1))
	done
}

tmux_stop()
{
	tmux -S "$(tmux_socket)" kill-server 2>/dev/null
	return 0
}
