/* The ULP routine on hand-made cases. */
#include <float.h>
#include <math.h>

#include "check.h"
#include "ulp.h"

#define EXPECT_ULP(y, exact, want)                                                      \
    CHECK(ulp_error((y), (exact)) == (want), "ulp_error(%a, %a) = %g, want %g", (double)(y), \
          (double)(exact), ulp_error((y), (exact)), (double)(want))

int main(void)
{
    /* exact, and one ulp off either way */
    EXPECT_ULP(1.0f, 1.0, 0.0);
    EXPECT_ULP(nextafterf(1.0f, 2.0f), 1.0, 1.0);
    EXPECT_ULP(3.0f, 3.0 + 0x1p-22, 1.0); /* ulp(3) = 2^-22 */
    EXPECT_ULP(-3.0f, -3.0 - 0x1p-23, 0.5);
    /* near a power of two: the ulp is that of the exact value's binade */
    EXPECT_ULP(1.0f, 1.0 - 0x1p-25, 0.5);   /* exact in [0.5, 1): ulp 2^-24 */
    EXPECT_ULP(0x1.fffffep-1f, 1.0, 0.5);    /* exact 1: ulp 2^-23, y 2^-24 below */
    EXPECT_ULP(1.0f, 1.0 + 0x1p-24, 0.5);
    EXPECT_ULP(2.0f, 2.0 - 0x1p-23, 1.0);   /* exact just below 2: ulp 2^-23 */
    /* fractional */
    EXPECT_ULP(1.0f, 1.0 + 0x1p-26, 0.125);
    /* subnormals: ulp is 2^-149 below 2^-126 */
    EXPECT_ULP(0x1p-148f, 0x1.8p-148, 1.0);
    EXPECT_ULP(0.0f, 0x1p-150, 0.5);
    EXPECT_ULP(0x1p-149f, 0.0, 1.0);
    EXPECT_ULP(0x1p-126f, 0x1p-126 - 0x1p-149, 1.0);
    EXPECT_ULP(-0.0f, 0.0, 0.0);
    /* large values and overflow */
    EXPECT_ULP(FLT_MAX, 0x1.fffffep127 + 0x1p103, 0.5);
    EXPECT_ULP(INFINITY, 1e39, 0.0);                 /* exact rounds to inf */
    EXPECT_ULP(INFINITY, (double)FLT_MAX, 1.0);      /* inf counts as 2^128 */
    EXPECT_ULP(-INFINITY, 1e39, (0x1p128 + 1e39) / 0x1p104); /* wrong infinity: far off */
    EXPECT_ULP(INFINITY, INFINITY, 0.0);
    EXPECT_ULP(FLT_MAX, INFINITY, INFINITY);
    /* NaN */
    EXPECT_ULP(NAN, NAN, 0.0);
    EXPECT_ULP(NAN, 1.0, INFINITY);
    EXPECT_ULP(1.0f, NAN, INFINITY);
    /* ulp_of */
    CHECK(ulp_of(1.0) == 0x1p-23, "ulp_of(1)");
    CHECK(ulp_of(0.75) == 0x1p-24, "ulp_of(0.75)");
    CHECK(ulp_of(0x1p-130) == 0x1p-149, "ulp_of(2^-130)");
    CHECK(ulp_of(0x1.8p127) == 0x1p104, "ulp_of(1.5*2^127)");
    return check_summary("test_ulp");
}
