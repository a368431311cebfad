/* An example actbench plugin: build as a shared library, then
 *     actbench accuracy --plugin ./example.so --variant plugin-example
 * The file name gives the prefix ("example"); each <prefix>_<activation>
 * symbol becomes variant plugin-example of that activation (README, "Bring
 * your own kernel").  Plain C, no actbench header needed.
 *
 * example_relu carries a deliberate error of exactly 3 ULP on positive
 * inputs, so the tests can check that a plugin's error is reported as is. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

const char *example_name(void) { return "example plugin: scalar libm forms, relu off by 3 ULP"; }
const char *example_isa(void) { return "scalar"; }

void example_sigmoid(const float *x, float *y, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        float e = expf(-fabsf(x[i])); /* no overflow: e in (0, 1] */
        y[i] = x[i] >= 0 ? 1.0f / (1.0f + e) : e / (1.0f + e);
    }
}

void example_tanh(const float *x, float *y, size_t n)
{
    for (size_t i = 0; i < n; i++)
        y[i] = tanhf(x[i]);
}

/* max(x, 0), then 3 ULP up for positive x: the bit pattern plus 3, where
 * that stays in x's binade (so the error is exactly 3 ULP of the exact x). */
void example_relu(const float *x, float *y, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        float v = x[i] < 0 ? 0.0f : x[i];
        uint32_t b;
        memcpy(&b, &v, sizeof b);
        if (v > 0 && isfinite(v) && (b & 0x7fffff) <= 0x7fffff - 3)
            b += 3;
        memcpy(&y[i], &b, sizeof b);
    }
}

/* Row-wise activations take the row length too. */
void example_softmax(const float *x, float *y, size_t n, size_t row_length)
{
    for (size_t r = 0; row_length && r + row_length <= n; r += row_length) {
        float m = -INFINITY;
        for (size_t i = r; i < r + row_length; i++)
            m = x[i] > m || isnan(x[i]) ? x[i] : m;
        double sum = 0;
        for (size_t i = r; i < r + row_length; i++)
            sum += exp((double)x[i] - m);
        for (size_t i = r; i < r + row_length; i++)
            y[i] = (float)(exp((double)x[i] - m) / sum);
    }
}
