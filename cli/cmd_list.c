/* actbench list: the kernel table, and what this CPU runs. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "reports.h"

static void help(void)
{
    printf("usage: actbench list [--act LIST] [--max-isa ISA]\n\n"
           "Prints every activation's kernel variants: ISA, accuracy tier, declared max ULP error,\n"
           "algorithm, and whether this CPU runs it (after --max-isa / ACTBENCH_MAX_ISA).\n");
}

int cmd_list(int argc, char **argv)
{
    const char *acts = NULL, *isa = NULL, *v;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            help();
            return EXIT_OK;
        } else if (cli_option(argc, argv, &i, "--act", &v)) {
            if (!(acts = v))
                return cli_fail("--act needs a list of activations");
        } else if (cli_option(argc, argv, &i, "--max-isa", &v)) {
            if (!(isa = v))
                return cli_fail("--max-isa needs scalar, avx2 or avx512");
        } else {
            return cli_fail("list: unexpected argument '%s' (see 'actbench list --help')", argv[i]);
        }
    }
    int rc = apply_isa_cap(isa);
    if (rc)
        return rc;
    size_t n;
    actbench_kernels(&n);
    const actbench_kernel *run[n ? n : 1], *skip[n ? n : 1];
    size_t n_run, n_skip;
    if ((rc = select_kernels(acts, NULL, run, &n_run, skip, &n_skip)))
        return rc;

    printf("CPU runs up to: %s\n\n", actbench_isa_name(actbench_max_isa()));
    printf("%-13s %-28s %-7s %-9s %10s  %-4s  %s\n", "activation", "variant", "ISA", "tier",
           "bound ULP", "runs", "algorithm");
    const actbench_kernel *all = actbench_kernels(&n);
    for (size_t i = 0; i < n; i++) {
        const actbench_kernel *k = &all[i];
        int chosen = 0;
        for (size_t j = 0; j < n_run + n_skip && !chosen; j++)
            chosen = (j < n_run ? run[j] : skip[j - n_run]) == k;
        if (!chosen)
            continue;
        char bound[32];
        printf("%-13s %-28s %-7s %-9s %10s  %-4s  %s\n", actbench_activation(k->act)->name,
               k->variant, actbench_isa_name(k->isa), actbench_tier_name(k->tier),
               isinf(k->ulp_bound) ? "none" : format_ulp(k->ulp_bound, bound, sizeof bound),
               actbench_kernel_runs(k) ? "yes" : "no", k->algorithm);
    }
    return EXIT_OK;
}
