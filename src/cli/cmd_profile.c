#include "cli/cli.h"
int cmd_profile(co_cli *cli, int argc, char **argv) { return co_cli_usage_error("'profile' is being written"); }
