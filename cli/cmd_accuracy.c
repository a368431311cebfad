/* actbench accuracy: the accuracy sweep, written as accuracy.csv/.md and
 * accuracy_binades.csv; --exhaustive for all 2^32 inputs (shardable),
 * --selftest for the filtered reference against MPFR. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "cli.h"
#include "exhaustive.h"
#include "filtered.h"
#include "reports.h"

/* Set by SIGINT/SIGTERM during --exhaustive and --selftest: the blocks under
 * way finish, nothing is written, exit 130. */
static volatile sig_atomic_t stop_requested;

static void request_stop(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static void catch_stop_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = request_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

#define EXIT_INTERRUPTED 130

static void help(void)
{
    printf("usage: actbench accuracy [--act LIST] [--variant LIST] [--samples N] [--seed S]\n"
           "                         [--out DIR] [--max-isa ISA]\n"
           "       actbench accuracy --exhaustive [--shard I/N] [--progress] [--act ...] [--out DIR]\n"
           "       actbench accuracy --selftest [--samples N] [--act LIST]\n\n"
           "Runs every chosen kernel this CPU runs on N inputs per activation over the whole float\n"
           "range and N over [-10, 10], plus the special values, scores each output in ULPs against\n"
           "GNU MPFR, and writes DIR/accuracy.csv and DIR/accuracy.md (default DIR: results).\n"
           "LIST is comma-separated (e.g. --act sigmoid,gelu --variant libm,libm-careful).\n"
           "N takes K/M suffixes (default %d). Exit code 1 if a kernel exceeds its declared bound.\n\n"
           "--exhaustive: every one of the 2^32 inputs of the elementwise activations (NaNs by\n"
           "class, %d representatives), scored with the filtered reference (double, MPFR where\n"
           "that cannot decide); softmax/log_softmax on sampled rows (--samples elements per row\n"
           "distribution, default %d) against MPFR. --shard I/N runs the I-th of N disjoint\n"
           "parts and writes DIR/accuracy.partial.I-of-N.txt for 'actbench merge'. --progress:\n"
           "a progress line on stderr every few seconds (always on a terminal). Ctrl-C or\n"
           "SIGTERM stop it cleanly: exit 130, earlier reports untouched. --stride K runs only\n"
           "every K-th block of 64K inputs: a quick subset for tests, not exhaustive.\n\n"
           "--selftest: on N inputs per activation (default 1M; whole range and hard regions)\n"
           "the filtered reference must give the verdicts MPFR alone gives (ULP to 1e-6,\n"
           "correct rounding) for every kernel output and synthetic outputs; exit 1 if not.\n",
           ACCURACY_DEFAULT_SAMPLES, EXHAUSTIVE_NAN_INPUTS, EXHAUSTIVE_ROW_ELEMENTS);
}

/* --selftest: one line per activation. */
static int run_selftest(const actbench_kernel **run, size_t n_run, const char *acts, size_t samples,
                        uint64_t seed)
{
    int failed = 0;
    catch_stop_signals();
    printf("selftest: filtered reference vs MPFR, %zu inputs per activation\n", samples);
    printf("%-13s %10s %11s %10s %12s %14s\n", "activation", "inputs", "verdicts", "mismatches",
           "MPFR share", "max ULP diff");
    for (int a = 0; a < ACTBENCH_ACT_COUNT && !stop_requested; a++) {
        const actbench_activation_info *info = actbench_activation((actbench_act)a);
        if (info->rowwise)
            continue;
        const actbench_kernel *mine[64];
        size_t n = 0;
        for (size_t k = 0; k < n_run && n < 64; k++)
            if (run[k]->act == info->act)
                mine[n++] = run[k];
        if (acts && n == 0)
            continue;
        filtered_selftest_result r;
        if (filtered_selftest(info->act, mine, n, samples, seed, &r) != 0)
            return cli_fail("out of memory in the self-test");
        printf("%-13s %10zu %11zu %10zu %11.4f%% %14.3g\n", info->name, r.inputs, r.verdicts,
               r.mismatches, 100.0 * (double)r.mpfr_verdicts / (double)(r.verdicts ? r.verdicts : 1),
               r.max_ulp_diff);
        if (r.mismatches) {
            fprintf(stderr, "actbench: selftest %s: x = %a, y = %a: filtered %.9g ULP, MPFR %.9g ULP\n",
                    info->name, r.bad_x, r.bad_y, r.bad_filtered, r.bad_mpfr);
            failed = 1;
        }
    }
    if (stop_requested) {
        fprintf(stderr, "actbench: interrupted\n");
        return EXIT_INTERRUPTED;
    }
    printf("selftest: %s\n", failed ? "FAILED" : "passed");
    return failed ? EXIT_CHECK_FAILED : EXIT_OK;
}

/* Prints the kernels over their bounds; returns how many. */
static size_t report_over_bound(const accuracy_results *results)
{
    size_t over = 0;
    for (size_t i = 0; i < results->n_records; i++)
        if (!accuracy_within_bound(&results->records[i])) {
            const accuracy_record *r = &results->records[i];
            char u[32];
            fprintf(stderr, "actbench: %s/%s exceeds its bound in domain %s: max %s ULP at x = %a "
                            "(got %a, want %a), %zu special failures\n",
                    actbench_activation(r->kernel->act)->name, r->kernel->variant,
                    accuracy_domain_name(r->domain), format_ulp(r->max_ulp, u, sizeof u), r->worst_x,
                    r->worst_y, r->worst_expected, r->special_failures);
            over++;
        }
    return over;
}

/* --exhaustive: the run, then the reports or (--shard) the partial result. */
static int run_exhaustive(const actbench_kernel **run, size_t n_run, const actbench_kernel **skip,
                          size_t n_skip, const exhaustive_config *ecfg, int sharded,
                          const accuracy_config *cfg, const char *out_dir)
{
    catch_stop_signals();
    exhaustive_run er;
    int rc = exhaustive_run_kernels(ecfg, run, n_run, &er);
    if (rc == 1 || stop_requested) {
        if (rc == 0)
            exhaustive_run_free(&er);
        fprintf(stderr, "actbench: interrupted; nothing written, earlier reports in %s untouched\n",
                out_dir);
        return EXIT_INTERRUPTED;
    }
    if (rc != 0)
        return cli_fail("out of memory during the exhaustive run");
    if (sharded) {
        char name[96];
        snprintf(name, sizeof name, "accuracy.partial.%u-of-%u.txt", ecfg->shard + 1, ecfg->shards);
        output_file o;
        rc = EXIT_OK;
        if (output_open(&o, out_dir, name) != 0)
            rc = cli_fail("cannot write to '%s'", out_dir);
        else if (exhaustive_write_partial(o.f, &er) != 0 || output_commit(&o) != 0)
            rc = cli_fail("cannot save %s/%s", out_dir, name);
        if (rc == EXIT_OK)
            printf("accuracy: shard %u of %u, %zu records in %.1f s -> %s/%s\n", ecfg->shard + 1,
                   ecfg->shards, er.n_accs, er.seconds, out_dir, name);
        exhaustive_run_free(&er);
        return rc;
    }
    accuracy_results results;
    if (exhaustive_results(&er, &results) != 0) {
        exhaustive_run_free(&er);
        return cli_fail("out of memory");
    }
    exhaustive_run_free(&er);
    run_context ctx;
    run_context_collect(&ctx);
    char err[512];
    rc = EXIT_OK;
    if (write_accuracy_reports(out_dir, &results, cfg, &ctx, skip, n_skip, err, sizeof err) != 0)
        rc = cli_fail("%s", err);
    if (rc == EXIT_OK) {
        for (size_t i = 0; i < results.n_records; i++) {
            const accuracy_record *r = &results.records[i];
            char u[32];
            printf("%s/%s %s: %zu inputs, max %s ULP at %a, %.4f%% correctly rounded, %zu to MPFR\n",
                   actbench_activation(r->kernel->act)->name, r->kernel->variant,
                   accuracy_domain_name(r->domain), r->count, format_ulp(r->max_ulp, u, sizeof u),
                   r->worst_x, 100.0 * (double)r->correctly_rounded / (double)(r->count ? r->count : 1),
                   r->mpfr_calls);
        }
        printf("accuracy: exhaustive, %zu kernels in %.1f s -> %s/accuracy.csv, accuracy.md, "
               "accuracy_binades.csv\n", n_run, results.seconds, out_dir);
        if (report_over_bound(&results))
            rc = EXIT_CHECK_FAILED;
    }
    accuracy_results_free(&results);
    return rc;
}

/* Parses "I/N" (1 <= I <= N <= 65536). */
static int parse_shard(const char *s, unsigned *shard, unsigned *shards)
{
    unsigned i, n;
    char tail;
    if (!s || sscanf(s, "%u/%u%c", &i, &n, &tail) != 2 || i < 1 || n < 1 || i > n || n > 65536)
        return -1;
    *shard = i - 1;
    *shards = n;
    return 0;
}

int cmd_accuracy(int argc, char **argv)
{
    /* contenders (issue 7): --inputs/--outputs/--write-inputs score outputs
     * computed elsewhere (cli/cmd_accuracy_external.c). */
    if (accuracy_external_requested(argc, argv))
        return cmd_accuracy_external(argc, argv);
    selection_options sel = {NULL, NULL, NULL, "results"};
    const char *v;
    int rc = EXIT_OK;
    accuracy_config cfg = {ACCURACY_DEFAULT_SAMPLES, ACCURACY_DEFAULT_SEED};
    int exhaustive = 0, selftest = 0, sharded = 0, samples_given = 0;
    exhaustive_config ecfg = {0, 1, 0, &stop_requested, EXHAUSTIVE_ROW_ELEMENTS, ACCURACY_DEFAULT_SEED, 1};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            help();
            return EXIT_OK;
        } else if (strcmp(argv[i], "--exhaustive") == 0) {
            exhaustive = 1;
        } else if (strcmp(argv[i], "--selftest") == 0) {
            selftest = 1;
        } else if (strcmp(argv[i], "--progress") == 0) {
            ecfg.progress = 1;
        } else if (cli_option(argc, argv, &i, "--stride", &v)) {
            size_t stride;
            if (parse_count(v, &stride) != 0 || stride == 0 || stride > EXHAUSTIVE_BLOCKS)
                return cli_fail("--stride: '%s' is not a count from 1 to %u", v ? v : "", EXHAUSTIVE_BLOCKS);
            ecfg.block_stride = (unsigned)stride;
        } else if (cli_option(argc, argv, &i, "--shard", &v)) {
            if (parse_shard(v, &ecfg.shard, &ecfg.shards) != 0)
                return cli_fail("--shard: '%s' is not I/N with 1 <= I <= N <= 65536", v ? v : "");
            sharded = 1;
        } else if (selection_option(argc, argv, &i, &sel, &rc)) {
            if (rc)
                return rc;
        } else if (cli_option(argc, argv, &i, "--samples", &v)) {
            if (parse_count(v, &cfg.samples) != 0 || cfg.samples == 0 || cfg.samples > (1u << 30))
                return cli_fail("--samples: '%s' is not a count from 1 to 1G", v ? v : "");
            samples_given = 1;
        } else if (cli_option(argc, argv, &i, "--seed", &v)) {
            size_t seed;
            if (parse_count(v, &seed) != 0)
                return cli_fail("--seed: '%s' is not a non-negative integer", v ? v : "");
            cfg.seed = seed;
        } else {
            return cli_fail("accuracy: unexpected argument '%s' (see 'actbench accuracy --help')",
                            argv[i]);
        }
    }
    if (exhaustive && selftest)
        return cli_fail("--exhaustive and --selftest are separate runs: choose one");
    if ((sharded || ecfg.block_stride > 1) && !exhaustive)
        return cli_fail("--shard and --stride need --exhaustive");
    ecfg.seed = cfg.seed;
    if (samples_given)
        ecfg.row_elements = cfg.samples;
    rc = apply_isa_cap(sel.isa);
    if (rc)
        return rc;
    /* Fail on an unwritable directory now, not after the sweep. */
    if (make_directories(sel.out_dir) != 0)
        return cli_fail("cannot create output directory '%s'", sel.out_dir);

    size_t nk;
    actbench_kernels(&nk);
    const actbench_kernel **run = calloc(nk, sizeof *run), **skip = calloc(nk, sizeof *skip);
    size_t n_run, n_skip;
    if (!run || !skip) {
        free(run);
        free(skip);
        return cli_fail("out of memory");
    }
    rc = select_kernels(sel.acts, sel.variants, run, &n_run, skip, &n_skip);
    if (rc == EXIT_OK && n_run == 0)
        rc = cli_fail("none of the chosen kernels runs on this CPU (max ISA %s)",
                      actbench_isa_name(actbench_max_isa()));

    if (rc == EXIT_OK && selftest) {
        rc = run_selftest(run, n_run, sel.acts, samples_given ? cfg.samples : 1000000, cfg.seed);
        free(run);
        free(skip);
        return rc;
    }
    if (rc == EXIT_OK && exhaustive) {
        rc = run_exhaustive(run, n_run, skip, n_skip, &ecfg, sharded, &cfg, sel.out_dir);
        free(run);
        free(skip);
        return rc;
    }

    accuracy_results results = {0};
    if (rc == EXIT_OK && accuracy_run(&cfg, run, n_run, &results) != 0)
        rc = cli_fail("out of memory during the sweep");
    if (rc == EXIT_OK) {
        run_context ctx;
        run_context_collect(&ctx);
        char err[512];
        if (write_accuracy_reports(sel.out_dir, &results, &cfg, &ctx, skip, n_skip, err, sizeof err) != 0)
            rc = cli_fail("%s", err);
    }
    if (rc == EXIT_OK) {
        size_t over = report_over_bound(&results);
        printf("accuracy: %zu kernels, %zu records in %.1f s -> %s/accuracy.csv, %s/accuracy.md, accuracy_binades.csv\n",
               n_run, results.n_records, results.seconds, sel.out_dir, sel.out_dir);
        if (over)
            rc = EXIT_CHECK_FAILED;
    }
    accuracy_results_free(&results);
    free(run);
    free(skip);
    return rc;
}
