/* Declared bounds hold: every kernel this CPU runs, on a large fixed sample
 * over the whole float range, the typical range and the special values,
 * measured against MPFR, stays within the max ULP error it declares in
 * include/actbench_kernels.def; and each tier's promise is what the tier
 * means.  Sample size: ACTBENCH_TEST_SAMPLES (default 200000 per domain). */
#include <math.h>
#include <stdlib.h>

#include "accuracy.h"
#include "check.h"
#include "reports.h"

/* The most a tier may declare. */
static double tier_limit(const actbench_kernel *k)
{
    int rowwise = actbench_activation(k->act)->rowwise;
    switch (k->tier) {
    case ACTBENCH_TIER_ACCURATE: return rowwise ? 2.0 : 1.0;
    case ACTBENCH_TIER_FAST: return rowwise ? INFINITY : 4.0;
    case ACTBENCH_TIER_EXACT: return 1.0;
    default: return INFINITY;
    }
}

int main(void)
{
    accuracy_config cfg = {200000, ACCURACY_DEFAULT_SEED};
    const char *env = getenv("ACTBENCH_TEST_SAMPLES");
    if (env && atol(env) > 0)
        cfg.samples = (size_t)atol(env);

    size_t n, runnable = 0;
    const actbench_kernel *all = actbench_kernels(&n);
    const actbench_kernel **run = malloc(n * sizeof *run);
    for (size_t i = 0; i < n; i++) {
        CHECK(all[i].ulp_bound <= tier_limit(&all[i]), "%s declares %g ULP, over its tier's %g",
              all[i].symbol, all[i].ulp_bound, tier_limit(&all[i]));
        if (actbench_kernel_runs(&all[i]))
            run[runnable++] = &all[i];
    }
    accuracy_results r;
    CHECK(accuracy_run(&cfg, run, runnable, &r) == 0, "sweep ran");
    for (size_t i = 0; i < r.n_records; i++) {
        const accuracy_record *a = &r.records[i];
        char u[32];
        CHECK(accuracy_within_bound(a), "%s (%s): max %s ULP at x = %a (got %a, want %a), bound %g, %zu special failures",
              a->kernel->symbol, accuracy_domain_name(a->domain), format_ulp(a->max_ulp, u, sizeof u),
              a->worst_x, a->worst_y, a->worst_expected, a->kernel->ulp_bound, a->special_failures);
        CHECK(a->count > 0, "%s scored outputs", a->kernel->symbol);
    }
    for (size_t i = 0; i < r.n_specials; i++) {
        const special_record *s = &r.specials[i];
        if (s->kernel->tier != ACTBENCH_TIER_REFERENCE)
            CHECK(s->pass, "%s special x = %a: got %a, want %a", s->kernel->symbol, s->x, s->y, s->expected);
    }
    printf("%zu kernels, %zu records, %zu samples per domain, %.1f s\n", runnable, r.n_records,
           cfg.samples, r.seconds);
    accuracy_results_free(&r);
    free(run);
    return check_summary("test_accuracy_bounds");
}
