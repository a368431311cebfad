/* Runtime CPU dispatch: which ISA this process may use.
 *
 * The answer is what the CPU and the OS support (GCC's __builtin_cpu_supports
 * checks both CPUID and the XSAVE state the OS enabled), capped by
 * ACTBENCH_MAX_ISA or actbench_set_max_isa() so that every code path can be
 * tested on one machine. */
#include <stdlib.h>
#include <string.h>

#include "actbench.h"

static const char *const isa_names[ACTBENCH_ISA_COUNT] = {"scalar", "avx2", "avx512"};

/* -1 until first asked; then the cap set by the environment or the caller. */
static int isa_cap = -1;

const char *actbench_isa_name(actbench_isa isa)
{
    return (unsigned)isa < ACTBENCH_ISA_COUNT ? isa_names[isa] : "?";
}

int actbench_isa_from_name(const char *name)
{
    for (int i = 0; i < ACTBENCH_ISA_COUNT; i++)
        if (strcmp(name, isa_names[i]) == 0)
            return i;
    return -1;
}

int actbench_cpu_supports(actbench_isa isa)
{
    __builtin_cpu_init();
    switch (isa) {
    case ACTBENCH_ISA_SCALAR:
        return 1;
    case ACTBENCH_ISA_AVX2:
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case ACTBENCH_ISA_AVX512:
        return actbench_cpu_supports(ACTBENCH_ISA_AVX2) &&
               __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
               __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl");
    default:
        return 0;
    }
}

static actbench_isa cpu_best_isa(void)
{
    for (int i = ACTBENCH_ISA_COUNT - 1; i > 0; i--)
        if (actbench_cpu_supports((actbench_isa)i))
            return (actbench_isa)i;
    return ACTBENCH_ISA_SCALAR;
}

int actbench_set_max_isa(const char *name)
{
    int isa = actbench_isa_from_name(name);
    if (isa < 0)
        return -1;
    isa_cap = isa;
    return 0;
}

actbench_isa actbench_max_isa(void)
{
    if (isa_cap < 0) {
        const char *env = getenv("ACTBENCH_MAX_ISA");
        int isa = env && *env ? actbench_isa_from_name(env) : -1;
        /* An unknown value must not raise the cap: fall back to scalar. The
         * CLI checks the variable and reports a bad value as an error. */
        isa_cap = isa >= 0 ? isa : (env && *env ? ACTBENCH_ISA_SCALAR : ACTBENCH_ISA_AVX512);
    }
    actbench_isa best = cpu_best_isa();
    return (actbench_isa)isa_cap < best ? (actbench_isa)isa_cap : best;
}

int actbench_kernel_runs(const actbench_kernel *k)
{
    return k->isa <= actbench_max_isa();
}
