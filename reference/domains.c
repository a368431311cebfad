/* Input sets for accuracy sweeps.  All are reproducible: a fixed seed gives
 * the same inputs on every machine. */
#include <float.h>
#include <math.h>
#include <string.h>

#include "accuracy.h"

/* splitmix64: small, fast, and good enough to spread samples. */
uint64_t domain_next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

float float_from_bits(uint32_t bits)
{
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

static float random_finite_float(uint64_t *state)
{
    for (;;) {
        float f = float_from_bits((uint32_t)domain_next_random(state));
        if (isfinite(f))
            return f;
    }
}

/* Uniform in [lo, hi], with 24 random bits. */
static float random_uniform(uint64_t *state, float lo, float hi)
{
    float u = (float)(domain_next_random(state) >> 40) * 0x1p-24f;
    return lo + (hi - lo) * u;
}

#define TYPICAL_RANGE 10.0f

/* DOMAIN_FULL: half the samples on a regular stride through all 2^32 bit
 * patterns (dense: every binade of both signs gets its share), half random
 * bit patterns (log-uniform in magnitude); non-finite patterns are replaced
 * by random finite ones. */
void domain_inputs(accuracy_domain d, size_t n, uint64_t seed, float *out)
{
    uint64_t state = seed;
    size_t strided = n / 2;
    for (size_t i = 0; i < n; i++) {
        if (d == DOMAIN_TYPICAL) {
            out[i] = random_uniform(&state, -TYPICAL_RANGE, TYPICAL_RANGE);
        } else if (i < strided) {
            float f = float_from_bits((uint32_t)((0x100000000ull * i) / strided));
            out[i] = isfinite(f) ? f : random_finite_float(&state);
        } else {
            out[i] = random_finite_float(&state);
        }
    }
}

size_t special_inputs(float *out, size_t cap)
{
    static const float magnitudes[] = {
        0.0f, 0x1p-149f, 0x1.fffffcp-127f, 0x1p-126f, /* zero, subnormals, min normal */
        0x1p-24f, 0.5f, 1.0f, 3.0f, 6.0f,             /* kinks of the piecewise ones */
        9.0f, 15.0f, 20.0f, 30.0f,                    /* saturation of tanh, sigmoid */
        87.0f, 88.72283f, 88.72284f, 89.0f,           /* exp overflows past 88.7228 */
        100.0f, 103.97f, 104.0f, 150.0f,              /* exp(-x) goes subnormal, then 0 */
        1e5f, 1e10f, 1e30f, FLT_MAX, INFINITY,
    };
    size_t n = 0;
    for (size_t i = 0; i < sizeof magnitudes / sizeof magnitudes[0]; i++)
        for (int sign = 0; sign < 2 && n < cap; sign++)
            out[n++] = sign ? -magnitudes[i] : magnitudes[i];
    if (n < cap)
        out[n++] = NAN;
    if (n < cap)
        out[n++] = -NAN;
    return n;
}

/* Row lengths cycle through these: single elements, short rows, the
 * classifier-sized rows softmax usually sees, and 10^4 for long sums. */
static const size_t row_lengths[] = {1, 2, 5, 16, 100, 1000, 10000};

size_t domain_rows(accuracy_domain d, size_t n, uint64_t seed, float *x, size_t *lengths,
                   size_t max_rows)
{
    uint64_t state = seed;
    size_t rows = 0, used = 0, k = 0, misses = 0;
    const size_t n_lengths = sizeof row_lengths / sizeof row_lengths[0];
    /* Take the next length that still fits; stop once none does. */
    while (rows < max_rows && misses < n_lengths) {
        size_t len = row_lengths[k++ % n_lengths];
        if (used + len > n) {
            misses++;
            continue;
        }
        misses = 0;
        for (size_t i = 0; i < len; i++)
            x[used + i] = d == DOMAIN_TYPICAL ? random_uniform(&state, -TYPICAL_RANGE, TYPICAL_RANGE)
                                              : random_finite_float(&state);
        lengths[rows++] = len;
        used += len;
    }
    return rows;
}

/* Hand-made rows for the row-wise special check: NaN and +inf poison a row,
 * -inf entries contribute nothing, all -inf is undefined, extreme spreads
 * make x - max overflow. */
size_t special_rows(float *x, size_t *lengths, size_t max_rows)
{
    static const float rows[][4] = {
        {NAN, 1.0f, 2.0f, 3.0f},        {INFINITY, 1.0f, 2.0f, 3.0f},
        {-INFINITY, 1.0f, 2.0f, 3.0f},  {-INFINITY, -INFINITY, 0.0f, -INFINITY},
        {-INFINITY, -INFINITY, -INFINITY, -INFINITY},
        {FLT_MAX, FLT_MAX, -FLT_MAX, 0.0f}, {1e30f, -1e30f, 0.0f, 1.0f},
        {0x1p-149f, -0x1p-149f, 0.0f, -0.0f}, {100.0f, 0.0f, -100.0f, -200.0f},
        {1.0f, 2.0f, 3.0f, 4.0f},
    };
    size_t n = sizeof rows / sizeof rows[0];
    n = n < max_rows ? n : max_rows;
    for (size_t r = 0; r < n; r++) {
        memcpy(x + 4 * r, rows[r], sizeof rows[r]);
        lengths[r] = 4;
    }
    return n;
}
