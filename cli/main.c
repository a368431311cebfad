/* actbench: how fast and how accurate are activation function kernels. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"list", cmd_list, "list every activation and kernel variant, and which this CPU runs"},
    {"eval", cmd_eval, "print an activation of given values, per variant and exact"},
    {"accuracy", cmd_accuracy, "measure max/mean ULP error against MPFR, write reports"},
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
    fprintf(f, "\nEnvironment: ACTBENCH_MAX_ISA=scalar|avx2|avx512 caps the ISA of the kernels run.\n"
               "Exit codes: 0 success, 1 a check failed, 2 bad input or error.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return cli_fail("no command given (try 'actbench --help')");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    return cli_fail("unknown command '%s' (try 'actbench --help')", argv[1]);
}
