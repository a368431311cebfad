/* Registration of the contenders a build found, and what is missing. */
#include "contenders.h"

#include <stdio.h>

#ifndef ACTBENCH_CONTENDERS_OFF_REASON
#define ACTBENCH_CONTENDERS_OFF_REASON "contenders not built"
#endif

typedef struct library {
    const char *name;
    const char *version;
    const actbench_kernel *(*kernels[2])(size_t *n); /* per ISA build; NULL = none */
    const char *missing; /* why it is not built */
} library;

static const library libraries[] = {
#ifdef ACTBENCH_HAVE_SLEEF
    {"SLEEF", ACTBENCH_SLEEF_VERSION, {contender_sleef_avx2, contender_sleef_avx512}, NULL},
#else
    {"SLEEF", "", {NULL, NULL}, "libsleef not found (Debian: libsleef-dev)"},
#endif
#ifdef ACTBENCH_HAVE_ONEDNN
    {"oneDNN", ACTBENCH_ONEDNN_VERSION, {contender_onednn, NULL}, NULL},
#else
    {"oneDNN", "", {NULL, NULL}, "libdnnl not found (Debian: libdnnl-dev)"},
#endif
#ifdef ACTBENCH_HAVE_XNNPACK
    {"XNNPACK", ACTBENCH_XNNPACK_VERSION, {contender_xnnpack, NULL}, NULL},
#else
    {"XNNPACK", "", {NULL, NULL}, "libXNNPACK not found (Debian: libxnnpack-dev, libpthreadpool-dev)"},
#endif
#ifdef ACTBENCH_HAVE_EIGEN
    {"Eigen", ACTBENCH_EIGEN_VERSION, {contender_eigen_avx2, contender_eigen_avx512}, NULL},
#else
    {"Eigen", "", {NULL, NULL}, "Eigen 3 not found (Debian: libeigen3-dev)"},
#endif
};

int contenders_register(void)
{
    int rc = 0;
    for (size_t i = 0; i < sizeof libraries / sizeof libraries[0]; i++)
        for (int j = 0; j < 2; j++)
            if (libraries[i].kernels[j]) {
                size_t n;
                const actbench_kernel *k = libraries[i].kernels[j](&n);
                rc |= actbench_register_kernels(k, n);
            }
    return rc;
}

void contenders_describe(FILE *f)
{
    for (size_t i = 0; i < sizeof libraries / sizeof libraries[0]; i++) {
        const library *l = &libraries[i];
        if (l->missing) {
#ifdef ACTBENCH_CONTENDERS_DISABLED
            fprintf(f, "contender %-8s not built: %s\n", l->name, ACTBENCH_CONTENDERS_OFF_REASON);
#else
            fprintf(f, "contender %-8s not built: %s\n", l->name, l->missing);
#endif
            continue;
        }
        size_t total = 0;
        for (int j = 0; j < 2; j++)
            if (l->kernels[j]) {
                size_t n;
                l->kernels[j](&n);
                total += n;
            }
        fprintf(f, "contender %-8s %s: %zu kernels\n", l->name, l->version, total);
    }
}
