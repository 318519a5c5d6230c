#include "cli/cli.h"
int cmd_init(co_cli *cli, int argc, char **argv) { return co_cli_usage_error("'init' is being written"); }
