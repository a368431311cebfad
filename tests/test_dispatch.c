/* Runtime dispatch: the ISA cap from ACTBENCH_MAX_ISA (set by CTest for each
 * run of this test) is obeyed, and no kernel above the CPU's ISA is offered. */
#include <stdlib.h>
#include <string.h>

#include "actbench.h"
#include "check.h"

int main(void)
{
    const char *cap = getenv("ACTBENCH_MAX_ISA");
    actbench_isa max = actbench_max_isa();
    CHECK(actbench_cpu_supports(ACTBENCH_ISA_SCALAR), "scalar always runs");
    CHECK(actbench_cpu_supports(max), "max ISA %s is one the CPU supports", actbench_isa_name(max));
    if (cap && *cap) {
        int want = actbench_isa_from_name(cap);
        CHECK(want >= 0, "test set a valid cap '%s'", cap);
        CHECK((int)max <= want, "cap %s obeyed: max is %s", cap, actbench_isa_name(max));
    }
    size_t n;
    const actbench_kernel *k = actbench_kernels(&n);
    size_t runs = 0;
    for (size_t i = 0; i < n; i++) {
        CHECK(actbench_kernel_runs(&k[i]) == (k[i].isa <= max), "%s runs iff its ISA <= max", k[i].symbol);
        if (actbench_kernel_runs(&k[i]))
            CHECK(actbench_cpu_supports(k[i].isa), "%s offered without CPU support", k[i].symbol);
        runs += actbench_kernel_runs(&k[i]);
        CHECK(actbench_find_kernel(actbench_activation(k[i].act)->name, k[i].variant) == &k[i],
              "find_kernel finds %s", k[i].symbol);
    }
    CHECK(runs > 0, "some kernel runs");
    /* Setting the cap by name; unknown names refused. */
    CHECK(actbench_set_max_isa("nonsense") == -1, "unknown ISA refused");
    CHECK(actbench_set_max_isa("scalar") == 0 && actbench_max_isa() == ACTBENCH_ISA_SCALAR, "cap to scalar");
    CHECK(actbench_activation_by_name("silu") == actbench_activation(ACTBENCH_SWISH), "silu is swish");
    CHECK(actbench_find_kernel("nonsense", "libm") == NULL, "unknown activation");
    return check_summary("test_dispatch");
}
