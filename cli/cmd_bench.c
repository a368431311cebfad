/* actbench bench: the throughput sweep, written as bench.csv/.md/.json. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench_processes.h"
#include "cli.h"
#include "gbench_shim.h"
#include "reports.h"
#include "throughput.h"

/* L1 (4K: 32 KiB of x and y), L3 (1M: 8 MiB) and DRAM (16M: 128 MiB, past
 * any LLC): all 112 kernels x 3 sizes x threads 1,2 took ~3 minutes on the
 * 2-vCPU VM (4 minutes with 64K added, under load). */
#define DEFAULT_SIZES "4K,1M,16M"
#define DEFAULT_REPETITIONS 5
/* Each repetition in its own process by default: see cli/bench_processes.c. */
#define DEFAULT_PROCESSES DEFAULT_REPETITIONS
#define DEFAULT_MIN_TIME 0.01
#define MAX_LIST 64

static void help(void)
{
    printf("usage: actbench bench [--act LIST] [--variant LIST] [--sizes LIST] [--threads LIST]\n"
           "                      [--repetitions N] [--processes P] [--min-time S] [--dist D]\n"
           "                      [--seed S]\n"
           "                      [--row-length N] [--out DIR] [--max-isa ISA] [--verbose]\n"
           "                      [-- GOOGLE-BENCHMARK-FLAGS...]\n\n"
           "Times every chosen kernel this CPU runs with Google Benchmark at every size and\n"
           "thread count, beside memcpy and a copy loop (the bandwidth roofline), and writes\n"
           "DIR/bench.csv, DIR/bench.md and DIR/bench.json (GB's JSON; default DIR: results).\n\n"
           "  --sizes LIST       elements per call, K/M/G suffixes (default %s)\n"
           "  --threads LIST     thread counts (default 1 and OpenMP's maximum)\n"
           "  --repetitions N    GB repetitions per benchmark (default %d)\n"
           "  --processes P      spread the repetitions over P processes run one after another\n"
           "                     (default %d: one repetition each; at most N).  Some kernels\n"
           "                     run at one of two speeds depending on the process (code and\n"
           "                     data placement); repetitions from fresh processes show it,\n"
           "                     so two runs of one build agree (see 'actbench compare')\n"
           "  --min-time S       GB minimum seconds per repetition (default %g)\n"
           "  --dist D           inputs: uniform (default, [-10, 10]), uniform:A:B, normal,\n"
           "                     normal:MEAN:SD, wide (|x| log-uniform in [2^-16, 2^8])\n"
           "  --row-length N     softmax/log_softmax row length (default %d)\n"
           "  --verbose          also print GB's console table on stdout\n"
           "Within each process the benchmarks and their repetitions run in random order\n"
           "(GB's --benchmark_enable_random_interleaving, on by default), so a passing burst of\n"
           "load hits one repetition of many benchmarks rather than every repetition of one.\n"
           "Flags after -- go to Google Benchmark (--benchmark_filter=REGEX,\n"
           "--benchmark_min_time, ...,\n"
           "--benchmark_enable_random_interleaving=false); bench.json is always written\n"
           "to DIR, so --benchmark_out is refused, and --repetitions replaces\n"
           "--benchmark_repetitions.\n",
           DEFAULT_SIZES, DEFAULT_REPETITIONS, DEFAULT_PROCESSES, DEFAULT_MIN_TIME,
           BENCH_DEFAULT_ROW_LENGTH);
}

/* A comma-separated list of counts, each >= 1, duplicates dropped. */
static int parse_sizes(const char *s, size_t *out, size_t *n)
{
    *n = 0;
    if (!s || !*s)
        return -1;
    for (const char *p = s; *p;) {
        size_t len = strcspn(p, ","), v;
        char item[32];
        if (len == 0 || len >= sizeof item)
            return -1;
        memcpy(item, p, len);
        item[len] = '\0';
        if (parse_count(item, &v) != 0 || v == 0 || v > ((size_t)1 << 30))
            return -1;
        int dup = 0;
        for (size_t i = 0; i < *n; i++)
            dup |= out[i] == v;
        if (!dup) {
            if (*n == MAX_LIST)
                return -1;
            out[(*n)++] = v;
        }
        p += len + (p[len] == ',');
        if (p[-1] == ',' && !*p)
            return -1; /* trailing comma */
    }
    return 0;
}

static int parse_threads(const char *s, int *out, size_t *n)
{
    size_t v[MAX_LIST];
    if (parse_sizes(s, v, n) != 0)
        return -1;
    for (size_t i = 0; i < *n; i++) {
        if (v[i] > 1024 || strpbrk(s, "KkMmGg"))
            return -1;
        out[i] = (int)v[i];
    }
    return 0;
}

typedef struct progress_state {
    size_t total;
    const char *process; /* "k/P" in a child of bench --processes, else NULL */
} progress_state;

static void show_progress(void *ctx, double done, double elapsed)
{
    const progress_state *p = ctx;
    size_t k = (size_t)(done * (double)p->total + 0.5);
    fprintf(stderr, "\rbench: %s%s%sbenchmark %zu of %zu", p->process ? "process " : "",
            p->process ? p->process : "", p->process ? ", " : "", k, p->total);
    if (done > 0.001 && done < 1.0)
        fprintf(stderr, ", ETA %.0f s   ", elapsed / done * (1.0 - done));
    else
        fprintf(stderr, "   ");
}

int cmd_bench(int argc, char **argv)
{
    selection_options sel = {NULL, NULL, NULL, "results"};
    const char *v;
    int rc = EXIT_OK;
    size_t sizes[MAX_LIST], n_sizes = 0, n_threads = 0, repetitions = DEFAULT_REPETITIONS;
    size_t processes = 0; /* 0: the default, min(DEFAULT_PROCESSES, repetitions) */
    const char *child_runs = NULL, *process_label = NULL; /* set in a child process */
    int threads[MAX_LIST], verbose = 0;
    double min_time = DEFAULT_MIN_TIME;
    bench_config cfg = {.dist = BENCH_DIST_DEFAULT, .seed = BENCH_DEFAULT_SEED,
                        .row_length = BENCH_DEFAULT_ROW_LENGTH};
    int i = 1, dashdash = argc; /* where GB's flags start ("--"), for child processes */
    parse_sizes(DEFAULT_SIZES, sizes, &n_sizes);
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            dashdash = i++;
            break;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            help();
            return EXIT_OK;
        } else if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0) {
            verbose = 1;
        } else if (selection_option(argc, argv, &i, &sel, &rc)) {
            if (rc)
                return rc;
        } else if (cli_option(argc, argv, &i, "--sizes", &v)) {
            if (parse_sizes(v, sizes, &n_sizes) != 0)
                return cli_fail("--sizes: '%s' is not a list of counts from 1 to 1G (e.g. 4K,1M)",
                                v ? v : "");
        } else if (cli_option(argc, argv, &i, "--threads", &v)) {
            if (parse_threads(v, threads, &n_threads) != 0)
                return cli_fail("--threads: '%s' is not a list of thread counts from 1 to 1024",
                                v ? v : "");
        } else if (cli_option(argc, argv, &i, "--repetitions", &v)) {
            if (parse_count(v, &repetitions) != 0 || repetitions == 0 || repetitions > 1000)
                return cli_fail("--repetitions: '%s' is not a count from 1 to 1000", v ? v : "");
        } else if (cli_option(argc, argv, &i, "--processes", &v)) {
            if (parse_count(v, &processes) != 0 || processes == 0 || processes > 1000)
                return cli_fail("--processes: '%s' is not a count from 1 to 1000", v ? v : "");
        } else if (cli_option(argc, argv, &i, "--child-runs", &v)) { /* internal */
            if (!v || !*v)
                return cli_fail("--child-runs needs a file");
            child_runs = v;
        } else if (cli_option(argc, argv, &i, "--process-label", &v)) { /* internal */
            process_label = v;
        } else if (cli_option(argc, argv, &i, "--min-time", &v)) {
            char *end = NULL;
            min_time = v ? strtod(v, &end) : NAN;
            if (!v || !*v || *end || !(min_time > 0 && min_time <= 100))
                return cli_fail("--min-time: '%s' is not a number of seconds in (0, 100]", v ? v : "");
        } else if (cli_option(argc, argv, &i, "--dist", &v)) {
            if (bench_dist_parse(v, &cfg.dist) != 0)
                return cli_fail("--dist: '%s' is not uniform, uniform:A:B (A < B), normal, "
                                "normal:MEAN:SD (SD > 0) or wide", v ? v : "");
        } else if (cli_option(argc, argv, &i, "--seed", &v)) {
            size_t seed;
            if (parse_count(v, &seed) != 0)
                return cli_fail("--seed: '%s' is not a non-negative integer", v ? v : "");
            cfg.seed = seed;
        } else if (cli_option(argc, argv, &i, "--row-length", &v)) {
            if (parse_count(v, &cfg.row_length) != 0 || cfg.row_length == 0)
                return cli_fail("--row-length: '%s' is not a count >= 1", v ? v : "");
        } else {
            return cli_fail("bench: unexpected argument '%s' (see 'actbench bench --help'; "
                            "Google Benchmark flags go after --)", argv[i]);
        }
    }
    if (n_threads == 0) {
        threads[n_threads++] = 1;
        if (omp_get_max_threads() > 1)
            threads[n_threads++] = omp_get_max_threads();
    }
    /* Everything after -- is Google Benchmark's, except where bench.json goes. */
    for (int j = i; j < argc; j++) {
        if (strncmp(argv[j], "--benchmark_out", 15) == 0)
            return cli_fail("bench: '%s': bench.json is written to --out DIR", argv[j]);
        /* GB's own count would apply in every process: N x P repetitions. */
        if (strncmp(argv[j], "--benchmark_repetitions", 23) == 0)
            return cli_fail("bench: '%s': use --repetitions N (spread over --processes)", argv[j]);
    }

    if (processes == 0)
        processes = repetitions < DEFAULT_PROCESSES ? repetitions : DEFAULT_PROCESSES;
    if (processes > repetitions)
        return cli_fail("--processes %zu: more processes than repetitions (%zu)", processes,
                        repetitions);

    rc = apply_isa_cap(sel.isa);
    if (rc)
        return rc;
    /* Fail on an unwritable directory now, not after the sweep; GB writes its
     * JSON to a temporary file there, copied to bench.json at the end (a
     * child process: next to its runs file, for the parent to join). */
    char gb_json[4200];
    FILE *runs_out = NULL;
    if (child_runs) {
        snprintf(gb_json, sizeof gb_json, "%s.json", child_runs);
        if (!(runs_out = fopen(child_runs, "w")))
            return cli_fail("cannot write '%s'", child_runs);
        cli_remove_on_signal(child_runs);
    } else {
        snprintf(gb_json, sizeof gb_json, "%s/.bench.gb.json.XXXXXX", sel.out_dir);
        int fd = make_directories(sel.out_dir) == 0 ? mkstemp(gb_json) : -1;
        if (fd < 0)
            return cli_fail("cannot write to output directory '%s'", sel.out_dir);
        close(fd);
    }
    cli_remove_on_signal(gb_json);

    /* GB's flags: our defaults first, so the user's (later) ones win. */
    char reps_flag[64], time_flag[64], out_flag[4300];
    snprintf(reps_flag, sizeof reps_flag, "--benchmark_repetitions=%zu", repetitions);
    snprintf(time_flag, sizeof time_flag, "--benchmark_min_time=%g", min_time);
    snprintf(out_flag, sizeof out_flag, "--benchmark_out=%s", gb_json);
    int gb_argc = 0;
    char **gb_argv = calloc((size_t)(argc - i) + 8, sizeof *gb_argv);
    size_t nk;
    actbench_kernels(&nk);
    const actbench_kernel **run = calloc(nk, sizeof *run), **skip = calloc(nk, sizeof *skip);
    size_t n_run = 0, n_skip = 0;
    bench_results results = {0};
    if (!gb_argv || !run || !skip) {
        rc = cli_fail("out of memory");
        goto done;
    }
    gb_argv[gb_argc++] = argv[0];
    gb_argv[gb_argc++] = reps_flag;
    gb_argv[gb_argc++] = time_flag;
    /* Each benchmark's repetitions spread over the whole run in random
     * order, not back to back: a burst of load then touches one repetition
     * of many rows instead of all repetitions of one, so the repetitions
     * sample the run's conditions (what compare's statistics assume). */
    gb_argv[gb_argc++] = "--benchmark_enable_random_interleaving=true";
    for (int j = i; j < argc; j++)
        gb_argv[gb_argc++] = argv[j];
    gb_argv[gb_argc++] = out_flag;
    gb_argv[gb_argc++] = "--benchmark_out_format=json";
    if (gbench_init(&gb_argc, gb_argv) > 0) {
        rc = cli_fail("bench: '%s' is not a Google Benchmark flag (or has a bad value)", gb_argv[1]);
        goto done;
    }

    rc = select_kernels(sel.acts, sel.variants, run, &n_run, skip, &n_skip);
    if (rc == EXIT_OK && n_run == 0)
        rc = cli_fail("none of the chosen kernels runs on this CPU (max ISA %s)",
                      actbench_isa_name(actbench_max_isa()));
    if (rc)
        goto done;

    cfg.kernels = run;
    cfg.n_kernels = n_run;
    cfg.sizes = sizes;
    cfg.n_sizes = n_sizes;
    cfg.threads = threads;
    cfg.n_threads = n_threads;
    cfg.echo = verbose;
    progress_state progress = {n_sizes * n_threads * (n_run + 2), process_label};
    if (isatty(STDERR_FILENO) && !verbose) {
        cfg.progress = show_progress;
        cfg.progress_ctx = &progress;
    }
    bench_processes spread = {argc, argv, dashdash, processes, repetitions, sel.out_dir, gb_json};
    if (processes > 1 && !child_runs) {
        cfg.runner = bench_processes_run;
        cfg.runner_ctx = &spread;
    }
    cfg.runs_out = runs_out;
    cfg.processes = processes;
    if (bench_run(&cfg, &results) != 0) {
        rc = cfg.runner ? EXIT_USAGE /* the runner said why */
                        : cli_fail("out of memory during the sweep");
        goto done;
    }
    if (child_runs) {
        rc = fclose(runs_out) == 0 ? EXIT_OK : cli_fail("cannot write '%s'", child_runs);
        runs_out = NULL;
        goto done_child;
    }
    if (cfg.progress && !cfg.runner)
        fputc('\n', stderr);
    if (results.n_records == 0) {
        rc = cli_fail("bench: no benchmark ran (does --benchmark_filter match any name?)");
        goto done;
    }
    run_context ctx;
    run_context_collect(&ctx);
    char err[512];
    if (write_bench_reports(sel.out_dir, &results, &cfg, &ctx, gb_json, skip, n_skip, err, sizeof err) != 0) {
        rc = cli_fail("%s", err);
        goto done;
    }
    printf("bench: %zu kernels, %zu benchmarks in %.1f s -> %s/bench.csv, %s/bench.md, %s/bench.json\n",
           n_run, results.benchmarks_run, results.seconds, sel.out_dir, sel.out_dir, sel.out_dir);
done:
    unlink(gb_json);
done_child: /* the parent reads and removes a child's files */
    cli_forget_on_signal(gb_json);
    if (child_runs)
        cli_forget_on_signal(child_runs);
    if (runs_out)
        fclose(runs_out);
    bench_results_free(&results);
    free(gb_argv);
    free(run);
    free(skip);
    return rc;
}
