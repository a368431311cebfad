/* actbench: how fast and how accurate are activation function kernels. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "contenders.h" /* contenders (issue 7) */

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"list", cmd_list, "list every activation and kernel variant, and which this CPU runs"},
    {"eval", cmd_eval, "print an activation of given values, per variant and exact"},
    {"accuracy", cmd_accuracy, "measure max/mean ULP error against MPFR, write reports"},
    {"merge", cmd_merge, "merge sharded exhaustive accuracy results into one set of reports"},
    {"bench", cmd_bench, "time kernels with Google Benchmark: sizes, threads, copy roofline"},
    {"report", cmd_report, "one-page report.md with plots from a results directory"},
    {"recommend", cmd_recommend, "per activation, the fastest variant within an accuracy budget"},
    {"compare", cmd_compare, "compare two results; exit 1 on an accuracy or speed regression"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: actbench COMMAND [OPTIONS]   ('actbench COMMAND --help' for each)\n\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nEvery command takes --plugin PATH (repeatable): a shared library of your own\n"
               "kernels, measured as variant plugin-<prefix> (see README).\n");
    fprintf(f, "\nEnvironment: ACTBENCH_MAX_ISA=scalar|avx2|avx512 caps the ISA of the kernels run.\n"
               "Exit codes: 0 success, 1 a check failed, 2 bad input or error.\n");
}

static int wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return cli_fail("no command given (try 'actbench --help')");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    /* contenders (issue 7): other libraries' kernels and --plugin ones join
     * the kernel table before any command looks at it. */
    if (contenders_register() != 0)
        return cli_fail("cannot register the contenders (out of memory?)");
    int rc = plugins_load(&argc, argv);
    if (rc)
        return rc;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0) {
            rc = commands[i].run(argc - 1, argv + 1);
            /* list: also say which contender libraries this build lacks */
            if (rc == EXIT_OK && commands[i].run == cmd_list && !wants_help(argc, argv)) {
                printf("\n");
                contenders_describe(stdout);
            }
            return rc;
        }
    return cli_fail("unknown command '%s' (try 'actbench --help')", argv[1]);
}
