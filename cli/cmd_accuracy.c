/* actbench accuracy: the accuracy sweep, written as accuracy.csv/.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "cli.h"
#include "reports.h"

static void help(void)
{
    printf("usage: actbench accuracy [--act LIST] [--variant LIST] [--samples N] [--seed S]\n"
           "                         [--out DIR] [--max-isa ISA]\n\n"
           "Runs every chosen kernel this CPU runs on N inputs per activation over the whole float\n"
           "range and N over [-10, 10], plus the special values, scores each output in ULPs against\n"
           "GNU MPFR, and writes DIR/accuracy.csv and DIR/accuracy.md (default DIR: results).\n"
           "LIST is comma-separated (e.g. --act sigmoid,gelu --variant libm,libm-careful).\n"
           "N takes K/M suffixes (default %d). Exit code 1 if a kernel exceeds its declared bound.\n",
           ACCURACY_DEFAULT_SAMPLES);
}

int cmd_accuracy(int argc, char **argv)
{
    const char *acts = NULL, *variants = NULL, *isa = NULL, *out_dir = "results", *v;
    accuracy_config cfg = {ACCURACY_DEFAULT_SAMPLES, ACCURACY_DEFAULT_SEED};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            help();
            return EXIT_OK;
        } else if (cli_option(argc, argv, &i, "--act", &v)) {
            if (!(acts = v))
                return cli_fail("--act needs a list of activations");
        } else if (cli_option(argc, argv, &i, "--variant", &v)) {
            if (!(variants = v))
                return cli_fail("--variant needs a list of variants");
        } else if (cli_option(argc, argv, &i, "--max-isa", &v)) {
            if (!(isa = v))
                return cli_fail("--max-isa needs scalar, avx2 or avx512");
        } else if (cli_option(argc, argv, &i, "--out", &v)) {
            if (!(out_dir = v) || !*v)
                return cli_fail("--out needs a directory");
        } else if (cli_option(argc, argv, &i, "--samples", &v)) {
            if (parse_count(v, &cfg.samples) != 0 || cfg.samples == 0 || cfg.samples > (1u << 30))
                return cli_fail("--samples: '%s' is not a count from 1 to 1G", v ? v : "");
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
    int rc = apply_isa_cap(isa);
    if (rc)
        return rc;
    /* Fail on an unwritable directory now, not after the sweep. */
    if (make_directories(out_dir) != 0)
        return cli_fail("cannot create output directory '%s'", out_dir);

    size_t nk;
    actbench_kernels(&nk);
    const actbench_kernel **run = calloc(nk, sizeof *run), **skip = calloc(nk, sizeof *skip);
    size_t n_run, n_skip;
    if (!run || !skip) {
        free(run);
        free(skip);
        return cli_fail("out of memory");
    }
    rc = select_kernels(acts, variants, run, &n_run, skip, &n_skip);
    if (rc == EXIT_OK && n_run == 0)
        rc = cli_fail("none of the chosen kernels runs on this CPU (max ISA %s)",
                      actbench_isa_name(actbench_max_isa()));

    accuracy_results results = {0};
    if (rc == EXIT_OK && accuracy_run(&cfg, run, n_run, &results) != 0)
        rc = cli_fail("out of memory during the sweep");
    if (rc == EXIT_OK) {
        run_context ctx;
        run_context_collect(&ctx);
        char err[512];
        if (write_accuracy_reports(out_dir, &results, &cfg, &ctx, skip, n_skip, err, sizeof err) != 0)
            rc = cli_fail("%s", err);
    }
    if (rc == EXIT_OK) {
        size_t over = 0;
        for (size_t i = 0; i < results.n_records; i++)
            if (!accuracy_within_bound(&results.records[i])) {
                const accuracy_record *r = &results.records[i];
                char u[32];
                fprintf(stderr, "actbench: %s/%s exceeds its bound in domain %s: max %s ULP, %zu special failures\n",
                        actbench_activation(r->kernel->act)->name, r->kernel->variant,
                        accuracy_domain_name(r->domain), format_ulp(r->max_ulp, u, sizeof u),
                        r->special_failures);
                over++;
            }
        printf("accuracy: %zu kernels, %zu records in %.1f s -> %s/accuracy.csv, %s/accuracy.md\n",
               n_run, results.n_records, results.seconds, out_dir, out_dir);
        if (over)
            rc = EXIT_CHECK_FAILED;
    }
    accuracy_results_free(&results);
    free(run);
    free(skip);
    return rc;
}
