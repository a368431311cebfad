/* actbench eval: an activation of a few values, per variant, beside the
 * exact (MPFR) result: for quick checks by hand. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "reference.h"
#include "reports.h"
#include "ulp.h"

static void help(void)
{
    printf("usage: actbench eval ACTIVATION [--variant LIST] [--max-isa ISA] X...\n\n"
           "Prints the activation of the values X (decimal, hex float, inf, nan) for each chosen\n"
           "variant this CPU runs (default: all), the correctly rounded exact result, and each\n"
           "variant's max ULP error over X. Row-wise activations (softmax, log_softmax) treat X\n"
           "as one row. Example: actbench eval softmax 1 2 3 4\n");
}

int cmd_eval(int argc, char **argv)
{
    const char *act = NULL, *variants = NULL, *isa = NULL, *v;
    float *x = calloc((size_t)argc, sizeof *x);
    size_t n = 0;
    int rc = EXIT_OK;
    if (!x)
        return cli_fail("out of memory");
    for (int i = 1; i < argc && rc == EXIT_OK; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            help();
            free(x);
            return EXIT_OK;
        } else if (cli_option(argc, argv, &i, "--variant", &v)) {
            if (!(variants = v))
                rc = cli_fail("--variant needs a list of variants");
        } else if (cli_option(argc, argv, &i, "--max-isa", &v)) {
            if (!(isa = v))
                rc = cli_fail("--max-isa needs scalar, avx2 or avx512");
        } else if (!act) {
            act = argv[i];
        } else if (parse_float(argv[i], &x[n++]) != 0) {
            rc = cli_fail("eval: '%s' is not a number", argv[i]);
        }
    }
    if (rc == EXIT_OK && !act)
        rc = cli_fail("eval: which activation? (see 'actbench eval --help')");
    if (rc == EXIT_OK && n == 0)
        rc = cli_fail("eval: give at least one value");
    if (rc == EXIT_OK)
        rc = apply_isa_cap(isa);
    const actbench_activation_info *info = act ? actbench_activation_by_name(act) : NULL;
    if (rc == EXIT_OK && !info)
        rc = cli_fail("unknown activation '%s' (see 'actbench list')", act);

    size_t nk;
    actbench_kernels(&nk);
    const actbench_kernel **run = calloc(nk, sizeof *run), **skip = calloc(nk, sizeof *skip);
    ref_value *ref = calloc(n ? n : 1, sizeof *ref);
    float *y = calloc(n ? n : 1, sizeof *y);
    size_t n_run = 0, n_skip = 0;
    if (rc == EXIT_OK && (!run || !skip || !ref || !y))
        rc = cli_fail("out of memory");
    if (rc == EXIT_OK)
        rc = select_kernels(info->name, variants, run, &n_run, skip, &n_skip);
    if (rc == EXIT_OK) {
        actbench_params p = actbench_default_params(info->act);
        if (info->rowwise)
            ref_row(info->act, x, n, ref);
        else
            for (size_t i = 0; i < n; i++)
                ref[i] = ref_elementwise(info->act, x[i], p.alpha);
        printf("%-28s", "x");
        for (size_t i = 0; i < n; i++)
            printf(" %15.9g", x[i]);
        printf("\n%-28s", "exact (rounded)");
        for (size_t i = 0; i < n; i++)
            printf(" %15.9g", ref[i].rounded);
        printf("\n");
        for (size_t k = 0; k < n_run; k++) {
            run[k]->fn(x, y, n, &p);
            double worst = 0.0;
            printf("%-28s", run[k]->variant);
            for (size_t i = 0; i < n; i++) {
                printf(" %15.9g", y[i]);
                double e = ulp_error(y[i], ref[i].exact);
                worst = e > worst || isnan(e) ? e : worst;
            }
            char u[32];
            printf("   max %s ULP\n", format_ulp(worst, u, sizeof u));
        }
        for (size_t k = 0; k < n_skip; k++)
            printf("%-28s (not run: needs %s)\n", skip[k]->variant, actbench_isa_name(skip[k]->isa));
    }
    free(x);
    free(run);
    free(skip);
    free(ref);
    free(y);
    return rc;
}
