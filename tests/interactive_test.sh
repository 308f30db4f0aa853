#! /usr/bin/env atf-sh
# Interactive use in a real terminal (tmux): prompts, Ctrl-C, errors that do
# not end the shell.
. "$(atf_get_srcdir)/common.sh"

# An interactive vsh with a known prompt and nothing from the user's setup.
start_vsh()
{
	tmux_start env -i PATH="$PATH" HOME="$PWD" TERM=xterm PS1='vsh$ ' PS2='more> ' vsh -i
	tmux_wait_for '^vsh\$ ?$'
}

atf_test_case interrupt_at_prompt cleanup
interrupt_at_prompt_head() { atf_set descr 'Ctrl-C at the prompt drops the half-typed line at once, sets $? to 130, and runs an INT trap'; atf_set require.progs tmux; }
interrupt_at_prompt_body()
{
	start_vsh
	tmux_keys 'echo half-typed'
	tmux_wait_for 'half-typed$'
	tmux_keys C-c
	tmux_wait_for '^vsh\$ ?$'
	tmux_keys 'echo status=$?' Enter
	tmux_wait_for '^status=130$'
	tmux_keys "trap 'echo trapped' INT" Enter
	tmux_wait_for '^vsh\$ ?$'
	tmux_keys C-c
	tmux_wait_for 'trapped$'
	tmux_keys 'echo alive' Enter
	tmux_wait_for '^alive$'
	tmux_never_shown '^half-typed$' "the interrupted line was run"
}
interrupt_at_prompt_cleanup() { tmux_stop; }

atf_test_case interrupt_foreground cleanup
interrupt_foreground_head() { atf_set descr 'Ctrl-C stops a foreground command, not the interactive shell'; atf_set require.progs tmux; }
interrupt_foreground_body()
{
	start_vsh
	tmux_keys 'sleep 30; echo not-reached' Enter
	tmux_wait_foreground 'sleep 30'
	tmux_keys C-c
	tmux_wait_for '^vsh\$ ?$'
	tmux_keys 'echo status=$?' Enter
	tmux_wait_for '^status=130$'
	tmux_never_shown '^not-reached$' "the rest of the interrupted line ran"
}
interrupt_foreground_cleanup() { tmux_stop; }

atf_test_case interrupt_builtin cleanup
interrupt_builtin_head() { atf_set descr 'Ctrl-C stops a built-in writing a gigabyte of padding, and the shell prompts again'; atf_set require.progs tmux; }
interrupt_builtin_body()
{
	start_vsh
	tmux_keys "printf '%01000000000d' 1; echo not-reached" Enter
	tmux_wait_for '^0{80}$'
	tmux_keys C-c
	tmux_wait_for 'vsh\$ ?$'
	tmux_keys 'echo status=$?' Enter
	tmux_wait_for '^status=130$'
	tmux_never_shown '^not-reached$' "the rest of the interrupted line ran"
}
interrupt_builtin_cleanup() { tmux_stop; }

atf_test_case interrupt_trap_action cleanup
interrupt_trap_action_head() { atf_set descr 'Ctrl-C stops a trap action that loops, and the shell prompts again'; atf_set require.progs tmux; }
interrupt_trap_action_body()
{
	start_vsh
	tmux_keys "trap 'echo in-\$((2+5)); while :; do :; done' USR1; kill -USR1 \$\$; echo not-reached" Enter
	tmux_wait_for '^in-7$'
	tmux_keys C-c
	tmux_wait_for '^vsh\$ ?$'
	tmux_keys 'echo status=$?' Enter
	tmux_wait_for '^status=130$'
	tmux_never_shown '^not-reached$' "the rest of the interrupted line ran"
	# The trap is still set, and runs again.
	tmux_keys 'kill -USR1 $$' Enter
	tmux_wait_for '^in-7$' 2
	tmux_keys C-c
	tmux_keys 'echo alive-$((3+3))' Enter
	tmux_wait_for '^alive-6$'
}
interrupt_trap_action_cleanup() { tmux_stop; }

atf_test_case errors_keep_running cleanup
errors_keep_running_head() { atf_set descr 'Syntax errors and special built-in errors do not end an interactive shell; PS2 continues a command'; atf_set require.progs tmux; }
errors_keep_running_body()
{
	start_vsh
	tmux_keys 'fi' Enter
	tmux_wait_for "syntax error: unexpected 'fi'"
	tmux_keys 'readonly r=1; r=2' Enter
	tmux_wait_for 'r: is read only'
	tmux_keys 'if true' Enter
	tmux_wait_for '^more> ?$'
	tmux_keys 'then echo con""tinued; fi' Enter
	tmux_wait_for '^continued$'
	tmux_keys 'echo status=$?' Enter
	tmux_wait_for '^status=0$'
}
errors_keep_running_cleanup() { tmux_stop; }

atf_test_case terminal_descriptor_moves cleanup
terminal_descriptor_moves_head() { atf_set descr 'Redirections onto the descriptor job control keeps for the terminal move it aside; Ctrl-Z still works'; atf_set require.progs tmux; }
terminal_descriptor_moves_body()
{
	start_vsh
	# Find the descriptor the shell keeps on /dev/tty (opened at the first
	# job) and redirect it.  Markers are computed, so typed-ahead text cannot match.
	tmux_keys '/bin/true; echo step-$((0+1))' Enter
	tmux_wait_for 'step-1$'
	tmux_keys 'for f in /proc/$$/fd/*; do [ "$(readlink $f)" = /dev/tty ] && t=${f##*/}; done; echo step-$((1+1))' Enter
	tmux_wait_for 'step-2$'
	tmux_keys 'eval "exec $t>/dev/null" && [ /proc/$$/fd/$t -ef /dev/null ] && echo exec-$((2+2))ok' Enter
	tmux_wait_for 'exec-4ok$'
	tmux_keys 'echo ttys=$(ls -l /proc/$$/fd | grep -c /dev/tty)' Enter
	tmux_wait_for 'ttys=1$'
	tmux_keys 'sleep 30' Enter
	tmux_wait_foreground 'sleep 30'
	tmux_keys C-z
	tmux_wait_for 'Stopped +sleep 30$'
	tmux_keys 'kill %1; echo ali""ve' Enter
	tmux_wait_for 'alive$'
}
terminal_descriptor_moves_cleanup() { tmux_stop; }

atf_test_case editing_keys cleanup
editing_keys_head() { atf_set descr 'emacs editing keys: Ctrl-A, Ctrl-E, Ctrl-W, arrows'; atf_set require.progs tmux; }
editing_keys_body()
{
	start_vsh
	tmux_keys 'cho mid'
	tmux_wait_for '^vsh\$ cho mid$'
	tmux_keys C-a 'e' C-e 'dle'
	tmux_wait_for '^vsh\$ echo middle$'
	tmux_keys Enter
	tmux_wait_for '^middle$'
	tmux_keys 'echo keep drop'
	tmux_wait_for 'keep drop$'
	tmux_keys C-w 'kept'
	tmux_wait_for '^vsh\$ echo keep kept$'
	tmux_keys Enter
	tmux_wait_for '^keep kept$'
	tmux_keys 'echo ac'
	tmux_wait_for 'echo ac$'
	tmux_keys Left 'b' Right 'd' Enter
	tmux_wait_for '^abcd$'
}
editing_keys_cleanup() { tmux_stop; }

atf_test_case history_recall cleanup
history_recall_head() { atf_set descr 'Up and Down recall earlier commands, a multi-line one whole'; atf_set require.progs tmux; }
history_recall_body()
{
	start_vsh
	tmux_keys 'echo first-$((0+1))' Enter
	tmux_wait_for '^first-1$'
	tmux_keys 'echo second-$((1+1))' Enter
	tmux_wait_for '^second-2$'
	tmux_keys Up Up
	tmux_wait_for '^vsh\$ echo first-\$\(\(0\+1\)\)$'
	tmux_keys Down
	tmux_wait_for '^vsh\$ echo second-\$\(\(1\+1\)\)$'
	tmux_keys Enter
	tmux_wait_for '^second-2$' 2
	tmux_keys 'if true' Enter
	tmux_wait_for '^more> ?$'
	tmux_keys 'then echo multi-$((2+1))' Enter 'fi' Enter
	tmux_wait_for '^multi-3$'
	tmux_keys Up
	tmux_wait_for '^then echo multi-\$\(\(2\+1\)\)$'
	tmux_keys Enter
	tmux_wait_for '^multi-3$' 2
}
history_recall_cleanup() { tmux_stop; }

atf_test_case vi_mode cleanup
vi_mode_head() { atf_set descr 'set -o vi edits in vi mode, Tab completes there; set -o emacs switches back at once'; atf_set require.progs tmux; }
vi_mode_body()
{
	start_vsh
	tmux_keys 'set -o vi; echo mode-$((1+1))' Enter
	tmux_wait_for '^mode-2$'
	tmux_keys 'echo vim'
	tmux_wait_for 'echo vim$'
	tmux_keys Escape
	tmux_keys 'x'
	tmux_wait_for '^vsh\$ echo vi$'
	tmux_keys '0' 'w' 'i' 'X' Escape
	tmux_wait_for '^vsh\$ echo Xvi$'
	tmux_keys Enter
	tmux_wait_for '^Xvi$'
	# Tab completes in vi insert mode too.
	tmux_keys 'ech' Tab 'tab-$((2+2))' Enter
	tmux_wait_for '^tab-4$'
	tmux_keys 'set -o emacs' Enter
	tmux_wait_for '^vsh\$ set -o emacs$'
	tmux_keys 'cho back'
	tmux_wait_for '^vsh\$ cho back$'
	tmux_keys C-a 'e' Enter
	tmux_wait_for '^back$'
}
vi_mode_cleanup() { tmux_stop; }

# An interactive vsh whose end shows on the screen.
start_vsh_watched()
{
	tmux_start env -i PATH="$PATH" HOME="$PWD" TERM=xterm PS1='vsh$ ' \
	    sh -c 'vsh -i; echo "vsh ended $?"; sleep 600'
	tmux_wait_for '^vsh\$ ?$'
}

atf_test_case end_of_file cleanup
end_of_file_head() { atf_set descr 'Ctrl-D on an empty line leaves the shell; with ignoreeof it says how to leave; on a PS2 line it is a syntax error; elsewhere it deletes the character under the cursor'; atf_set require.progs tmux; }
end_of_file_body()
{
	start_vsh_watched
	tmux_keys 'set -o ignoreeof; echo set-$((1+1))' Enter
	tmux_wait_for '^set-2$'
	tmux_keys C-d
	tmux_wait_for '^Use "exit" to leave the shell\.$'
	tmux_keys 'echo still-$((2+1))' Enter
	tmux_wait_for '^still-3$'
	# On a line that is not empty Ctrl-D deletes the character under the
	# cursor, and at the end of the line does nothing.
	tmux_keys 'echo abc' Left C-d
	tmux_wait_for '^vsh\$ echo ab$'
	tmux_keys C-e C-d 'x' Enter
	tmux_wait_for '^abx$'
	tmux_keys 'set +o ignoreeof' Enter
	tmux_wait_for '^vsh\$ set \+o ignoreeof$'
	# On a PS2 line it ends the command with a syntax error, not the
	# shell (dash, yash), with the editor and without.
	tmux_keys 'if true' Enter
	tmux_wait_for "^> ?$"
	tmux_keys C-d
	tmux_wait_for "unexpected end of file \\(expecting 'then'\\)$"
	tmux_keys 'echo after-$((3+4)) $?' Enter
	tmux_wait_for '^after-7 2$'
	tmux_keys 'set +o emacs; while :' Enter
	tmux_wait_for "^> ?$"
	tmux_keys C-d
	tmux_wait_for "unexpected end of file \\(expecting 'do'\\)$"
	tmux_keys 'echo plain-$((4+4))' Enter
	tmux_wait_for '^plain-8$'
	tmux_keys C-d
	tmux_wait_for '^vsh ended 0$'
}
end_of_file_cleanup() { tmux_stop; }

atf_test_case coloured_prompt cleanup
coloured_prompt_head() { atf_set descr 'Non-printing stretches of PS1 between \001 and \002 do not count in the line width'; atf_set require.progs tmux; }
coloured_prompt_body()
{
	tmux_start env -i PATH="$PATH" HOME="$PWD" TERM=xterm \
	    PS1="$(printf '\001\033[1;31m\002red\001\033[0m\002$ ')" vsh -i
	tmux_wait_for '^red\$ ?$'
	# 80 columns: "red$ ", "echo " and 70 characters fill the first row exactly.
	tmux_keys "echo $(printf '%070d' 0)tail"
	tmux_wait_for '^tail$'
	tmux_wait_for "^red\\$ echo $(printf '%070d' 0)\$"
}
coloured_prompt_cleanup() { tmux_stop; }

atf_test_case dumb_terminal cleanup
dumb_terminal_head() { atf_set descr 'TERM=dumb reads lines plainly and never loads the editor; a real terminal loads it'; atf_set require.progs tmux; }
dumb_terminal_body()
{
	tmux_start env -i PATH="$PATH" HOME="$PWD" TERM=dumb PS1='vsh$ ' vsh -i
	tmux_wait_for '^vsh\$ ?$'
	tmux_keys 'echo editor-$(grep -c libedit /proc/$$/maps)' Enter
	tmux_wait_for '^editor-0$'
	tmux_keys 'TERM=xterm; echo switched-$((1+1))' Enter
	tmux_wait_for '^switched-2$'
	tmux_keys 'grep -q libedit /proc/$$/maps && echo loaded-$((2+2))' Enter
	tmux_wait_for '^loaded-4$'
}
dumb_terminal_cleanup() { tmux_stop; }

atf_test_case plain_reading cleanup
plain_reading_head() { atf_set descr 'set +o emacs +o vi and an unknown TERM read lines plainly, prompts shown; the editor is back at the next line'; atf_set require.progs tmux; }
plain_reading_body()
{
	start_vsh
	tmux_keys 'set +o emacs +o vi; echo plain-$((1+1))' Enter
	tmux_wait_for '^plain-2$'
	# Ctrl-A is a character of the line, not a motion; the prompt is still there.
	tmux_keys 'echo x' C-a 'y | od -An -tx1' Enter
	tmux_wait_for '^ 78 01 79 0a$'
	tmux_wait_for '^vsh\$ echo x\^Ay \| od'
	# An unknown TERM reads plainly too, emacs on or not.
	tmux_keys 'TERM=zq-no-such-terminal; set -o emacs; echo unknown-$((2+2))' Enter
	tmux_wait_for '^unknown-4$'
	tmux_keys 'echo u' C-a 'v | od -An -tx1' Enter
	tmux_wait_for '^ 75 01 76 0a$'
	# A terminal terminfo knows: Ctrl-A moves to the start of the line.
	tmux_keys 'TERM=xterm; echo known-$((3+3))' Enter
	tmux_wait_for '^known-6$'
	tmux_keys 'cho edited' C-a 'e' Enter
	tmux_wait_for '^edited$'
}
plain_reading_cleanup() { tmux_stop; }

atf_test_case window_size cleanup
window_size_head() { atf_set descr 'A window size change in the middle of a line is followed'; atf_set require.progs tmux; }
window_size_body()
{
	start_vsh
	tmux_keys 'echo abc'
	tmux_wait_for '^vsh\$ echo abc$'
	tmux -S "$(tmux_socket)" resize-window -x 20
	tmux_keys "$(printf '%020d' 0)"
	# 20 columns: "vsh$ echo abc" and seven more characters fill the first row.
	tmux_wait_for '^vsh\$ echo abc0000000$'
	tmux_wait_for '^0000000000000$'
	tmux_keys Enter
	tmux_wait_for '^abc00000000000000000$'
}
window_size_cleanup() { tmux_stop; }

atf_test_case notify_while_typing cleanup
notify_while_typing_head() { atf_set descr 'set -b reports a finished job while the user types, then redraws the line'; atf_set require.progs tmux; }
notify_while_typing_body()
{
	mkfifo gate
	start_vsh
	tmux_keys 'set -b; cat gate >/dev/null &' Enter
	tmux_wait_for '^\[1\] [0-9]+$'
	tmux_keys 'echo typed'
	tmux_wait_for '^vsh\$ echo typed$'
	echo go >gate
	tmux_wait_for '^\[1\] ?\+? +Done +cat gate >/dev/null$'
	# The line is drawn again under the report (twice on the screen).
	tmux_wait_for '^vsh\$ echo typed$' 2
	tmux_keys 'X' Enter
	tmux_wait_for '^typedX$'
	# A background job that stops is reported at once too.
	tmux_keys 'sleep 300 & echo $! >p' Enter
	tmux_wait_for '^\[1\] [0-9]+$'
	tmux_keys 'echo again'
	tmux_wait_for '^vsh\$ echo again$'
	kill -STOP "$(cat p)"
	tmux_wait_for '^\[1\] \+ Stopped +sleep 300$'
	tmux_wait_for '^vsh\$ echo again$' 2
	kill -KILL "$(cat p)"
	tmux_wait_for '^\[1\] \+ Killed +sleep 300$'
	tmux_wait_for '^vsh\$ echo again$' 3
}
notify_while_typing_cleanup()
{
	[ -s p ] && kill -9 "$(cat p)" 2>/dev/null
	tmux_stop
}

atf_test_case trap_while_typing cleanup
trap_while_typing_head() { atf_set descr 'A trapped signal while the user types runs its action, then the half-typed line and the command it continues come back; Ctrl-C with an INT trap abandons the whole command'; atf_set require.progs tmux; }
trap_while_typing_body()
{
	mkfifo gate
	start_vsh
	tmux_keys "trap 'echo usr1-ran' USR1; echo \$\$ >pid" Enter
	tmux_wait_for '^vsh\$ ?$'
	# The cursor comes back where it was: X goes before "line".
	tmux_keys 'echo kept-line' Left Left Left Left
	tmux_wait_for '^vsh\$ echo kept-line$'
	kill -USR1 "$(cat pid)"
	tmux_wait_for '^usr1-ran$'
	tmux_wait_for '^vsh\$ echo kept-line$' 2
	tmux_keys X Enter
	tmux_wait_for '^kept-Xline$'
	# A PS2 line: the command it continues is still being read.
	tmux_keys 'for i in 1 2' Enter
	tmux_wait_for '^more> ?$'
	tmux_keys 'do echo i=$i'
	tmux_wait_for '^more> do echo i=\$i$'
	kill -USR1 "$(cat pid)"
	tmux_wait_for '^usr1-ran$' 2
	tmux_wait_for '^more> do echo i=\$i$' 2
	tmux_keys Enter 'done' Enter
	tmux_wait_for '^i=2$'
	# A CHLD trap runs when a background job ends, not never.
	tmux_keys "trap 'echo chld-ran' CHLD; cat gate >/dev/null &" Enter
	tmux_wait_for '^\[1\] [0-9]+$'
	tmux_keys 'echo after-chld'
	tmux_wait_for '^vsh\$ echo after-chld$'
	echo go >gate
	tmux_wait_for '^chld-ran$'
	tmux_wait_for '^vsh\$ echo after-chld$' 2
	tmux_keys Enter
	tmux_wait_for '^after-chld$'
	# Ctrl-C with an INT trap: the action runs, the command typed so far goes.
	tmux_keys "trap - CHLD; trap 'echo int-ran' INT" Enter 'if true' Enter
	tmux_wait_for '^more> ?$'
	tmux_keys 'then echo abandoned'
	tmux_wait_for '^more> then echo abandoned$'
	tmux_keys C-c
	tmux_wait_for '^int-ran$'
	tmux_keys 'echo status=$?' Enter
	tmux_wait_for '^status=130$'
	tmux_never_shown '^abandoned$' "the abandoned command was run"
	tmux_never_shown 'syntax error' "the parser went on with the abandoned command"
}
trap_while_typing_cleanup() { tmux_stop; }

atf_test_case prompt_expansion
prompt_expansion_head() { atf_set descr 'PS1 and PS2 are expanded before each use; ! in PS1 is the history number'; }
prompt_expansion_body()
{
	export HOME="$PWD"
	cat >script <<'SCRIPT'
PS1='[$x !!!] ' PS2='${x}> '
x=a
echo "$(
echo y)"
PS1='$((1+)) '
SCRIPT
	atf_check -o inline:'y\n' \
	    -e inline:"\$ [ !2] [a !3] a> [a !4] vsh: arithmetic: syntax error: \"1+\"\n\$((1+)) " \
	    env PS1='$ ' vsh -i <script
}

atf_test_case history_sessions cleanup
history_sessions_head() { atf_set descr 'A command typed in one session is recalled with Up in the next; fc -l, fc -s and fc -e at the keyboard'; atf_set require.progs tmux; }
history_sessions_body()
{
	start_vsh
	tmux_keys 'echo from-first-$((1+1))' Enter
	tmux_wait_for '^from-first-2$'
	tmux_keys 'exit' Enter
	tmux_wait_gone
	start_vsh
	tmux_keys Up
	tmux_wait_for '^vsh\$ exit$'
	tmux_keys Up
	tmux_wait_for '^vsh\$ echo from-first-\$\(\(1\+1\)\)$'
	tmux_keys Enter
	tmux_wait_for '^from-first-2$'
	tmux_keys 'fc -l -2' Enter
	tmux_wait_for '^3 +echo from-first-\$\(\(1\+1\)\)$'
	tmux_wait_for '^4 +fc -l -2$'
	tmux_keys 'fc -s first=again ec' Enter
	tmux_wait_for '^from-again-2$'
	tmux_keys 'fc -e "sed -i s/again/edited/"' Enter
	tmux_wait_for '^from-edited-2$'
	tmux_keys Up
	tmux_wait_for '^vsh\$ echo from-edited-\$\(\(1\+1\)\)$'
}
history_sessions_cleanup() { tmux_stop; }

atf_test_case history_two_shells cleanup
history_two_shells_head() { atf_set descr 'Two shells typing at once share one HISTFILE: every command is kept, in the order typed'; atf_set require.progs tmux; }
history_two_shells_body()
{
	start_vsh
	in_terminal other tmux_start env -i PATH="$PATH" HOME="$PWD" TERM=xterm PS1='two$ ' vsh -i
	in_terminal other tmux_wait_for '^two\$ ?$'
	tmux_keys 'echo one-$((0+1))' Enter
	tmux_wait_for '^one-1$'
	in_terminal other tmux_keys 'echo two-$((0+1))' Enter
	in_terminal other tmux_wait_for '^two-1$'
	tmux_keys 'echo one-$((1+1))' Enter
	tmux_wait_for '^one-2$'
	in_terminal other tmux_keys 'echo two-$((1+1))' Enter
	in_terminal other tmux_wait_for '^two-2$'
	in_terminal other tmux_keys 'exit' Enter
	tmux_keys 'exit' Enter
	tmux_wait_gone
	in_terminal other tmux_wait_gone
	atf_check -o inline:'echo one-$((0+1))\necho two-$((0+1))\necho one-$((1+1))\necho two-$((1+1))\nexit\nexit\n' \
	    cat .vsh_history
}
history_two_shells_cleanup() { in_terminal other tmux_stop; tmux_stop; }

atf_test_case no_library cleanup
no_library_head() { atf_set descr 'Without a loadable libedit the shell says so once and reads lines plainly'; atf_set require.progs tmux; }
no_library_body()
{
	mkdir lib
	for name in libedit.so.2 libedit.so libedit.so.0; do
		echo 'not a library' >"lib/$name"
	done
	tmux_start env -i PATH="$PATH" HOME="$PWD" TERM=xterm PS1='vsh$ ' \
	    LD_LIBRARY_PATH="$PWD/lib" vsh -i
	tmux_wait_for '^vsh: line editing is not available: '
	tmux_wait_for '^vsh\$ ?$'
	tmux_keys 'echo plain-$((1+1))' Enter
	tmux_wait_for '^plain-2$'
	tmux_keys 'echo again-$((2+1))' Enter
	tmux_wait_for '^again-3$'
	test "$(tmux_screen | grep -c 'line editing is not available')" = 1 ||
	    atf_fail "the missing library was reported more than once"
}
no_library_cleanup() { tmux_stop; }

atf_test_case scripts_never_load_editor
scripts_never_load_editor_head() { atf_set descr 'Scripts, -c and an interactive shell without a terminal never map libedit or terminfo'; }
scripts_never_load_editor_body()
{
	export HOME="$PWD"
	echo 'grep -c -e libedit -e libtinfo /proc/$$/maps' >script
	atf_check -s exit:1 -o inline:'0\n' vsh script
	atf_check -s exit:1 -o inline:'0\n' vsh -c 'grep -c -e libedit -e libtinfo /proc/$$/maps'
	atf_check -s exit:1 -o inline:'0\n' -e ignore env TERM=xterm vsh -i <script
}

atf_init_test_cases()
{
	atf_add_test_case scripts_never_load_editor
	atf_add_test_case history_two_shells
	atf_add_test_case no_library
	atf_add_test_case history_sessions
	atf_add_test_case editing_keys
	atf_add_test_case history_recall
	atf_add_test_case vi_mode
	atf_add_test_case end_of_file
	atf_add_test_case coloured_prompt
	atf_add_test_case dumb_terminal
	atf_add_test_case plain_reading
	atf_add_test_case window_size
	atf_add_test_case notify_while_typing
	atf_add_test_case trap_while_typing
	atf_add_test_case prompt_expansion
	atf_add_test_case interrupt_at_prompt
	atf_add_test_case terminal_descriptor_moves
	atf_add_test_case interrupt_foreground
	atf_add_test_case interrupt_builtin
	atf_add_test_case interrupt_trap_action
	atf_add_test_case errors_keep_running
}
