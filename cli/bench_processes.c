/* bench --processes P: the repetitions of every benchmark spread over P
 * processes run one after another.
 *
 * Why: some kernels run at one of two speeds depending on where a process
 * happens to place code and data (measured here: oneDNN's JIT softmax at
 * 0.54 or 0.77 ns/elem, SLEEF's AVX2 gelu at 3.76 or 4.90, the same in every
 * repetition of one process).  Repetitions inside one process cannot show
 * that, so two single-process runs of the same build disagree "significantly".
 * With each repetition from a fresh process, the repetitions sample those
 * modes too and compare's statistics hold between runs.
 *
 * Each child is this executable run as `actbench [--plugin P]... bench
 * <the same options> --repetitions R_k --processes 1 --child-runs FILE --
 * <the same GB flags>`: it registers the same benchmarks in the same order,
 * so benchmark ids agree, times them, and writes GB's runs to FILE
 * (bench_runs_write) and GB's JSON to FILE.json.  The parent reads them back
 * as if GB had run every repetition itself, and joins the JSON files. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_processes.h"
#include "cli.h"
#include "throughput.h"

/* Runs one child to completion; 0 when it exited 0. */
static int run_child(char **args, int *status)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) { /* exec resets our handlers and keeps ignored signals ignored */
        execv("/proc/self/exe", args);
        fprintf(stderr, "actbench: cannot start a benchmark process: %s\n", strerror(errno));
        _exit(127);
    }
    cli_stop_child_on_signal(pid);
    while (waitpid(pid, status, 0) < 0)
        if (errno != EINTR) {
            cli_stop_child_on_signal(0);
            return -1;
        }
    cli_stop_child_on_signal(0);
    return WIFEXITED(*status) && WEXITSTATUS(*status) == 0 ? 0 : -1;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    if (f && fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1))) {
            *len = fread(buf, 1, (size_t)size, f);
            buf[*len] = '\0';
        }
    }
    if (f)
        fclose(f);
    return buf;
}

/* The entries of GB's "benchmarks" array in one JSON file: [*begin, *end). */
static int benchmark_entries(const char *json, const char **begin, const char **end)
{
    const char *key = strstr(json, "\"benchmarks\"");
    const char *open = key ? strchr(key, '[') : NULL;
    const char *close = strrchr(json, ']');
    if (!open || !close || close < open)
        return -1;
    *begin = open + 1;
    *end = close;
    while (*begin < *end && strchr(" \t\r\n", **begin))
        (*begin)++;
    while (*end > *begin && strchr(" \t\r\n", (*end)[-1]))
        (*end)--;
    return 0;
}

/* One GB JSON file from the children's: the first one's context, every
 * child's benchmark entries (each child numbers its repetitions from 0). */
static int join_json(char *const *paths, size_t n, const char *to)
{
    FILE *out = fopen(to, "wb");
    int rc = out ? 0 : -1, first_entry = 1;
    for (size_t k = 0; k < n && rc == 0; k++) {
        size_t len;
        char *json = read_file(paths[k], &len);
        const char *b, *e;
        if (!json || benchmark_entries(json, &b, &e) != 0) {
            rc = -1;
        } else {
            if (k == 0)
                fwrite(json, 1, (size_t)(b - json), out); /* up to the entries */
            if (e > b) {
                fputs(first_entry ? "\n    " : ",\n    ", out);
                fwrite(b, 1, (size_t)(e - b), out);
                first_entry = 0;
            }
        }
        free(json);
    }
    if (out) {
        if (rc == 0)
            fputs("\n  ]\n}\n", out);
        if (fclose(out) != 0)
            rc = -1;
    }
    return rc;
}

int bench_processes_run(void *ctx, gbench_results *out)
{
    const bench_processes *bp = ctx;
    size_t P = bp->processes;
    const char *const *plugins;
    size_t n_plugins = plugins_paths(&plugins);
    /* actbench [--plugin P]... bench OPTIONS <8 of ours> [-- GB-FLAGS] NULL */
    size_t n_args = 2 + 2 * n_plugins + (size_t)bp->argc + 9;
    char **args = calloc(n_args, sizeof *args), **runs = calloc(P, sizeof *runs),
         **jsons = calloc(P, sizeof *jsons);
    char reps[32], label[64];
    int rc = args && runs && jsons ? 0 : -1, stop_signal = 0;
    for (size_t k = 0; k < P && rc == 0; k++) {
        runs[k] = malloc(strlen(bp->out_dir) + 64);
        jsons[k] = malloc(strlen(bp->out_dir) + 64);
        if (!runs[k] || !jsons[k]) {
            rc = -1;
            break;
        }
        sprintf(runs[k], "%s/.bench.runs.%ld.%zu", bp->out_dir, (long)getpid(), k + 1);
        sprintf(jsons[k], "%s.json", runs[k]);
        cli_remove_on_signal(runs[k]);
        cli_remove_on_signal(jsons[k]);
    }
    for (size_t k = 0; k < P && rc == 0; k++) {
        /* Repetitions as even as they divide: the first R mod P get one more. */
        size_t r = bp->repetitions / P + (k < bp->repetitions % P);
        snprintf(reps, sizeof reps, "%zu", r);
        snprintf(label, sizeof label, "%zu/%zu", k + 1, P);
        size_t a = 0;
        args[a++] = "actbench";
        for (size_t i = 0; i < n_plugins; i++) {
            args[a++] = "--plugin";
            args[a++] = (char *)plugins[i];
        }
        for (int i = 0; i < bp->gb_index; i++) /* argv[0] is "bench" */
            args[a++] = bp->argv[i];
        args[a++] = "--repetitions";
        args[a++] = reps;
        args[a++] = "--processes";
        args[a++] = "1";
        args[a++] = "--child-runs";
        args[a++] = runs[k];
        args[a++] = "--process-label";
        args[a++] = label;
        for (int i = bp->gb_index; i < bp->argc; i++)
            args[a++] = bp->argv[i];
        args[a] = NULL;
        int status = 0;
        if (run_child(args, &status) != 0) {
            if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGINT || WTERMSIG(status) == SIGTERM))
                stop_signal = WTERMSIG(status); /* interrupted: stop as the child did */
            fprintf(stderr, "\nactbench: bench: benchmark process %s failed (%s %d)\n", label,
                    WIFSIGNALED(status) ? "signal" : "exit status",
                    WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
            rc = -1;
            break;
        }
        FILE *f = fopen(runs[k], "r");
        if (!f || bench_runs_read(f, out) != 0) {
            fprintf(stderr, "actbench: bench: cannot read the timings of process %s\n", label);
            rc = -1;
        }
        if (f)
            fclose(f);
    }
    if (rc == 0 && join_json(jsons, P, bp->merged_json) != 0) {
        fprintf(stderr, "actbench: bench: cannot join the processes' JSON into %s\n", bp->merged_json);
        rc = -1;
    }
    for (size_t k = 0; k < P && runs && jsons; k++) {
        if (runs[k]) {
            cli_forget_on_signal(runs[k]);
            unlink(runs[k]);
        }
        if (jsons[k]) {
            cli_forget_on_signal(jsons[k]);
            unlink(jsons[k]);
        }
        free(runs[k]);
        free(jsons[k]);
    }
    free(runs);
    free(jsons);
    free(args);
    if (rc != 0)
        gbench_results_free(out);
    if (stop_signal)
        raise(stop_signal); /* returns only where the signal is ignored here */
    return rc;
}
