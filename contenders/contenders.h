/* Contenders (issue 7): other people's activation kernels (SLEEF, oneDNN,
 * XNNPACK, Eigen), measured by the same harness as actbench's own.  They are
 * not part of libactbench: the actbench command registers them into the
 * kernel table at startup (actbench_register_kernels), with tier
 * ACTBENCH_TIER_CONTENDER, declared bound INFINITY, the library and its
 * version in the algorithm text.  Each library is optional: found at
 * configure time or reported here as not built. */
#ifndef ACTBENCH_CONTENDERS_H
#define ACTBENCH_CONTENDERS_H

#include <stddef.h>
#include <stdio.h>

#include "actbench.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Registers every contender built in.  0, or -1 when registration failed. */
int contenders_register(void);

/* One line per library: its version and variant count, or "not built: ...". */
void contenders_describe(FILE *f);

/* Per library: the kernels a build found (ACTBENCH_HAVE_<LIB>). */
const actbench_kernel *contender_sleef_avx2(size_t *n);
const actbench_kernel *contender_sleef_avx512(size_t *n);
const actbench_kernel *contender_onednn(size_t *n);
const actbench_kernel *contender_xnnpack(size_t *n);
const actbench_kernel *contender_eigen_avx2(size_t *n);
const actbench_kernel *contender_eigen_avx512(size_t *n);

#ifdef __cplusplus
}
#endif

#endif
