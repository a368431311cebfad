/* The kernel table: expands include/actbench_kernels.def. */
#include <math.h>
#include <string.h>

#include "actbench.h"

static const actbench_kernel kernels[] = {
#define ACTBENCH_KERNEL(ACT, act, sym, variant, isa, tier, algorithm, bound)    \
    {ACTBENCH_##ACT, variant, ACTBENCH_ISA_##isa, ACTBENCH_TIER_##tier,         \
     algorithm, bound, actbench_##act##_##sym, "actbench_" #act "_" #sym},
#include "actbench_kernels.def"
#undef ACTBENCH_KERNEL
};

const actbench_kernel *actbench_kernels(size_t *count)
{
    *count = sizeof kernels / sizeof kernels[0];
    return kernels;
}

const actbench_kernel *actbench_find_kernel(const char *act, const char *variant)
{
    const actbench_activation_info *info = actbench_activation_by_name(act);
    if (!info)
        return NULL;
    for (size_t i = 0; i < sizeof kernels / sizeof kernels[0]; i++)
        if (kernels[i].act == info->act && strcmp(kernels[i].variant, variant) == 0)
            return &kernels[i];
    return NULL;
}

const char *actbench_tier_name(actbench_tier tier)
{
    switch (tier) {
    case ACTBENCH_TIER_REFERENCE: return "reference";
    case ACTBENCH_TIER_ACCURATE: return "accurate";
    case ACTBENCH_TIER_FAST: return "fast";
    case ACTBENCH_TIER_EXACT: return "exact";
    }
    return "?";
}
