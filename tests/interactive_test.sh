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
	sleep 0.3
	tmux_keys C-c
	tmux_wait_for '^vsh\$ ?$'
	tmux_keys 'echo status=$?' Enter
	tmux_wait_for '^status=130$'
	tmux_never_shown '^not-reached$' "the rest of the interrupted line ran"
}
interrupt_foreground_cleanup() { tmux_stop; }

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
	sleep 0.3
	tmux_keys C-z
	tmux_wait_for 'Stopped +sleep 30$'
	tmux_keys 'kill %1; echo ali""ve' Enter
	tmux_wait_for 'alive$'
}
terminal_descriptor_moves_cleanup() { tmux_stop; }

atf_init_test_cases()
{
	atf_add_test_case interrupt_at_prompt
	atf_add_test_case terminal_descriptor_moves
	atf_add_test_case interrupt_foreground
	atf_add_test_case errors_keep_running
}
