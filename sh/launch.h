/*
 * Process creation.  Every process vsh creates is created in launch.c:
 * external programs through vfork (or fork under "set +o vfork"), shell
 * code (subshells, pipeline elements that are built-ins, functions or
 * compound commands, command substitutions running shell code) through
 * fork.  See launch.c's top comment for the three rules of the vfork child.
 */
#ifndef VSH_LAUNCH_H
#define VSH_LAUNCH_H

#include <stdnoreturn.h>
#include <sys/types.h>

struct job;

/*
 * Start an external program in a new process.  The caller has resolved
 * path, applied the command's redirections in the parent (descriptors
 * 0-9 are what the child gets; the shell's own are close-on-exec above 9)
 * and flushed out1/out2.  argv[-1] must exist and be writable: the child
 * uses it to run a script without "#!" as "vsh script args".
 *
 * The process joins job (its process group, background or foreground
 * nature come from the job).  Returns the pid, or -1 when no process
 * could be created (the message is printed).
 */
pid_t launch_program(struct job *job, const char *path, char **argv, char **envp);

/*
 * Fork a child that will run shell code.  In the child it returns 0 after
 * making the child a subshell (traps reset, job control off, signal
 * dispositions as for a child, shell.is_subshell set); the child must end
 * with shell_exit().  In the parent it returns the pid, added to job, or
 * -1 with the message printed.
 */
pid_t launch_subshell(struct job *job);

/*
 * Replace the shell with a program ("exec cmd", or the last command of a
 * child).  Returns only on failure: the message is printed and the
 * status (126 or 127) returned.
 */
int exec_program(const char *path, char **argv, char **envp);

#endif
