/*
 * htmlcss: the style sheet of the HTML report, inline in its <style>: for
 * screen and print (A4, page breaks kept out of tables and charts, colours
 * printed), without fonts, images or anything fetched from outside.
 * Returns a static string; nothing to free, nothing fails.
 */
#ifndef FB_HTMLCSS_H
#define FB_HTMLCSS_H

/* The whole style sheet. */
const char *htmlcss_report(void);

#endif
