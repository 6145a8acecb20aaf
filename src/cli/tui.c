/*
 * tui: `fragebogen [--form FILE] [--store DIR]` — the terminal interface.
 */
#include <stdio.h>

#include "cli/cli.h"
#include "cli/opts.h"
#include "tui/app.h"
#include "util/i18n.h"

int tui_main(int argc, char **argv)
{
	struct opts o;
	int rc = opts_parse(&o, argc, argv, _("Aufruf: fragebogen [--form FORMULAR] "
	                                      "[--store ORDNER] [--idle-lock SEKUNDEN] "
	                                      "[--kdf-cost STUFE]\n"));
	if (rc)
		return rc > 0 ? 0 : 2;
	struct form *f = opts_form(&o);
	rc = 1;
	if (f) {
		struct kdf_cost cost;
		(void)keyring_cost(o.kdf, &cost);
		rc = app_run(f, o.store_dir, cost, o.idle_lock);
	}
	form_free(&f);
	opts_free(&o);
	return rc;
}
