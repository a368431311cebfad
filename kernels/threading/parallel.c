/* The OpenMP threading layer: one contiguous block of the array per thread,
 * each block one call of the unchanged single-threaded kernel.  The kernels
 * know nothing about threads; this file knows nothing about activations
 * beyond which of them work on whole rows.  See docs/threading.md. */
#include <omp.h>
#include <stdint.h>
#include <stdlib.h>

#include "../kernel_util.h"

enum { LINE_FLOATS = 16 }; /* one 64-byte cache line */

static size_t threshold = ACTBENCH_PARALLEL_THRESHOLD_DEFAULT;
static int threshold_read; /* 0: the environment has not been consulted yet */

size_t actbench_parallel_threshold(void)
{
    if (!threshold_read) {
        const char *env = getenv("ACTBENCH_PARALLEL_THRESHOLD");
        char *end;
        if (env && *env) {
            unsigned long long v = strtoull(env, &end, 10);
            if (!*end)
                threshold = (size_t)v;
        }
        threshold_read = 1;
    }
    return threshold;
}

void actbench_set_parallel_threshold(size_t n)
{
    threshold = n;
    threshold_read = 1;
}

static int is_rowwise(const actbench_kernel *k)
{
    const actbench_activation_info *info = actbench_activation(k->act);
    return info && info->rowwise;
}

/* Split work of `units` equal parts as evenly as possible: part [lo, hi) of
 * `index` of `parts`.  Products are done in 128 bits so no n overflows. */
static void even_share(size_t units, int index, int parts, size_t *lo, size_t *hi)
{
    *lo = (size_t)((unsigned __int128)units * (unsigned)index / (unsigned)parts);
    *hi = (size_t)((unsigned __int128)units * (unsigned)(index + 1) / (unsigned)parts);
}

void actbench_parallel_block(const actbench_kernel *k, const float *y, size_t n,
                             const actbench_params *p, int index, int threads,
                             size_t *begin, size_t *end)
{
    *begin = *end = 0;
    if (threads < 1 || index < 0 || index >= threads || n == 0)
        return;
    if (is_rowwise(k)) {
        /* Whole rows; a trailing partial row (n not a multiple of the row
         * length) goes with the last block, so that call sees the same tail
         * the single-threaded kernel would. */
        size_t len = kernel_row_length(p, n), lo, hi;
        even_share(n / len, index, threads, &lo, &hi);
        *begin = lo * len;
        *end = index == threads - 1 ? n : hi * len;
        return;
    }
    /* Elements before y's first 64-byte boundary go to block 0, the partial
     * line at the end to the last block; the whole lines between are shared.
     * A y that is not float-aligned gets lines counted from y[0]. */
    size_t head = ((uintptr_t)y % sizeof(float)) ? 0
                  : ((64 - (uintptr_t)y % 64) % 64) / sizeof(float);
    if (head > n)
        head = n;
    size_t lines = (n - head) / LINE_FLOATS, lo, hi;
    even_share(lines, index, threads, &lo, &hi);
    *begin = index == 0 ? 0 : head + lo * LINE_FLOATS;
    *end = index == threads - 1 ? n : head + hi * LINE_FLOATS;
}

void actbench_parallel(const actbench_kernel *k, const float *x, float *y, size_t n,
                       const actbench_params *p, int threads)
{
    if (threads <= 0)
        threads = omp_get_max_threads();
    /* Never more threads than blocks that could hold work. */
    size_t units = n == 0 ? 0 : is_rowwise(k) ? n / kernel_row_length(p, n) : n / LINE_FLOATS;
    if ((size_t)threads > units)
        threads = units > 1 ? (int)units : 1;
    if (threads == 1 || n < actbench_parallel_threshold()) {
        k->fn(x, y, n, p);
        return;
    }
#pragma omp parallel num_threads(threads)
    {
        /* The team may be smaller than asked (OMP_THREAD_LIMIT, nesting):
         * split by the size it really has. */
        size_t b, e;
        actbench_parallel_block(k, y, n, p, omp_get_thread_num(), omp_get_num_threads(), &b, &e);
        if (e > b)
            k->fn(x + b, y + b, e - b, p);
    }
}
