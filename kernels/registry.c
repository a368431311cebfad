/* The kernel table: expands include/actbench_kernels.def. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actbench.h"

static const actbench_kernel kernels[] = {
#define ACTBENCH_KERNEL(ACT, act, sym, variant, isa, tier, algorithm, bound)    \
    {ACTBENCH_##ACT, variant, ACTBENCH_ISA_##isa, ACTBENCH_TIER_##tier,         \
     algorithm, bound, actbench_##act##_##sym, "actbench_" #act "_" #sym},
#include "actbench_kernels.def"
#undef ACTBENCH_KERNEL
};

/* contenders (issue 7): once a kernel is registered, the table is a heap
 * copy of the built-in one followed by the registered kernels, so callers
 * still see one array. */
static actbench_kernel *table_grown;
static size_t table_grown_count;

const actbench_kernel *actbench_kernels(size_t *count)
{
    if (table_grown) {
        *count = table_grown_count;
        return table_grown;
    }
    *count = sizeof kernels / sizeof kernels[0];
    return kernels;
}

const actbench_kernel *actbench_find_kernel(const char *act, const char *variant)
{
    const actbench_activation_info *info = actbench_activation_by_name(act);
    if (!info)
        return NULL;
    size_t n;
    const actbench_kernel *k = actbench_kernels(&n);
    for (size_t i = 0; i < n; i++)
        if (k[i].act == info->act && strcmp(k[i].variant, variant) == 0)
            return &k[i];
    return NULL;
}

int actbench_register_kernels(const actbench_kernel *extra, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const actbench_activation_info *info = actbench_activation(extra[i].act);
        if (!extra[i].fn || !extra[i].variant || !info ||
            actbench_find_kernel(info->name, extra[i].variant))
            return -1;
        for (size_t j = 0; j < i; j++)
            if (extra[j].act == extra[i].act && strcmp(extra[j].variant, extra[i].variant) == 0)
                return -1;
    }
    size_t old;
    const actbench_kernel *cur = actbench_kernels(&old);
    actbench_kernel *t = malloc((old + n + 1) * sizeof *t);
    if (!t)
        return -1;
    memcpy(t, cur, old * sizeof *t);
    memcpy(t + old, extra, n * sizeof *t);
    free(table_grown);
    table_grown = t;
    table_grown_count = old + n;
    return 0;
}

const char *actbench_tier_name(actbench_tier tier)
{
    switch (tier) {
    case ACTBENCH_TIER_REFERENCE: return "reference";
    case ACTBENCH_TIER_ACCURATE: return "accurate";
    case ACTBENCH_TIER_FAST: return "fast";
    case ACTBENCH_TIER_EXACT: return "exact";
    case ACTBENCH_TIER_CONTENDER: return "contender";
    }
    return "?";
}
