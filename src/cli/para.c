/* para: text wrapped for the terminal, as `print` and `show` write it. */
#include "cli/para.h"

#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

void para_print(const char *text, int indent, int first)
{
	int col = first, fresh = 1;
	const char *p = text;
	while (*p) {
		if (*p == '\n') {
			printf("\n%*s", indent, "");
			col = indent;
			fresh = 1;
			p++;
			continue;
		}
		size_t wl = strcspn(p, " \n");
		int chars = (int)utf8_count(p, wl);
		if (!fresh && col + 1 + chars > PARA_WIDTH) {
			printf("\n%*s", indent, "");
			col = indent;
			fresh = 1;
		} else if (!fresh) {
			putchar(' ');
			col++;
		}
		fwrite(p, 1, wl, stdout);
		col += chars;
		fresh = 0;
		p += wl;
		while (*p == ' ')
			p++;
	}
	putchar('\n');
}
