/* Shared pieces of the actbench command line. */
#ifndef ACTBENCH_CLI_H
#define ACTBENCH_CLI_H

#include <stddef.h>
#include <sys/types.h>

#include "actbench.h"

/* Exit codes: 0 success, 1 a check failed (e.g. a bound exceeded, a
 * regression found), 2 bad input or an error that stopped the run. */
enum { EXIT_OK = 0, EXIT_CHECK_FAILED = 1, EXIT_USAGE = 2 };

/* Temporary files a SIGINT or SIGTERM must not leave behind: the handler
 * (installed on first use, unless the signal is ignored) removes every
 * registered path, stops the registered child process, then lets the signal
 * end the command as it would have.  The path string must stay valid until
 * forgotten. */
void cli_remove_on_signal(const char *path);
void cli_forget_on_signal(const char *path);
void cli_stop_child_on_signal(pid_t pid); /* 0: none */

/* Prints "actbench: <message>" on stderr; returns EXIT_USAGE. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* If argv[*i] is option name ("--name value" or "--name=value"), stores the
 * value, advances *i past it and returns 1; a missing value is an error
 * (*value = NULL, returns 1).  Returns 0 if argv[*i] is another option. */
int cli_option(int argc, char **argv, int *i, const char *name, const char **value);

/* The selection and output options every measuring command takes. */
typedef struct selection_options {
    const char *acts;     /* --act LIST (NULL: all) */
    const char *variants; /* --variant LIST (NULL: all) */
    const char *isa;      /* --max-isa ISA (NULL: the CPU's best) */
    const char *out_dir;  /* --out DIR */
} selection_options;

/* If argv[*i] is --act, --variant, --max-isa or --out, stores its value in o
 * and returns 1, setting *rc to EXIT_USAGE (after printing why) when the value
 * is missing; returns 0 for any other argument. */
int selection_option(int argc, char **argv, int *i, selection_options *o, int *rc);

/* Parses a count: digits with an optional K, M or G suffix (binary: 4K =
 * 4096).  Returns 0, or -1 on anything else (negative, empty, overflow). */
int parse_count(const char *s, size_t *out);
/* Parses a float (decimal, hex, inf, nan); -1 on trailing junk. */
int parse_float(const char *s, float *out);

/* Applies --max-isa (or validates ACTBENCH_MAX_ISA); EXIT_USAGE on a bad
 * name, after printing why, else 0. */
int apply_isa_cap(const char *name);

/* The kernels chosen by comma-separated activation and variant lists (NULL =
 * all).  Fills runnable[] (this CPU can run them) and skipped[] (it cannot);
 * both hold up to the table's size.  Unknown names are errors: returns
 * EXIT_USAGE after printing one, else 0.  An empty selection is an error. */
int select_kernels(const char *acts, const char *variants, const actbench_kernel **runnable,
                   size_t *n_runnable, const actbench_kernel **skipped, size_t *n_skipped);

/* contenders (issue 7): loads every --plugin PATH in argv (cli/plugins.c),
 * registers its kernels and removes the option from argv (up to a "--").
 * 0, or EXIT_USAGE after printing why. */
int plugins_load(int *argc, char **argv);
/* The paths plugins_load loaded, in order; returns how many. */
size_t plugins_paths(const char *const **paths);
/* accuracy --inputs/--outputs/--write-inputs (cli/cmd_accuracy_external.c):
 * whether argv asks for it, and the command itself. */
int accuracy_external_requested(int argc, char **argv);
int cmd_accuracy_external(int argc, char **argv);

/* Subcommands. */
int cmd_list(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_accuracy(int argc, char **argv);
int cmd_merge(int argc, char **argv); /* sharded exhaustive accuracy results */
int cmd_bench(int argc, char **argv); /* throughput (bench) */
/* choosing and tracking: read results back */
int cmd_report(int argc, char **argv);
int cmd_recommend(int argc, char **argv);
int cmd_compare(int argc, char **argv);

#endif
