#! /usr/bin/env atf-sh
# The launch path: how external commands start (vfork, or fork under
# +o vfork), what their failures look like, and that launching leaves the
# shell exactly as it was.
. "$(atf_get_srcdir)/common.sh"

atf_test_case not_found
not_found_head() { atf_set descr "a command that is not found: 127 and a message on the redirected stderr"; }
not_found_body()
{
	atf_check -s exit:127 -o empty -e match:'nosuch_cmd_xyz: not found' vsh -c 'nosuch_cmd_xyz'
	atf_check -s exit:127 -o empty -e empty vsh -c 'nosuch_cmd_xyz 2>/dev/null'
	atf_check -s exit:0 -o inline:'127\n' -e empty \
	    vsh -c 'nosuch_cmd_xyz 2>err; echo $?; grep -q "nosuch_cmd_xyz: not found" err'
	atf_check -s exit:127 -o empty -e match:'\./nosuch: (No such file or directory|not found)' vsh -c './nosuch'
	atf_check -s exit:0 -o inline:'127\n' -e empty vsh -c './nosuch 2>/dev/null; echo $?'
	atf_check -s exit:127 -o empty -e match:'nosuch_dir/x: (No such file or directory|not found)' \
	    vsh -c '/nosuch_dir/x'
}

atf_test_case permission_denied
permission_denied_head() { atf_set descr "a file without execute permission: 126, Permission denied"; }
permission_denied_body()
{
	echo 'echo should not run' >noexec
	chmod 644 noexec
	atf_check -s exit:126 -o empty -e match:'\./noexec: Permission denied' vsh -c './noexec'
	atf_check -s exit:0 -o inline:'126\n' -e empty vsh -c './noexec 2>/dev/null; echo $?'
	atf_check -s exit:0 -o inline:'126\n' -e empty vsh -c '/bin/cat </dev/null | ./noexec 2>/dev/null; echo $?'
}

atf_test_case directory
directory_head() { atf_set descr "a directory as command: 126, Is a directory"; }
directory_body()
{
	mkdir dir
	atf_check -s exit:126 -o empty -e match:'\./dir: Is a directory' vsh -c './dir'
	atf_check -s exit:0 -o inline:'126\n' -e empty vsh -c './dir 2>/dev/null; echo $?'
}

atf_test_case script_without_shebang
script_without_shebang_head() { atf_set descr "a script without #! runs in vsh, with its arguments and \$0"; }
script_without_shebang_body()
{
	printf 'echo "0=$0 n=$# 1=$1 2=$2"\nexit 7\n' >script
	chmod 755 script
	atf_check -s exit:7 -o inline:'0=./script n=2 1=a b 2=c\n' -e empty vsh -c './script "a b" c'
	atf_check -s exit:0 -o inline:'0=./script n=0 1= 2=\nst=7\n' -e empty vsh -c './script; echo st=$?'
	# Found through PATH, in a pipeline, in the background, in $(...).
	mkdir bin
	cp script bin/myscript
	atf_check -s exit:0 -o inline:'0=/bin/myscript n=1 1=x 2=\n' -e empty \
	    vsh -c 'PATH=$PWD/bin:$PATH; myscript x | sed "s|^0=.*/bin/|0=/bin/|"'
	atf_check -s exit:0 -o inline:'0=./script n=1 1=bg 2=\n7\n' -e empty vsh -c './script bg & wait $!; echo $?'
	atf_check -s exit:0 -o inline:'[0=./script n=1 1=cs 2=]\n' -e empty vsh -c 'echo "[$(./script cs)]"'
	# It is vsh that runs it (a vsh-only option is accepted).
	printf 'set -o vfork && echo vsh\n' >isvsh
	chmod 755 isvsh
	atf_check -s exit:0 -o inline:'vsh\n' -e empty vsh -c './isvsh; :'
	# An empty file is an empty script.
	: >empty
	chmod 755 empty
	atf_check -s exit:0 -o inline:'0\n' -e empty vsh -c './empty; echo $?'
}

atf_test_case binary_without_shebang
binary_without_shebang_head() { atf_set descr "a binary that cannot be executed is not run as a script: 126"; }
binary_without_shebang_body()
{
	printf '\177ELF\0\0\0garbage\nline\n' >bin
	chmod 755 bin
	atf_check -s exit:126 -o empty -e match:'\./bin: cannot execute binary file' vsh -c './bin'
	atf_check -s exit:0 -o inline:'126\n' -e empty vsh -c './bin 2>/dev/null; echo $?'
}

atf_test_case arguments_and_environment
arguments_and_environment_head() { atf_set descr "argv and the environment reach the program exactly"; }
arguments_and_environment_body()
{
	atf_check -s exit:0 -o inline:'[a b][][c]\n' -e empty \
	    vsh -c "/usr/bin/printf '[%s]' 'a b' '' c; echo"
	atf_check -s exit:0 -o inline:'FOO=bar baz\n' -e empty vsh -c 'FOO="bar baz" /usr/bin/env | grep "^FOO="'
	atf_check -s exit:0 -o inline:'E=1\n' -e empty vsh -c 'export E=1; /usr/bin/env | grep "^E="'
	atf_check -s exit:0 -o inline:'' -e empty vsh -c 'unset HOME; V=1; /usr/bin/env | grep -E "^(V|HOME)="; exit 0'
	atf_check -s exit:0 -o inline:'sh\n' -e empty vsh -c 'sh -c "echo \$0"'
}

atf_test_case vfork_option
vfork_option_head() { atf_set descr "the vfork option: on by default, set +o vfork and vsh +o vfork"; }
vfork_option_body()
{
	atf_check -s exit:0 -o match:'vfork' -e empty vsh -c 'set -o'
	atf_check -s exit:0 -o match:'^vfork[[:space:]]+on' -e empty vsh -o vfork -c 'set -o'
	atf_check -s exit:0 -o match:'^vfork[[:space:]]+off' -e empty vsh +o vfork -c 'set -o'
	atf_check -s exit:0 -o match:'^vfork[[:space:]]+off' -e empty vsh -c 'set +o vfork; set -o'
	atf_check -s exit:0 -o match:'set -o vfork' -e empty vsh -o vfork -c 'set +o'
	atf_check -s exit:0 -o inline:'hi\n1\nx\n' -e empty \
	    vsh -c 'set +o vfork; /bin/echo hi; /bin/sh -c "exit 1"; echo $?; /bin/echo x | /bin/cat'
	atf_check -s exit:0 -o inline:'hi\n1\nx\n' -e empty \
	    vsh +o vfork -c '/bin/echo hi; /bin/sh -c "exit 1"; echo $?; /bin/echo x | /bin/cat'
}

atf_test_case state_preserved
state_preserved_head() { atf_set descr "thousands of launches leave the shell's state exactly as it was, and no zombies"; }
state_preserved_body()
{
	echo 'exit 0' >noexec
	chmod 644 noexec
	printf '\177ELF\0\0\n' >binary
	chmod 755 binary
	mkdir sub
	# The shell's state seen from outside: signal mask and dispositions,
	# descriptors (listed by an external command), directory, umask,
	# variables, traps.
	cat >script <<'SCRIPT'
snapshot() {
	# Read by the shell itself: a program reading it could catch the
	# shell in the middle of a launch, with every signal blocked.
	while IFS= read -r line; do
		case $line in SigBlk:*|SigIgn:*|SigCgt:*) echo "$line" ;; esac
	done </proc/$$/status
	# One program alone, so that the shell is not building a pipeline
	# (with pipes of its own open) while the list is made.
	ls /proc/$$/fd >fds
	sort -n fds | tr "\n" " "; echo
	pwd; umask; echo "x=$x"; trap
}
cd sub; umask 027; x=keep; trap 'echo usr2' USR2; trap '' HUP
snapshot >before
i=0
while [ $i -lt 40 ]; do
	for j in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		/nonexistent/cmd 2>/dev/null
		../noexec 2>/dev/null
		../binary 2>/dev/null
		nosuch_command_at_all 2>/dev/null
	done
	/bin/true </dev/null >/dev/null 2>&1 3>/dev/null
	/bin/echo a | /bin/cat | /bin/cat >/dev/null
	y=$(/bin/echo hi)
	/bin/sh -c 'kill -TERM $$' 2>/dev/null
	/bin/true &
	i=$((i + 1))
done
wait
snapshot >after
if cmp -s before after; then echo same; else cat before; echo ---; cat after; fi
# No zombies: every child has been collected.
echo "$(ps -o stat= --ppid $$ | grep -c Z)"
SCRIPT
	# tests/run runs this in both modes.
	atf_check -s exit:0 -o inline:'same\n0\n' -e empty vsh script
}

atf_test_case async_zombies
async_zombies_head() { atf_set descr "finished background jobs are collected without wait"; }
async_zombies_body()
{
	# A finished child stays visible to kill -0 until it is collected; each
	# foreground sleep collects whatever ended (at most 10 s here).
	atf_check -s exit:0 -o inline:'0\n' -e empty vsh -c '
	i=0; pids=; while [ $i -lt 50 ]; do /bin/true & pids="$pids $!"; i=$((i + 1)); done
	n=0
	for p in $pids; do
		while kill -0 $p 2>/dev/null && [ $n -lt 200 ]; do /bin/sleep 0.05; n=$((n + 1)); done
	done
	echo "$(ps -o stat= --ppid $$ | grep -c Z)"'
}

# strace: external commands go through vfork (or clone with CLONE_VM|CLONE_VFORK).
check_strace()
{
	command -v strace >/dev/null 2>&1 || atf_skip "strace is not installed"
	strace -f -o /dev/null /bin/true >/dev/null 2>&1 || atf_skip "strace is not permitted here"
}

# Count process creations in a trace: vforks, and forks (no CLONE_VM).
count_vforks()
{
	grep -E '(^|[0-9] +)(vfork\(|clone3?\(.*CLONE_VFORK)' "$1" | grep -v -c 'resumed>' || true
}
count_forks()
{
	grep -E '(^|[0-9] +)(fork\(|clone3?\()' "$1" | grep -v -e 'CLONE_VM' -e 'resumed>' | grep -c . || true
}

# expect count_function trace number
expect()
{
	n=$($1 "$2")
	[ "$n" = "$3" ] || { cat "$2"; atf_fail "$1 $2: $n, expected $3"; }
}

atf_test_case strace_vfork
strace_vfork_head() { atf_set descr "strace shows vfork for external commands and fork for subshells"; }
strace_vfork_body()
{
	check_strace
	# Two simple commands; the trailing ':' keeps the last one from being exec'd directly.
	strace -f -o t1 -e trace=vfork,clone,clone3,fork vsh -o vfork -c '/bin/true; /bin/true; :'
	expect count_vforks t1 2
	expect count_forks t1 0
	# Each element of a pipeline of programs.
	strace -f -o t2 -e trace=vfork,clone,clone3,fork vsh -o vfork -c '/bin/echo a | /bin/cat >/dev/null; :'
	expect count_vforks t2 2
	expect count_forks t2 0
	# $(program)
	strace -f -o t3 -e trace=vfork,clone,clone3,fork vsh -o vfork -c 'x=$(/bin/echo hi); :'
	expect count_vforks t3 1
	expect count_forks t3 0
	# A subshell is a fork; the program inside it a vfork.
	strace -f -o t4 -e trace=vfork,clone,clone3,fork vsh -o vfork -c '(/bin/true; :); :'
	expect count_forks t4 1
	expect count_vforks t4 1
}

atf_test_case strace_fork_mode
strace_fork_mode_head() { atf_set descr "under +o vfork no process is created with vfork"; }
strace_fork_mode_body()
{
	check_strace
	strace -f -o t1 -e trace=vfork,clone,clone3,fork vsh +o vfork -c \
	    '/bin/true; /bin/echo a | /bin/cat >/dev/null; x=$(/bin/echo hi); (/bin/true; :); :'
	expect count_vforks t1 0
	expect count_forks t1 6
	strace -f -o t2 -e trace=vfork,clone,clone3,fork vsh -c 'set +o vfork; /bin/true; :'
	expect count_vforks t2 0
	expect count_forks t2 1
}

atf_init_test_cases()
{
	atf_add_test_case not_found
	atf_add_test_case permission_denied
	atf_add_test_case directory
	atf_add_test_case script_without_shebang
	atf_add_test_case binary_without_shebang
	atf_add_test_case arguments_and_environment
	atf_add_test_case vfork_option
	atf_add_test_case state_preserved
	atf_add_test_case async_zombies
	atf_add_test_case strace_vfork
	atf_add_test_case strace_fork_mode
}
