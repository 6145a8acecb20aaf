/* htmlcss: the report's style sheet (see htmlcss.h). */
#include "export/htmlcss.h"

const char *htmlcss_report(void)
{
	static const char css[] =
		"body{font-family:system-ui,\"Segoe UI\",Roboto,Arial,sans-serif;max-width:62rem;"
		"margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.4}\n"
		"h1{font-size:1.6rem;margin-bottom:.3rem}\n"
		"h2{font-size:1.15rem;margin:2.2rem 0 .6rem;border-bottom:1px solid #888}\n"
		".qid{font-weight:normal;color:#555;margin-right:.6em}\n"
		"table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem}\n"
		"caption{text-align:left;font-weight:600;padding:.3rem 0}\n"
		"th,td{padding:.15rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}\n"
		"th{text-align:left;font-weight:600}\n"
		"thead th{border-bottom:2px solid #555;vertical-align:bottom}\n"
		".n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
		"tr.miss td{color:#555;font-style:italic}\n"
		"tr.sum td{border-top:1px solid #555;font-weight:600}\n"
		"tr.top td{border-top:1px dashed #555;font-weight:600}\n"
		"svg.chart{display:block;max-width:100%;height:auto;margin:.4rem 0 1rem}\n"
		/* texts with their own fill (labels on dark segments) keep it */
		"svg text{font-size:11px}svg text:not([fill]){fill:#1a1a1a}\n"
		"svg rect.bar{fill:#2f5f8f}\n"
		".note,.meta{font-size:.9rem;color:#444}\n"
		"ul.problems li{color:#1a1a1a}\n"
		"ul.open li{white-space:pre-line}\n"
		"table.receipt td{font-size:.85rem}tr.skip td{color:#8a1c1c}\n"
		".sim{background:#fde7e7;color:#8a1c1c;font-weight:700;padding:.3rem .5rem}\n"
		"p.simfoot{display:none}\n"
		/* two columns where there is room; every entry whole in one column,
		 * its number in its own margin, long words broken */
		"nav ol{columns:2 22rem;column-gap:2rem;font-size:.9rem;padding-left:0}\n"
		"nav li{margin-left:2.6em;break-inside:avoid;page-break-inside:avoid;"
		"overflow-wrap:anywhere}\n"
		"@media print{body{max-width:none;margin:0;font-size:10pt}nav{display:none}"
		"h2{break-after:avoid;page-break-after:avoid}"
		"table,svg.chart,section.q{break-inside:avoid;page-break-inside:avoid}"
		"*{print-color-adjust:exact;-webkit-print-color-adjust:exact}"
		"p.simfoot{display:block;position:fixed;bottom:0;left:0;right:0;margin:0}}\n";
	return css;
}
