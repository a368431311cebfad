/* Every kernel this CPU runs: every n in 0..67 at offsets 0..3, in place and
 * out of place.  Each output must equal, bit for bit, what the kernel gives
 * for that element alone (n = 1; the row alone for row-wise kernels): a
 * kernel's result may not depend on where an element sits in the array or on
 * the tail path.  Buffers are exact-size heap blocks, so AddressSanitizer
 * catches any read or write out of bounds; guard words around a second copy
 * catch stray writes in plain builds too. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "actbench.h"
#include "check.h"

#define MAX_N 67
#define MAX_OFFSET 3
#define GUARD 16
#define CANARY 0x7fa5a5a5u /* a NaN no kernel produces */

static int same_bits(float a, float b)
{
    if (isnan(a) && isnan(b))
        return 1;
    return memcmp(&a, &b, sizeof a) == 0;
}

static uint32_t bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

/* Inputs: the special values first, then typical and full-range ones. */
static void make_inputs(float *x, size_t n)
{
    size_t k = special_inputs(x, n);
    float more[256];
    domain_inputs(DOMAIN_TYPICAL, 128, 7, more);
    domain_inputs(DOMAIN_FULL, 128, 9, more + 128);
    for (size_t i = 0; k < n; i++)
        x[k++] = more[i % 256];
}

/* Expected output of element i: the kernel on that element alone, or on its
 * row alone (row-wise kernels, rows of row_len). */
static void expected_outputs(const actbench_kernel *k, const float *x, size_t n, size_t row_len,
                             float *want)
{
    actbench_params p = actbench_default_params(k->act);
    if (!actbench_activation(k->act)->rowwise) {
        for (size_t i = 0; i < n; i++)
            k->fn(&x[i], &want[i], 1, &p);
        return;
    }
    for (size_t r = 0; r < n; r += row_len) {
        float *row = malloc(row_len * sizeof *row);
        memcpy(row, x + r, row_len * sizeof *row);
        p.row_length = 0; /* the whole (one-row) array */
        k->fn(row, want + r, row_len, &p);
        free(row);
    }
}

static void check_kernel(const actbench_kernel *k, const float *inputs)
{
    const int rowwise = actbench_activation(k->act)->rowwise;
    const char *name = actbench_activation(k->act)->name;
    float want[MAX_N];
    int failures_before = check_failures;
    for (size_t n = 0; n <= MAX_N; n++) {
        /* Row-wise: rows of 1, of 3 when n is a multiple of 3, and n itself. */
        size_t row_lens[3] = {1, n % 3 == 0 && n ? 3 : 1, n ? n : 1};
        for (int rl = 0; rl < (rowwise ? 3 : 1); rl++) {
            size_t row_len = rowwise ? row_lens[rl] : 0;
            actbench_params p = actbench_default_params(k->act);
            p.row_length = row_len;
            expected_outputs(k, inputs, n, row_len ? row_len : 1, want);
            for (size_t off = 0; off <= MAX_OFFSET; off++) {
                /* out of place, exact-size blocks (x is const: check it stays) */
                float *xb = malloc((off + n) * sizeof *xb + 1), *yb = malloc((off + n) * sizeof *yb + 1);
                float *x = xb + off, *y = yb + off;
                memcpy(x, inputs, n * sizeof *x);
                k->fn(x, y, n, &p);
                for (size_t i = 0; i < n; i++) {
                    CHECK(same_bits(y[i], want[i]), "%s/%s n=%zu off=%zu row=%zu: y[%zu] = %a, alone %a (x = %a)",
                          name, k->variant, n, off, row_len, i, y[i], want[i], x[i]);
                    CHECK(same_bits(x[i], inputs[i]), "%s/%s wrote to its input", name, k->variant);
                }
                /* in place */
                memcpy(y, inputs, n * sizeof *y);
                k->fn(y, y, n, &p);
                for (size_t i = 0; i < n; i++)
                    CHECK(same_bits(y[i], want[i]), "%s/%s in place n=%zu off=%zu: y[%zu] = %a, want %a",
                          name, k->variant, n, off, i, y[i], want[i]);
                free(xb);
                free(yb);
                /* guarded: no write outside y[0..n) */
                float guarded[GUARD + MAX_OFFSET + MAX_N + GUARD];
                for (size_t i = 0; i < sizeof guarded / sizeof guarded[0]; i++)
                    memcpy(&guarded[i], &(uint32_t){CANARY}, sizeof(float));
                k->fn(inputs, guarded + GUARD + off, n, &p);
                for (size_t i = 0; i < sizeof guarded / sizeof guarded[0]; i++) {
                    int inside = i >= GUARD + off && i < GUARD + off + n;
                    if (!inside)
                        CHECK(bits(guarded[i]) == CANARY, "%s/%s n=%zu off=%zu wrote outside y at %zd",
                              name, k->variant, n, off, (ptrdiff_t)i - (ptrdiff_t)(GUARD + off));
                }
            }
        }
        if (check_failures - failures_before > 20)
            return; /* enough said about this kernel */
    }
}

int main(void)
{
    float inputs[MAX_N];
    make_inputs(inputs, MAX_N);
    size_t n;
    const actbench_kernel *k = actbench_kernels(&n);
    size_t tested = 0;
    for (size_t i = 0; i < n; i++) {
        if (!actbench_kernel_runs(&k[i]))
            continue;
        check_kernel(&k[i], inputs);
        tested++;
    }
    printf("tested %zu of %zu kernels (max ISA %s)\n", tested, n, actbench_isa_name(actbench_max_isa()));
    CHECK(tested > 0, "no kernel ran");
    return check_summary("test_kernels");
}
