/* The threading layer: actbench_parallel must give bit-identical results to
 * one call of the kernel for every n and thread count, touch nothing outside
 * y[0..n), and cut blocks on cache lines (elementwise) or whole rows. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench.h"

static size_t checks, failures;

static void check(int ok, const char *what, const actbench_kernel *k, size_t n, int threads,
                  size_t row_length)
{
    checks++;
    if (ok)
        return;
    if (++failures <= 20)
        fprintf(stderr, "FAIL %s: %s/%s n=%zu threads=%d row_length=%zu\n", what,
                actbench_activation(k->act)->name, k->variant, n, threads, row_length);
}

enum { MAX_N = 300, GUARD = 16, LARGE_N = 100003 };

/* Inputs with everything kernels branch on: both signs, tiny, huge, zero. */
static float input(size_t i)
{
    static const float special[] = {0.0f, -0.0f, 1e-30f, -1e-30f, 100.0f, -100.0f, 88.8f, -104.0f};
    uint32_t h = (uint32_t)(i * 2654435761u);
    if (h % 13 == 0)
        return special[(h >> 8) % 8];
    return ((float)(h >> 8) / 16777216.0f - 0.5f) * 24.0f;
}

/* Runs k on x[0..n) single-threaded and through actbench_parallel, into
 * buffers guarded on both sides by a sentinel, and compares bits. */
static void compare(const actbench_kernel *k, const float *x, float *y1, float *y2, size_t n,
                    int threads, size_t row_length)
{
    actbench_params p = actbench_default_params(k->act);
    p.row_length = row_length;
    for (size_t i = 0; i < n + 2 * GUARD; i++)
        y1[i] = y2[i] = -7.25f;
    k->fn(x, y1 + GUARD, n, &p);
    actbench_parallel(k, x, y2 + GUARD, n, &p, threads);
    check(memcmp(y1, y2, (n + 2 * GUARD) * sizeof *y1) == 0, "bits differ from one thread", k, n,
          threads, row_length);
}

/* The blocks tile [0, n) (all rows, for row-wise) in order, and inner
 * boundaries are on 64-byte lines of y or row boundaries. */
static void check_blocks(const actbench_kernel *k, const float *y, size_t n, int threads,
                         size_t row_length)
{
    actbench_params p = actbench_default_params(k->act);
    p.row_length = row_length;
    int rowwise = actbench_activation(k->act)->rowwise;
    size_t len = row_length ? row_length : n, covered_end = 0;
    if (n == 0)
        return;
    int ok = 1;
    for (int t = 0; t < threads; t++) {
        size_t b, e;
        actbench_parallel_block(k, y, n, &p, t, threads, &b, &e);
        if (b != covered_end || e < b)
            ok = 0;
        if (b > 0 && b < n && !rowwise && (uintptr_t)(y + b) % 64 != 0)
            ok = 0;
        if (rowwise && len && (b % len || (e % len && e != n)))
            ok = 0;
        covered_end = e;
    }
    check(ok && covered_end == n, "blocks do not tile [0, n)", k, n, threads, row_length);
}

int main(void)
{
    size_t nk;
    const actbench_kernel *kernels = actbench_kernels(&nk);
    /* aligned_alloc wants a size that is a multiple of the alignment (C11). */
    const size_t x_bytes = ((LARGE_N + 64) * sizeof(float) + 63) / 64 * 64;
    const size_t y_bytes = ((LARGE_N + 2 * GUARD + 64) * sizeof(float) + 63) / 64 * 64;
    float *x = aligned_alloc(64, x_bytes);
    float *y1 = aligned_alloc(64, y_bytes);
    float *y2 = aligned_alloc(64, y_bytes);
    if (!x || !y1 || !y2)
        return 2;
    for (size_t i = 0; i < LARGE_N + 64; i++)
        x[i] = input(i);
    actbench_set_parallel_threshold(0); /* split even the tiniest arrays */

    size_t ran = 0;
    for (size_t i = 0; i < nk; i++) {
        const actbench_kernel *k = &kernels[i];
        if (!actbench_kernel_runs(k))
            continue;
        ran++;
        int rowwise = actbench_activation(k->act)->rowwise;
        for (size_t n = 0; n <= MAX_N; n++)
            for (int t = 1; t <= 4; t++) {
                if (!rowwise) {
                    /* y at every float offset within a cache line's first
                     * few: the head before the first line boundary moves. */
                    compare(k, x, y1, y2, n, t, 0);
                    compare(k, x + 3, y1 + 5, y2 + 5, n, t, 0);
                    check_blocks(k, y2 + GUARD + 5, n, t, 0);
                    continue;
                }
                static const size_t lens[] = {0, 1, 3, 16, 17, 64};
                for (size_t l = 0; l < sizeof lens / sizeof lens[0]; l++) {
                    if (lens[l] && n % lens[l])
                        continue; /* a partial last row: tested below */
                    compare(k, x, y1, y2, n, t, lens[l]);
                    check_blocks(k, y2 + GUARD, n, t, lens[l]);
                }
                if (n >= 10)
                    compare(k, x, y1, y2, n, t, 7); /* n % 7 may leave a partial row */
            }
        /* A large array: many lines per thread, and an odd tail. */
        for (int t = 2; t <= 4; t++)
            compare(k, x, y1, y2, rowwise ? 100000 : LARGE_N, t, rowwise ? 1000 : 0);
    }

    /* Below the threshold, and with threads <= 0 (OpenMP's default). */
    actbench_set_parallel_threshold(ACTBENCH_PARALLEL_THRESHOLD_DEFAULT);
    for (size_t i = 0; i < nk; i++)
        if (actbench_kernel_runs(&kernels[i])) {
            compare(&kernels[i], x, y1, y2, 1000, 4, 0);
            compare(&kernels[i], x, y1, y2, 1000, 0, 0);
        }
    check(actbench_parallel_threshold() == ACTBENCH_PARALLEL_THRESHOLD_DEFAULT, "threshold setter",
          &kernels[0], 0, 0, 0);

    printf("test_threading: %zu kernels, %zu checks, %zu passed, %zu failed\n", ran, checks,
           checks - failures, failures);
    free(x);
    free(y1);
    free(y2);
    return failures ? 1 : 0;
}
