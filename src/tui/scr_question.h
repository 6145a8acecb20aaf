/*
 * scr_question: the question screen, and the way into it from the other
 * screens. Its 'leave' hook keeps a half-typed field as a draft in the
 * response, so the loop saves it with everything else.
 */
#ifndef FB_SCR_QUESTION_H
#define FB_SCR_QUESTION_H

#include "tui/app.h"

/*
 * Show the open response at its stored position (the first visible
 * question if that one is hidden or unset) after this key, and mark the
 * response dirty so the loop saves the position. If the form shows no
 * question at all, the status line says so, the response is closed
 * (saved first, so an opening stays in the audit trail) and the overview
 * comes next. Needs an open session.
 */
void scr_question_open(struct app *a);

#endif
