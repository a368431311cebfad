/* A minimal test harness: CHECK records a failure and goes on, so one run
 * reports every broken case; check_summary prints the closing line and
 * gives the exit code. */
#ifndef ACTBENCH_CHECK_H
#define ACTBENCH_CHECK_H

#include <stdio.h>

static int check_failures, check_count;

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        check_count++;                                                         \
        if (!(cond)) {                                                         \
            check_failures++;                                                  \
            fprintf(stderr, "%s:%d: FAILED: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                      \
            fputc('\n', stderr);                                               \
        }                                                                      \
    } while (0)

static inline int check_summary(const char *name)
{
    printf("%s: %d checks, %d passed, %d failed\n", name, check_count, check_count - check_failures,
           check_failures);
    return check_failures ? 1 : 0;
}

#endif
