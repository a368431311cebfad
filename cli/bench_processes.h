/* bench --processes: repetitions spread over child processes (see
 * cli/bench_processes.c for why and how). */
#ifndef ACTBENCH_BENCH_PROCESSES_H
#define ACTBENCH_BENCH_PROCESSES_H
#include <stddef.h>

#include "gbench_shim.h"

typedef struct bench_processes {
    int argc;                /* the bench command line: argv[0] is "bench" */
    char **argv;
    int gb_index;            /* index of the "--" before GB's flags, or argc */
    size_t processes;        /* P >= 2 */
    size_t repetitions;      /* in all, spread over the P processes */
    const char *out_dir;     /* where the children's temporary files go */
    const char *merged_json; /* where the joined GB JSON goes */
} bench_processes;

/* A bench_config runner (ctx: a bench_processes): runs the P children one
 * after another and fills out with all their runs.  0, or -1 after printing
 * why on stderr; on SIGINT/SIGTERM of a child the parent stops the same way. */
int bench_processes_run(void *ctx, gbench_results *out);

#endif
