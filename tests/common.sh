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
