/*
 * Reading the fields of a FIT data message (co_fit_mesg_* in
 * include/carryover/fit.h), for co_fit_walk() callers.
 *
 * A field is found by its number through the definition's index, then
 * read by its base type: the first element of an array counts, and a
 * base type's invalid value reads as absent. The activity builder uses the
 * same rules through the inline fit_mesg_int() / fit_mesg_num()
 * (decode_int.h); these are their out-of-line, public forms.
 */
#include <string.h>

#include "formats/fit/decode_int.h"

bool co_fit_mesg_int(const co_fit_mesg *m, unsigned num, int64_t *out)
{
	return fit_mesg_int(m, num, out);
}

bool co_fit_mesg_num(const co_fit_mesg *m, unsigned num, double scale,
		     double offset, double *out)
{
	return fit_mesg_num(m, num, scale, offset, out);
}

size_t co_fit_mesg_string(const co_fit_mesg *m, unsigned num, char *buf,
			  size_t n)
{
	const fdef *f = find_field(m, num);
	size_t k = 0;

	if (!n)
		return 0;
	buf[0] = '\0';
	if (!f || f->type != BT_STRING)
		return 0;
	while (k < f->size && k + 1 < n && m->data[f->off + k])
		k++;
	memcpy(buf, m->data + f->off, k);
	buf[k] = '\0';
	return k;
}

static void field_out(const co_fit_mesg *m, const fdef *f, co_fit_field *out)
{
	out->num = f->num;
	out->size = f->size;
	out->base_type = f->base;
	out->big_endian = m->def->big;
	out->data = m->data + f->off;
}

bool co_fit_mesg_field(const co_fit_mesg *m, unsigned num, co_fit_field *out)
{
	const fdef *f = find_field(m, num);

	if (!f)
		return false;
	field_out(m, f, out);
	return true;
}

unsigned co_fit_mesg_count(const co_fit_mesg *m)
{
	return m->def->nfields;
}

bool co_fit_mesg_field_at(const co_fit_mesg *m, unsigned i, co_fit_field *out)
{
	if (i >= m->def->nfields)
		return false;
	field_out(m, &m->def->f[i], out);
	return true;
}
