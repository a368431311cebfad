/* contenders (issue 7): the registration extension point, and every
 * contender this build found: right mapping (close to the exact value on
 * [-2, 2]), n = 0..67 without writing past n, in place equal to out of
 * place, and MXCSR (XNNPACK's FTZ/DAZ) never leaking out of a call.
 * Prints "N checks, N passed, N failed". */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xmmintrin.h>

#include "actbench.h"
#include "contenders.h"
#include "reference.h"

static int checks, failed;
#define CHECK(cond, ...)                                         \
    do {                                                         \
        checks++;                                                \
        if (!(cond)) {                                           \
            failed++;                                            \
            if (failed <= 30) {                                  \
                printf("FAIL %s:%d: ", __FILE__, __LINE__);      \
                printf(__VA_ARGS__);                             \
                printf("\n");                                    \
            }                                                    \
        }                                                        \
    } while (0)

static void dummy(const float *x, float *y, size_t n, const actbench_params *p)
{
    (void)p;
    memmove(y, x, n * sizeof *x);
}

static void test_registration(void)
{
    size_t before;
    actbench_kernels(&before);
    actbench_kernel k = {ACTBENCH_RELU, "test-dummy", ACTBENCH_ISA_SCALAR, ACTBENCH_TIER_CONTENDER,
                         "memmove", INFINITY, dummy, "dummy"};
    CHECK(actbench_register_kernels(&k, 1) == 0, "register one kernel");
    size_t after;
    const actbench_kernel *t = actbench_kernels(&after);
    CHECK(after == before + 1 && t[after - 1].fn == dummy, "appended at the end");
    CHECK(actbench_find_kernel("relu", "test-dummy") == &t[after - 1], "found by name");
    CHECK(actbench_find_kernel("relu", "libm") != NULL, "built-ins still found");
    CHECK(actbench_register_kernels(&k, 1) != 0, "a duplicate is refused");
    actbench_kernel bad = k;
    bad.variant = "test-nofn";
    bad.fn = NULL;
    CHECK(actbench_register_kernels(&bad, 1) != 0, "a kernel without fn is refused");
    CHECK(strcmp(actbench_tier_name(ACTBENCH_TIER_CONTENDER), "contender") == 0, "tier name");
}

static void test_kernel(const actbench_kernel *k)
{
    const actbench_activation_info *info = actbench_activation(k->act);
    actbench_params p = actbench_default_params(k->act);
    enum { N = 67, GUARD = 8 };
    float x[N], y[N + GUARD], z[N + GUARD];
    for (int i = 0; i < N; i++)
        x[i] = -2.0f + 4.0f * (float)((i * 37) % N) / (N - 1);
    /* Mapping: close to the exact value (loose: contenders promise nothing,
     * this only catches a wrong operator or parameter). */
    if (info->rowwise)
        p.row_length = 16;
    size_t n = info->rowwise ? 64 : N;
    /* MXCSR's control bits (FTZ, DAZ, rounding, masks), not its sticky flags */
    const unsigned csr = _mm_getcsr() & 0xffc0u;
    k->fn(x, y, n, &p);
    CHECK((_mm_getcsr() & 0xffc0u) == csr, "%s/%s changed MXCSR", info->name, k->variant);
    ref_value ref[N];
    if (info->rowwise)
        for (size_t r = 0; r < n; r += 16)
            ref_row(k->act, x + r, 16, ref + r);
    else
        for (size_t i = 0; i < n; i++)
            ref[i] = ref_elementwise(k->act, x[i], p.alpha);
    double worst = 0;
    for (size_t i = 0; i < n; i++) {
        double e = fabs(y[i] - ref[i].exact) / (1e-5 + 1e-4 * fabs(ref[i].exact));
        worst = e > worst || isnan(e) ? e : worst;
    }
    CHECK(worst <= 1, "%s/%s: far from the exact value on [-2, 2] (%g tolerances)", info->name,
          k->variant, worst);
    /* Every n (row-wise: whole rows of 4), nothing written past n, in place
     * the same as out of place. */
    for (size_t m = 0; m <= N; m++) {
        if (info->rowwise && m % 4)
            continue;
        p.row_length = info->rowwise ? 4 : 0;
        for (int i = 0; i < N + GUARD; i++)
            y[i] = z[i] = 12345.0f;
        k->fn(x, y, m, &p);
        memcpy(z, x, m * sizeof *x);
        k->fn(z, z, m, &p);
        int past = 0, same = 1;
        for (size_t i = m; i < N + GUARD; i++)
            past |= y[i] != 12345.0f;
        for (size_t i = 0; i < m; i++)
            same &= memcmp(&y[i], &z[i], sizeof y[i]) == 0;
        CHECK(!past, "%s/%s n=%zu wrote past n", info->name, k->variant, m);
        CHECK(same, "%s/%s n=%zu in place differs", info->name, k->variant, m);
    }
    CHECK((_mm_getcsr() & 0xffc0u) == csr, "%s/%s changed MXCSR", info->name, k->variant);
}

int main(void)
{
    test_registration();
    CHECK(contenders_register() == 0, "contenders register");
    size_t n, tested = 0;
    const actbench_kernel *t = actbench_kernels(&n);
    for (size_t i = 0; i < n; i++)
        if (t[i].tier == ACTBENCH_TIER_CONTENDER && t[i].fn != dummy && actbench_kernel_runs(&t[i])) {
            test_kernel(&t[i]);
            tested++;
        }
    contenders_describe(stdout);
    printf("%zu contender kernels tested\n", tested);
    printf("%d checks, %d passed, %d failed\n", checks, checks - failed, failed);
    return failed != 0;
}
