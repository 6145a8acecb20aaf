/*
 * fuzz_lineedit: libFuzzer harness for the line editor, fed with random
 * key sequences: each input byte is an editing command (insert a code
 * point, delete, move, lay out at a width), as the terminal interface
 * issues them. After every step the text must be valid UTF-8 within the
 * limit and the cursor inside it, and a layout must place the cursor in
 * the field.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui/lineedit.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Some code points worth typing: ASCII, umlauts, wide, combining, joiners. */
static const uint32_t cps[] = {'a', ' ', 'Z', 0xe4, 0xdf, 0x4e2d, 0x1f600, 0x301, 0x200d, '\n',
                               0x9, 0xfe0f, 0x20ac, 0x3000};

static void check(const struct lineedit *e, size_t max)
{
	const char *t = lineedit_text(e);
	size_t len = strlen(t);
	if (!utf8_valid(t, len) || lineedit_cursor(e) > len ||
	    (max && utf8_count(t, len) > max))
		abort();
}

static void layout(const struct lineedit *e, int width)
{
	struct lineedit_view v = {0};
	if (lineedit_layout(e, width, &v) == 0 && (v.cur_col < 0 || v.cur_col >= width ||
	                                         (v.nrows && v.cur_row >= v.nrows)))
		abort();
	lineedit_view_free(&v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2 || size > 4096)
		return 0;
	size_t max = data[0] & 1 ? (size_t)(data[1] % 40) : 0;
	struct lineedit e;
	lineedit_init(&e, max, data[0] & 2);
	for (size_t i = 2; i < size; i++) {
		uint8_t b = data[i];
		switch (b >> 4) {
		case 0: case 1: case 2: case 3: case 4: case 5:
			lineedit_insert_cp(&e, cps[b % (sizeof cps / sizeof *cps)]);
			break;
		case 6: lineedit_backspace(&e); break;
		case 7: lineedit_delete(&e); break;
		case 8: lineedit_left(&e); break;
		case 9: lineedit_right(&e); break;
		case 10: lineedit_home(&e); break;
		case 11: lineedit_end(&e); break;
		case 12: lineedit_up(&e, 2 + (b & 15)); break;
		case 13: lineedit_down(&e, 2 + (b & 15)); break;
		case 14: layout(&e, 1 + (b & 15)); break;
		default: lineedit_insert(&e, (const char *)data + i, size - i < 4 ? size - i : 4);
		}
		check(&e, max);
	}
	lineedit_free(&e);
	return 0;
}
