/*
 * Signals and traps (XCU 2.11, trap).
 *
 * Signal handlers only record that a signal arrived (one flag per signal
 * and signals_pending); actions run later at safe points: between
 * commands (TRAP_CHECK), in loops, and when a wait ends.
 *
 * For every signal the shell knows why it has its current disposition:
 * a trap set by the user, the shell's own needs (an interactive shell
 * catches SIGINT and ignores SIGTERM and SIGQUIT; job control ignores
 * SIGTSTP, SIGTTIN and SIGTTOU), or the disposition it inherited.  The
 * launch path asks for the child's plan from this (signal_plan_make):
 * what the shell did for itself is undone, what the user asked for stays.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "exec.h"
#include "input.h"
#include "jobs.h"
#include "memory.h"
#include "options.h"
#include "output.h"
#include "readahead.h"
#include "state.h"
#include "trap.h"

volatile sig_atomic_t signals_pending;
static volatile sig_atomic_t signal_arrived[NSIG];

/* Trap actions; [0] is EXIT.  NULL: no trap; "": ignore. */
static char *trap_action[NSIG];
/*
 * In a subshell, "trap" without operands still lists the parent's traps
 * until the subshell changes one (XCU trap; what makes "$(trap)" useful).
 */
static char **inherited_actions;

enum disposition { DISPOSITION_DEFAULT, DISPOSITION_CAUGHT, DISPOSITION_IGNORED };
enum entry_state { ENTRY_UNKNOWN, ENTRY_DEFAULT, ENTRY_IGNORED };

/* What is installed now; valid only where entry[] is known. */
static unsigned char installed[NSIG];
/*
 * The disposition on entry.  An interactive shell may catch or reset a
 * signal ignored on entry (XCU trap); once it has, the signal is treated
 * as if it had not been ignored: "trap - SIG" then means the default.
 */
static unsigned char entry[NSIG];
/* Dispositions the shell wants for its own sake; programs get the default. */
static bool own_catch[NSIG];
static bool own_ignore[NSIG];
/*
 * Ignored in this subshell for the shell's sake, and so in the programs it
 * runs: SIGINT and SIGQUIT in an asynchronous list without job control
 * (XCU 2.11), the stop signals in a command substitution under job control
 * (see launch.c).  Unlike a signal ignored on entry, a trap in the
 * subshell may still catch or reset them.
 */
static bool subshell_ignore[NSIG];

static bool running_traps;
static bool exit_trap_done;

static const struct {
	int number;
	const char *name;
} signal_names[] = {
	{ SIGHUP, "HUP" }, { SIGINT, "INT" }, { SIGQUIT, "QUIT" }, { SIGILL, "ILL" },
	{ SIGTRAP, "TRAP" }, { SIGABRT, "ABRT" }, { SIGBUS, "BUS" }, { SIGFPE, "FPE" },
	{ SIGKILL, "KILL" }, { SIGUSR1, "USR1" }, { SIGSEGV, "SEGV" }, { SIGUSR2, "USR2" },
	{ SIGPIPE, "PIPE" }, { SIGALRM, "ALRM" }, { SIGTERM, "TERM" },
#ifdef SIGSTKFLT
	{ SIGSTKFLT, "STKFLT" },
#endif
	{ SIGCHLD, "CHLD" }, { SIGCONT, "CONT" }, { SIGSTOP, "STOP" }, { SIGTSTP, "TSTP" },
	{ SIGTTIN, "TTIN" }, { SIGTTOU, "TTOU" }, { SIGURG, "URG" }, { SIGXCPU, "XCPU" },
	{ SIGXFSZ, "XFSZ" }, { SIGVTALRM, "VTALRM" }, { SIGPROF, "PROF" },
#ifdef SIGWINCH
	{ SIGWINCH, "WINCH" },
#endif
#ifdef SIGIO
	{ SIGIO, "IO" },
#endif
#ifdef SIGPWR
	{ SIGPWR, "PWR" },
#endif
	{ SIGSYS, "SYS" },
#ifdef SIGEMT
	{ SIGEMT, "EMT" },
#endif
#ifdef SIGINFO
	{ SIGINFO, "INFO" },
#endif
};

static void on_signal(int sig)
{
	signal_arrived[sig] = 1;
	signals_pending = 1;
}

int signal_max(void)
{
	return NSIG - 1;
}

const char *signal_name(int sig)
{
	static char realtime[16];

	for (size_t i = 0; i < sizeof signal_names / sizeof signal_names[0]; i++)
		if (signal_names[i].number == sig)
			return signal_names[i].name;
#ifdef SIGRTMIN
	/* Real-time signals: RTMIN, RTMIN+n (the form "kill -l" and bash use). */
	if (sig >= SIGRTMIN && sig <= SIGRTMAX) {
		int offset = sig - SIGRTMIN, n = 0;

		memcpy(realtime, "RTMIN", 5);
		n = 5;
		if (offset > 0) {
			realtime[n++] = '+';
			if (offset >= 10)
				realtime[n++] = (char)('0' + offset / 10);
			realtime[n++] = (char)('0' + offset % 10);
		}
		realtime[n] = '\0';
		return realtime;
	}
#endif
	return NULL;
}

int signal_number(const char *name)
{
	char upper[32];
	size_t length = strlen(name);

	/* Names are case-independent: "int", "sigterm" and "Hup" are all valid. */
	if (length < sizeof upper) {
		for (size_t i = 0; i <= length; i++)
			upper[i] = (char)toupper((unsigned char)name[i]);
		name = upper;
	}
	if (name[0] >= '0' && name[0] <= '9') {
		char *end;
		long n;

		errno = 0;
		n = strtol(name, &end, 10);
		if (*end != '\0' || errno != 0 || n < 0 || n >= NSIG)
			return -1;
		return (int)n;
	}
	if (strncmp(name, "SIG", 3) == 0)
		name += 3;
	if (strcmp(name, "EXIT") == 0)
		return 0;
	for (size_t i = 0; i < sizeof signal_names / sizeof signal_names[0]; i++)
		if (strcmp(signal_names[i].name, name) == 0)
			return signal_names[i].number;
#ifdef SIGRTMIN
	if (strncmp(name, "RTMIN", 5) == 0 || strncmp(name, "RTMAX", 5) == 0) {
		int base = name[3] == 'I' ? SIGRTMIN : SIGRTMAX;
		const char *p = name + 5;
		int offset = 0;

		if (*p == '+' || *p == '-') {
			char sign = *p++;

			if (*p < '0' || *p > '9')
				return -1;
			/* Past any signal the number stops growing (no overflow). */
			for (; *p >= '0' && *p <= '9'; p++)
				if (offset <= SIGRTMAX)
					offset = offset * 10 + (*p - '0');
			if (sign == '-')
				offset = -offset;
		}
		if (*p != '\0' || base + offset < SIGRTMIN || base + offset > SIGRTMAX)
			return -1;
		return base + offset;
	}
#endif
	return -1;
}

/* The disposition the shell had on entry; asked of the kernel once, when first needed. */
static bool ignored_on_entry(int sig)
{
	if (entry[sig] == ENTRY_UNKNOWN) {
		struct sigaction old;

		if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			entry[sig] = ENTRY_IGNORED;
		else
			entry[sig] = ENTRY_DEFAULT;
		installed[sig] = entry[sig] == ENTRY_IGNORED ? DISPOSITION_IGNORED : DISPOSITION_DEFAULT;
	}
	return entry[sig] == ENTRY_IGNORED;
}

/* Ignored without a trap saying so, and passed on to programs as ignored. */
static bool inherited_ignore(int sig)
{
	return ignored_on_entry(sig) || subshell_ignore[sig];
}

static enum disposition wanted_disposition(int sig)
{
	if (trap_action[sig] != NULL)
		return trap_action[sig][0] == '\0' ? DISPOSITION_IGNORED : DISPOSITION_CAUGHT;
	/*
	 * The interactive shell catches SIGHUP to hang up its jobs before it
	 * dies of it: a stand-in for the default action, so it gives way to an
	 * ignore inherited on entry (nohup).  Its other catches (SIGINT, and
	 * SIGWINCH, SIGCHLD for the line editor) do not.
	 */
	if (own_catch[sig] && (sig != SIGHUP || !inherited_ignore(sig)))
		return DISPOSITION_CAUGHT;
	if (own_ignore[sig] || inherited_ignore(sig))
		return DISPOSITION_IGNORED;
	return DISPOSITION_DEFAULT;
}

/* Make the installed disposition of sig what the tables say. */
static void update_signal(int sig)
{
	enum disposition want;
	struct sigaction sa;

	if (sig <= 0 || sig == SIGKILL || sig == SIGSTOP)
		return;
	ignored_on_entry(sig);
	want = wanted_disposition(sig);
	if (want == installed[sig])
		return;
	memset(&sa, 0, sizeof sa);
	sigfillset(&sa.sa_mask);
	/* No SA_RESTART: a trapped signal must interrupt "wait" and blocking reads. */
	sa.sa_flags = 0;
	sa.sa_handler = want == DISPOSITION_CAUGHT ? on_signal
	    : want == DISPOSITION_IGNORED ? SIG_IGN : SIG_DFL;
	if (sigaction(sig, &sa, NULL) == 0)
		installed[sig] = (unsigned char)want;
}

void signals_init(void)
{
	if (shell.interactive) {
		own_catch[SIGINT] = true;
		own_ignore[SIGTERM] = true;
		own_ignore[SIGQUIT] = true;
		/* SIGHUP: hang up the jobs first (trap_run_pending), unless ignored (nohup). */
		own_catch[SIGHUP] = true;
		update_signal(SIGHUP);
		update_signal(SIGINT);
		update_signal(SIGTERM);
		update_signal(SIGQUIT);
	}
}

void signals_job_control(bool on)
{
	static const int stops[] = { SIGTSTP, SIGTTIN, SIGTTOU };

	for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
		/*
		 * An interactive shell's jobs must be stoppable: ignored on
		 * entry or not (some terminal programs start shells that way),
		 * the stop signals are the shell's to manage, and the programs
		 * it runs get the default (as in dash and bash).
		 */
		if (on && shell.interactive && ignored_on_entry(stops[i]))
			entry[stops[i]] = ENTRY_DEFAULT;
		own_ignore[stops[i]] = on;
		update_signal(stops[i]);
	}
}

void signal_plan_make(struct signal_plan *plan, const sigset_t *force_ignore)
{
	plan->count = 0;
	for (int sig = 1; sig < NSIG; sig++) {
		int ignore;

		if (entry[sig] == ENTRY_UNKNOWN || sig == SIGKILL || sig == SIGSTOP)
			continue;	/* never touched: the child inherits what we inherited */
		if (trap_action[sig] != NULL)
			ignore = trap_action[sig][0] == '\0';
		else
			ignore = inherited_ignore(sig);
		if (force_ignore != NULL && sigismember(force_ignore, sig) == 1)
			continue;	/* added below */
		/*
		 * Caught signals must be reset even though execve would do it:
		 * until then the child must not run the shell's handler.
		 */
		if ((ignore && installed[sig] == DISPOSITION_IGNORED) ||
		    (!ignore && installed[sig] == DISPOSITION_DEFAULT))
			continue;
		plan->change[plan->count].signal = sig;
		plan->change[plan->count].ignore = ignore;
		plan->count++;
	}
	for (int sig = 1; force_ignore != NULL && sig < NSIG; sig++) {
		if (sigismember(force_ignore, sig) != 1)
			continue;
		plan->change[plan->count].signal = sig;
		plan->change[plan->count++].ignore = 1;
	}
}

void signal_ignore_in_subshell(int sig)
{
	ignored_on_entry(sig);
	subshell_ignore[sig] = true;
	/* A "trap '' sig" from the parent stays, for "trap" to list: it ignores too. */
	if (trap_action[sig] != NULL && trap_action[sig][0] != '\0') {
		free(trap_action[sig]);
		trap_action[sig] = NULL;
	}
	own_catch[sig] = false;
	update_signal(sig);
}

void signal_catch_for_shell(int sig, bool on)
{
	own_catch[sig] = on;
	update_signal(sig);
}

bool signals_recheck(void)
{
	for (int sig = 1; sig < NSIG; sig++)
		if (signal_arrived[sig])
			return true;
	signals_pending = 0;
	return false;
}

void signal_mark_pending(int sig)
{
	signal_arrived[sig] = 1;
	signals_pending = 1;
}

bool signal_is_pending(int sig)
{
	return signal_arrived[sig] != 0;
}

int signal_interrupting(void)
{
	static const int ending[] = { SIGKILL, SIGHUP, SIGINT };

	for (size_t i = 0; i < sizeof ending / sizeof ending[0]; i++)
		if (signal_arrived[ending[i]])
			return ending[i];
	return 0;
}

bool signal_take_pending(int sig)
{
	if (!signal_arrived[sig])
		return false;
	signal_arrived[sig] = 0;
	return true;
}

bool traps_active(void)
{
	for (int sig = 0; sig < NSIG; sig++)
		if (trap_action[sig] != NULL && trap_action[sig][0] != '\0')
			return true;
	return false;
}

int signal_pending_trapped(void)
{
	if (!signals_pending)
		return 0;
	for (int sig = 1; sig < NSIG; sig++)
		if (signal_arrived[sig] && trap_action[sig] != NULL)
			return sig;
	return 0;
}

bool signal_is_trapped(int sig)
{
	return trap_action[sig] != NULL && trap_action[sig][0] != '\0';
}

bool signal_is_ignored(int sig)
{
	if (trap_action[sig] != NULL)
		return trap_action[sig][0] == '\0';
	return inherited_ignore(sig);
}

bool signal_catch_sigint_for_wait(bool on)
{
	if (on) {
		if (own_catch[SIGINT] || trap_action[SIGINT] != NULL || inherited_ignore(SIGINT))
			return false;
		own_catch[SIGINT] = true;
	} else {
		own_catch[SIGINT] = false;
	}
	update_signal(SIGINT);
	return true;
}

noreturn void signal_exit_by(int sig)
{
	sigset_t set;

	trap_run_exit();
	read_ahead_sync_all();
	out_flush_all();
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	kill(getpid(), sig);
	_exit(128 + sig);
}

/*
 * Run action text as commands.  Not eval_string(): that sets $? to 0
 * first, and inside a trap action $? is the value before the trap.
 */
static void run_text(const char *text, const char *what)
{
	struct input *volatile in = input_from_string(text, what);
	struct handler h;

	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		run_input(in);
		handler_pop(&h);
	} else {
		handler_pop(&h);
		input_close(in);
		raise_exception(exception_raised);
	}
	input_close(in);
}

/* What a trap action changes for its duration, to be put back after it. */
struct trap_context {
	bool in_trap;
	int trap_status;
	int trap_call_depth;
	enum pending_jump jump;
	int jump_count;
	int return_status;
};

/*
 * Enter a trap action: $? from before it is kept for exit and return, and
 * a break, continue or return the action interrupted waits until it ends
 * (else the action would stop after its first command).
 */
static void trap_context_enter(struct trap_context *c)
{
	c->in_trap = shell.in_trap;
	c->trap_status = shell.trap_status;
	c->trap_call_depth = shell.trap_call_depth;
	c->jump = pending_jump;
	c->jump_count = pending_jump_count;
	c->return_status = pending_return_status;
	shell.in_trap = true;
	shell.trap_status = shell.last_status;
	shell.trap_call_depth = function_depth + dot_depth;
	pending_jump = JUMP_NONE;
}

/* Leave it: a jump the action made stands, else the interrupted one goes on. */
static void trap_context_leave(const struct trap_context *c)
{
	shell.in_trap = c->in_trap;
	shell.trap_status = c->trap_status;
	shell.trap_call_depth = c->trap_call_depth;
	if (pending_jump == JUMP_NONE) {
		pending_jump = c->jump;
		pending_jump_count = c->jump_count;
		pending_return_status = c->return_status;
	}
}

/*
 * Run one action with $? kept; errors in it end the action, "exit" is
 * passed on.  A return in it ends the function it interrupted, with the
 * return's status (the caller sees the jump).
 */
static void run_action(const char *action, const char *what)
{
	int saved_status = shell.last_status;
	char *copy = xstrdup(action);	/* the action may replace its own trap */
	struct handler h;
	struct trap_context context;

	trap_context_enter(&context);
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		run_text(copy, what);
		handler_pop(&h);
	} else {
		handler_pop(&h);
		free(copy);
		running_traps = false;
		trap_context_leave(&context);
		raise_exception(exception_raised);
	}
	free(copy);
	trap_context_leave(&context);
	shell.last_status = saved_status;
}

/*
 * What the shell does itself with an arrived SIGINT or SIGHUP that no trap
 * takes (it catches them for that only in some cases: interactive, or
 * around a wait); nothing for other signals.
 */
static void own_action(int sig)
{
	if (sig == SIGINT) {
		/* Abandon the command line, or the script. */
		running_traps = false;
		if (shell.interactive && !shell.is_subshell) {
			shell.last_status = 130;
			raise_exception(EXCEPTION_INTERRUPT);
		}
		signal_exit_by(SIGINT);
	} else if (sig == SIGHUP) {
		/* The interactive shell's own SIGHUP: its jobs go too. */
		running_traps = false;
		jobs_hangup();
		signal_exit_by(SIGHUP);
	}
}

/* The shell's own action on a SIGINT or SIGHUP that arrived and is not trapped. */
static void stop_for_own_signals(void)
{
	static const int own[] = { SIGINT, SIGHUP };

	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		if (signal_arrived[own[i]] && trap_action[own[i]] == NULL) {
			signal_arrived[own[i]] = 0;
			own_action(own[i]);
		}
}

void signal_stop_if_interrupted(void)
{
	if (!signals_pending)
		return;
	if (signal_arrived[SIGKILL])
		trap_run_pending();	/* the fuzz harness's end of an input */
	stop_for_own_signals();
}

void trap_run_pending(void)
{
	if (signal_arrived[SIGKILL]) {
		/*
		 * Never caught, so only marked by hand: by a harness that must
		 * end the shell whatever its traps, even one looping in a trap
		 * action (the script fuzz target's hard time limit).
		 */
		signal_arrived[SIGKILL] = 0;
		running_traps = false;
		signal_exit_by(SIGKILL);
	}
	if (running_traps) {
		/*
		 * Traps do not nest (the outer loop sees the flag again), but
		 * Control-C still stops a trap action that loops, as the
		 * shell's own action on SIGINT and SIGHUP stops anything else.
		 */
		stop_for_own_signals();
		return;
	}
	running_traps = true;
	while (signals_pending) {
		signals_pending = 0;
		for (int sig = 1; sig < NSIG; sig++) {
			if (!signal_arrived[sig])
				continue;
			signal_arrived[sig] = 0;
			if (trap_action[sig] != NULL) {
				if (trap_action[sig][0] != '\0')
					run_action(trap_action[sig], "trap");
			} else {
				own_action(sig);
			}
		}
	}
	running_traps = false;
}

void trap_run_exit(void)
{
	char *action = trap_action[0];
	int saved_status = shell.last_status;
	struct handler h;

	if (exit_trap_done || action == NULL)
		return;
	exit_trap_done = true;
	trap_action[0] = NULL;
	if (action[0] != '\0') {
		struct trap_context context;

		/* Never left: the shell ends after it. */
		trap_context_enter(&context);
		if (setjmp(h.jump) == 0) {
			handler_push(&h);
			run_text(action, "trap");
			handler_pop(&h);
			shell.last_status = saved_status;
		} else {
			/* "exit n" in the trap sets the status; errors keep the old one. */
			handler_pop(&h);
			if (exception_raised != EXCEPTION_EXIT)
				shell.last_status = saved_status;
		}
	}
	free(action);
}

void traps_reset_for_subshell(void)
{
	bool any = false;

	for (int sig = 0; sig < NSIG; sig++)
		if (trap_action[sig] != NULL && trap_action[sig][0] != '\0')
			any = true;
	if (any) {
		/* Remembered only for listing; freed when the subshell sets a trap. */
		inherited_actions = xcalloc(NSIG, sizeof *inherited_actions);
		for (int sig = 0; sig < NSIG; sig++)
			if (trap_action[sig] != NULL)
				inherited_actions[sig] = xstrdup(trap_action[sig]);
	}
	for (int sig = 0; sig < NSIG; sig++) {
		if (trap_action[sig] != NULL && trap_action[sig][0] != '\0') {
			free(trap_action[sig]);
			trap_action[sig] = NULL;
		}
		own_catch[sig] = false;
		own_ignore[sig] = false;
		if (sig > 0 && entry[sig] != ENTRY_UNKNOWN)
			update_signal(sig);
		signal_arrived[sig] = 0;
	}
	signals_pending = 0;
	exit_trap_done = false;
	running_traps = false;
	/*
	 * Its exit ends the subshell, not the trap action that started it:
	 * "exit" takes the subshell's own $? (XCU exit).
	 */
	shell.in_trap = false;
}

/* --- for builtins/trap.c --- */

static void forget_inherited(void)
{
	if (inherited_actions == NULL)
		return;
	for (int sig = 0; sig < NSIG; sig++)
		free(inherited_actions[sig]);
	free(inherited_actions);
	inherited_actions = NULL;
}

/*
 * Set (action non-NULL) or reset (NULL) the trap of sig.  Returns 0, or -1
 * for a signal number out of range.  KILL and STOP are recorded (and listed)
 * like dash does, but never installed: the kernel would refuse them, and
 * scripts setting them expect status 0.
 */
int trap_set(int sig, const char *action)
{
	if (sig < 0 || sig >= NSIG)
		return -1;
	forget_inherited();
	if (sig > 0 && ignored_on_entry(sig)) {
		/* XCU trap: a non-interactive shell may not change signals ignored on entry. */
		if (!shell.interactive)
			return 0;
		/* An interactive one takes the signal over for good (see entry[]). */
		entry[sig] = ENTRY_DEFAULT;
	}
	if (sig > 0)
		subshell_ignore[sig] = false;
	free(trap_action[sig]);
	trap_action[sig] = action != NULL ? xstrdup(action) : NULL;
	if (sig > 0)
		update_signal(sig);
	return 0;
}

/* The action of sig for listing (the parent's in an untouched subshell), or NULL. */
const char *trap_get(int sig)
{
	if (inherited_actions != NULL)
		return inherited_actions[sig];
	return trap_action[sig];
}
