/*
 * The option parser of opt.h: one pass over argv, GNU style (options and
 * operands mixed, `--` ends options, `-` is an operand), driven by the
 * command's table and the global one. It knows nothing of any command; it
 * only fills destinations, so a command's parsing is its table plus the
 * checks of its values.
 *
 * A value is taken from `--name=value`, from the rest of a short cluster
 * (`-oFILE`), or from the next argument, whatever it looks like (GNU: so
 * `--from -1` is an error about "-1" as a date, not an unknown option).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/vec.h"

void co_opt_list_release(co_opt_list *list)
{
	free(list->items);
	memset(list, 0, sizeof(*list));
}

static void list_push(co_opt_list *list, const char *item)
{
	*CO_VEC_PUSH(list->items, list->n, list->cap) = item;
}

/* The message prefix: "plan: " or "". */
static const char *prefix(const co_opt_parser *ps, char *buf, size_t size)
{
	if (!ps->command)
		return "";
	snprintf(buf, size, "%s: ", ps->command);
	return buf;
}

static const co_opt *find_long(const co_opt *opts, const char *name, size_t len)
{
	for (const co_opt *o = opts; o && o->type != CO_OPT_END; o++)
		if (o->name && strlen(o->name) == len && !strncmp(o->name, name, len))
			return o;
	return NULL;
}

static const co_opt *find_short(const co_opt *opts, char c)
{
	for (const co_opt *o = opts; o && o->type != CO_OPT_END; o++)
		if (o->alias && o->alias == c)
			return o;
	return NULL;
}

static int unknown(const co_opt_parser *ps, const char *arg, size_t len)
{
	char pre[64], typed[128], near[128] = "";
	co_suggest sg;

	snprintf(typed, sizeof(typed), "%.*s", (int)(len < 100 ? len : 100), arg);
	if (arg[1] == '-') {
		const co_opt *tables[2] = {ps->opts, ps->globals};

		co_suggest_init(&sg, typed + 2);
		for (int t = 0; t < 2; t++)
			for (const co_opt *o = tables[t]; o && o->type != CO_OPT_END; o++)
				if (o->name && o->help) /* hidden options are not suggested */
					co_suggest_offer(&sg, o->name);
		co_suggest_offer(&sg, "help");
		if (sg.best)
			snprintf(near, sizeof(near), " (did you mean '--%s'?)", sg.best);
	}
	if (ps->usage)
		ps->usage(stderr);
	return co_cli_usage_error("%sunknown option '%s'%s", prefix(ps, pre, sizeof(pre)), typed,
				  near);
}

/* Store `value` (NULL for a flag) in o's destination. */
static void assign(const co_opt *o, const char *value)
{
	switch (o->type) {
	case CO_OPT_FLAG:
		*(bool *)o->dest = true;
		break;
	case CO_OPT_VALUE:
		*(const char **)o->dest = value;
		break;
	case CO_OPT_LIST:
		list_push(o->dest, value);
		break;
	default:
		break;
	}
}

/* "--name", "--name=value", "--name value": returns 0 or an exit code. */
static int parse_long(const co_opt_parser *ps, int *i, int argc, char **argv)
{
	const char *arg = argv[*i], *name = arg + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const co_opt *o = find_long(ps->opts, name, len);
	char pre[64];

	if (!o)
		o = find_long(ps->globals, name, len);
	if (!o)
		return unknown(ps, arg, eq ? (size_t)(eq - arg) : strlen(arg));
	if (o->type == CO_OPT_FLAG) {
		if (eq)
			return co_cli_usage_error("%soption '--%s' takes no value",
						  prefix(ps, pre, sizeof(pre)), o->name);
		assign(o, NULL);
		return 0;
	}
	if (eq) {
		assign(o, eq + 1);
		return 0;
	}
	if (*i + 1 >= argc)
		return co_cli_usage_error("%soption '--%s' needs a value",
					  prefix(ps, pre, sizeof(pre)), o->name);
	assign(o, argv[++*i]);
	return 0;
}

/* "-v", "-vq", "-o FILE", "-oFILE". */
static int parse_short(const co_opt_parser *ps, int *i, int argc, char **argv)
{
	const char *arg = argv[*i];
	char pre[64], one[3] = {'-', 0, 0};

	for (const char *c = arg + 1; *c; c++) {
		const co_opt *o = find_short(ps->opts, *c);

		if (!o)
			o = find_short(ps->globals, *c);
		one[1] = *c;
		if (!o)
			return unknown(ps, one, 2);
		if (o->type == CO_OPT_FLAG) {
			assign(o, NULL);
			continue;
		}
		if (c[1]) {
			assign(o, c + 1);
			return 0;
		}
		if (*i + 1 >= argc)
			return co_cli_usage_error("%soption '%s' needs a value",
						  prefix(ps, pre, sizeof(pre)), one);
		assign(o, argv[++*i]);
		return 0;
	}
	return 0;
}

static bool all_digits(const char *s)
{
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

int co_opt_parse(const co_opt_parser *ps, co_opt_list *operands, int first, int argc,
		 char **argv, int *out_next)
{
	bool options_done = false;
	char pre[64];
	int i, rc;

	if (out_next)
		*out_next = argc;
	for (i = first; i < argc; i++) {
		const char *arg = argv[i];

		/* "-3" is an operand (3 days ago): no option is a digit */
		if (options_done || arg[0] != '-' || !arg[1] || all_digits(arg + 1)) {
			if (ps->stop_at_operand) {
				if (out_next)
					*out_next = i;
				return CO_OPT_OK;
			}
			if (!operands)
				return co_cli_usage_error("%sunexpected argument '%s'",
							  prefix(ps, pre, sizeof(pre)), arg);
			list_push(operands, arg);
			continue;
		}
		if (!strcmp(arg, "--")) {
			options_done = true;
			continue;
		}
		if (!strcmp(arg, "--help") || !strcmp(arg, "-h"))
			return CO_OPT_HELP;
		rc = arg[1] == '-' ? parse_long(ps, &i, argc, argv) : parse_short(ps, &i, argc, argv);
		if (rc)
			return rc;
	}
	return CO_OPT_OK;
}

void co_opt_help(FILE *f, const co_opt *opts)
{
	size_t width = 0;

	for (int pass = 0; pass < 2; pass++) {
		for (const co_opt *o = opts; o && o->type != CO_OPT_END; o++) {
			co_strbuf head = CO_STRBUF_INIT;

			if (!o->help)
				continue;
			co_strbuf_adds(&head, "  ");
			if (o->alias)
				co_strbuf_addf(&head, "-%c%s", o->alias, o->name ? ", " : "");
			if (o->name)
				co_strbuf_addf(&head, "--%s", o->name);
			if (o->type != CO_OPT_FLAG)
				co_strbuf_addf(&head, " %s", o->value_name ? o->value_name : "VALUE");
			if (pass == 0) {
				if (head.len > width)
					width = head.len;
			} else {
				const char *h = o->help, *nl;

				fprintf(f, "%-*s  ", (int)width, head.buf);
				/* continuation lines of the help align under its first */
				while ((nl = strchr(h, '\n'))) {
					fprintf(f, "%.*s\n%*s", (int)(nl - h), h, (int)width + 2, "");
					h = nl + 1;
				}
				fprintf(f, "%s\n", h);
			}
			co_strbuf_release(&head);
		}
	}
}
