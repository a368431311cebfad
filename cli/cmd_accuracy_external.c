/* contenders (issue 7): actbench accuracy --inputs X --outputs Y --act A
 * scores outputs computed anywhere; --write-inputs X writes the standard
 * input set to compute them on.  Reached from cmd_accuracy through a hook. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "external_outputs.h"
#include "reports.h"

static void help(void)
{
    printf("usage: actbench accuracy --write-inputs X.f32 [--act A] [--samples N] [--seed S]\n"
           "       actbench accuracy --inputs X.f32 --outputs Y.f32 --act A [--label NAME]\n"
           "                         [--bound ULP]\n\n"
           "Bring your own outputs: scores outputs computed anywhere (another framework, a\n"
           "library that cannot be linked) against GNU MPFR, with the same ULP metric.\n"
           "Files are raw little-endian float32, Y[i] = A(X[i]) with TF's defaults; equal lengths.\n"
           "--write-inputs writes the sweep's standard elementwise input set: N inputs over the\n"
           "whole float range, N in [-10, 10], then the special values (default N %d, the\n"
           "sweep's seeds). Elementwise activations only. --bound: exit 1 if max ULP exceeds it.\n"
           "scripts/score_framework.py does this for PyTorch and TensorFlow.\n",
           ACCURACY_DEFAULT_SAMPLES);
}

int accuracy_external_requested(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strncmp(argv[i], "--inputs", 8) == 0 || strncmp(argv[i], "--outputs", 9) == 0 ||
            strncmp(argv[i], "--write-inputs", 14) == 0)
            return 1;
    return 0;
}

int cmd_accuracy_external(int argc, char **argv)
{
    const char *inputs = NULL, *outputs = NULL, *write_to = NULL, *act = NULL, *label = NULL, *v;
    double bound = INFINITY;
    accuracy_config cfg = {ACCURACY_DEFAULT_SAMPLES, ACCURACY_DEFAULT_SEED};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            help();
            return EXIT_OK;
        } else if (cli_option(argc, argv, &i, "--inputs", &v)) {
            if (!(inputs = v) || !*v)
                return cli_fail("--inputs needs a file");
        } else if (cli_option(argc, argv, &i, "--outputs", &v)) {
            if (!(outputs = v) || !*v)
                return cli_fail("--outputs needs a file");
        } else if (cli_option(argc, argv, &i, "--write-inputs", &v)) {
            if (!(write_to = v) || !*v)
                return cli_fail("--write-inputs needs a file");
        } else if (cli_option(argc, argv, &i, "--act", &v)) {
            if (!(act = v))
                return cli_fail("--act needs an activation");
        } else if (cli_option(argc, argv, &i, "--label", &v)) {
            if (!(label = v) || !*v)
                return cli_fail("--label needs a name");
        } else if (cli_option(argc, argv, &i, "--bound", &v)) {
            char *end = NULL;
            bound = v ? strtod(v, &end) : NAN;
            if (!v || !*v || *end || !(bound >= 0))
                return cli_fail("--bound: '%s' is not a number of ULP >= 0", v ? v : "");
        } else if (cli_option(argc, argv, &i, "--samples", &v)) {
            if (parse_count(v, &cfg.samples) != 0 || cfg.samples == 0 || cfg.samples > (1u << 28))
                return cli_fail("--samples: '%s' is not a count from 1 to 256M", v ? v : "");
        } else if (cli_option(argc, argv, &i, "--seed", &v)) {
            size_t seed;
            if (parse_count(v, &seed) != 0)
                return cli_fail("--seed: '%s' is not a non-negative integer", v ? v : "");
            cfg.seed = seed;
        } else {
            return cli_fail("accuracy: '%s' does not go with --inputs/--outputs/--write-inputs "
                            "(see 'actbench accuracy --inputs --help')", argv[i]);
        }
    }
    const actbench_activation_info *info = act ? actbench_activation_by_name(act) : NULL;
    if (act && !info)
        return cli_fail("unknown activation '%s' (see 'actbench list')", act);
    if (info && info->rowwise)
        return cli_fail("%s is row-wise: --inputs/--outputs/--write-inputs take elementwise "
                        "activations only", info->name);
    char err[4300];

    if (write_to) {
        if (inputs || outputs)
            return cli_fail("--write-inputs goes alone, not with --inputs/--outputs");
        float *x;
        size_t n = external_standard_inputs(&cfg, &x);
        int rc = n && f32_file_write(write_to, x, n, err, sizeof err) == 0 ? EXIT_OK
                 : n ? cli_fail("%s", err) : cli_fail("out of memory");
        if (rc == EXIT_OK)
            printf("wrote %zu inputs (%zu full range, %zu typical, %zu special) to %s\n", n,
                   cfg.samples, cfg.samples, n - 2 * cfg.samples, write_to);
        free(x);
        return rc;
    }
    if (!inputs || !outputs)
        return cli_fail("give both --inputs and --outputs (or --write-inputs)");
    if (!info)
        return cli_fail("--outputs needs --act: which activation the outputs are");

    float *x = NULL, *y = NULL;
    size_t nx = 0, ny = 0;
    int rc = EXIT_OK;
    if (f32_file_read(inputs, &x, &nx, err, sizeof err) != 0 ||
        f32_file_read(outputs, &y, &ny, err, sizeof err) != 0)
        rc = cli_fail("%s", err);
    else if (nx != ny)
        rc = cli_fail("'%s' holds %zu floats but '%s' holds %zu: they must match one to one",
                      inputs, nx, outputs, ny);
    if (rc == EXIT_OK) {
        external_score s;
        external_score_outputs(info->act, x, y, nx, &s);
        char m[32], a[32];
        printf("activation,label,count,max_ulp,mean_ulp,correctly_rounded,nonfinite_errors,"
               "worst_input,worst_output,worst_expected\n");
        printf("%s,%s,%zu,%s,%s,%zu,%zu,%.9g,%.9g,%.9g\n", info->name, label ? label : "external",
               s.count, format_ulp(s.max_ulp, m, sizeof m), format_ulp(s.mean_ulp, a, sizeof a),
               s.correctly_rounded, s.nonfinite_errors, s.worst_x, s.worst_y, s.worst_expected);
        if (isnan(s.max_ulp))
            rc = cli_fail("out of memory while scoring");
        else if (s.max_ulp > bound)
            rc = EXIT_CHECK_FAILED;
    }
    free(x);
    free(y);
    return rc;
}
