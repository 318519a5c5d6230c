#include "cli/cli.h"
int cmd_exercises(co_cli *cli, int argc, char **argv) { return co_cli_usage_error("'exercises' is being written"); }
