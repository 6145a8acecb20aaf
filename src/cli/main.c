/*
 * main: entry point; dispatches to the subcommands.
 */
#include <cjson/cJSON.h>
#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "cli/argx.h"
#include "cli/cli.h"
#include "cli/paths.h"
#include "util/i18n.h"
#include "util/fio.h"
#include "util/xmalloc.h"

/* No core dumps: they would put keys and answers on disk in plain text. */
static void no_core_dumps(void)
{
	struct rlimit rl = {0, 0};
	setrlimit(RLIMIT_CORE, &rl);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

/*
 * cJSON allocates with the project's allocator. Left to itself it returns
 * NULL from a parse or print when malloc fails, and every caller would have
 * to tell "out of memory" from "not JSON"; most of them cannot, and a
 * half-built tree would be taken for a short document. With xmalloc an
 * exhausted memory ends the program with the same message as everywhere
 * else. (With its own allocator cJSON grows printed text by copying
 * instead of realloc, which costs nothing that matters at these sizes.)
 */
static void json_allocator(void)
{
	cJSON_Hooks hooks = {.malloc_fn = xmalloc, .free_fn = free};
	cJSON_InitHooks(&hooks);
}

/* --help, first part: the program, its interface and the form commands. */
static void usage_forms(FILE *out)
{
	fputs(_("fragebogen – Fragebögen im Terminal ausfüllen, verschlüsselt speichern und\n"
	        "an das Studienteam senden.\n"
	        "\n"
	        "Aufruf:\n"), out);
	fputs(_("  fragebogen [--form FORMULAR] [--store ORDNER] [--idle-lock SEKUNDEN]\n"
	        "      Öffnet die Oberfläche: Übersicht der Antworten, neuen Fragebogen\n"
	        "      beginnen, Entwürfe fortsetzen, Abgeschlossenes korrigieren. Nach\n"
	        "      --idle-lock Sekunden ohne Eingabe (Vorgabe 600, 0 aus) sperrt sie sich.\n"),
	      out);
	fputs(_("  fragebogen validate [--walks N] [--seed ZAHL] FORMULAR…\n"
	        "      Prüft Formulardateien (JSON). Mit --walks macht es N Zufallsdurchläufe\n"
	        "      und meldet nie erreichte Fragen, Prüfungen, die nie oder immer\n"
	        "      auslösen, und Laufzeitfehler in Ausdrücken.\n"), out);
	fputs(_("  fragebogen print FORMULAR\n"
	        "      Gibt den Fragebogen als lesbaren Text aus (Fragen, Antworten mit\n"
	        "      Codes, Filter und Prüfungen), etwa zum Korrekturlesen.\n"), out);
	fputs(_("  fragebogen codebook FORMULAR [-o DATEI.md|DATEI.html]\n"
	        "      Codebuch für die Auswertung: Variablen mit Labels, Codes und\n"
	        "      Fehlwerten, Filter und Prüfungen in Worten, berechnete Werte.\n"), out);
}

/* --help, second part: the commands on the store and on exports. */
static void usage_store(FILE *out)
{
	/* TRANSLATORS: the descriptions start in column 24; keep them aligned. */
	fputs(_("  fragebogen init       Verschlüsselten Speicher einrichten (Passwort,\n"
	        "                       Wiederherstellungscode)\n"
	        "  fragebogen list [--json]\n"
	        "                       Gespeicherte Antworten: Kommune, Status, Fortschritt\n"
	        "  fragebogen show [--json] ID\n"
	        "                       Eine Antwort als lesbarer Text\n"
	        "  fragebogen import DATEI\n"
	        "                       Antworten aus JSON oder CSV übernehmen (geprüft)\n"
	        "  fragebogen passwd [--recovery]\n"
	        "                       Passwort ändern (mit dem Wiederherstellungscode)\n"),
	      out);
	fputs(_("  fragebogen keygen -o DATEI\n"
	        "                       Schlüsselpaar des Studienteams (age) erzeugen\n"
	        "  fragebogen id [-o DATEI.pub]\n"
	        "                       Signaturschlüssel des Speichers mit Fingerabdruck\n"),
	      out);
	fputs(_("  fragebogen export [--format age|csv|json|sav|dta] [-o DATEI] [ID …]\n"
	        "                       Abgeschlossene Antworten ausgeben: ohne --format\n"
	        "                       verschlüsselt und signiert für das Studienteam\n"
	        "                       (--recipient age1…, --audit, --sender NAME), sonst\n"
	        "                       unverschlüsselt für die Kommune (--all, --csv-profile\n"
	        "                       excel-de|rfc4180)\n"), out);
	fputs(_("  fragebogen simulate --count N [--seed ZAHL]\n"
	        "                       N zufällige, abgeschlossene Testantworten speichern\n"),
	      out);
	fputs(_("  fragebogen aggregate -i SCHLÜSSEL -o AUSGABE.sav|.dta|.csv|.json\n"
	        "                       [--report BERICHT.html] [--senders DATEI]\n"
	        "                       [--accept-key NAME] [--form FORMULAR] DATEI…\n"
	        "                       Exporte der Kommunen entschlüsseln, prüfen,\n"
	        "                       zusammenführen; Häufigkeitsbericht\n"), out);
}

/* --help, last part: the options all or many commands share, exit status. */
static void usage_options(FILE *out)
{
	fputs("  fragebogen --help | --version\n", out);
	fputs("\n", out);
	fputs(_("Für alle Befehle:\n"
	        "  --lang de|en         Sprache der Oberfläche und der Meldungen (sonst nach\n"
	        "                       LANGUAGE, LC_ALL, LC_MESSAGES, LANG; Vorgabe Deutsch)\n"),
	      out);
	fputs("\n", out);
	fputs(_("Optionen der Speicherbefehle:\n"
	        "  --store ORDNER       Speicherort (sonst FRAGEBOGEN_STORE oder\n"
	        "                       $XDG_DATA_HOME/fragebogen)\n"
	        "  --form DATEI         Fragebogen (sonst der mitgelieferte DESI-Fragebogen)\n"
	        "  --passphrase-file DATEI\n"
	        "                       Passwort aus einer Datei statt vom Terminal (auch\n"
	        "                       FRAGEBOGEN_PASSPHRASE_FILE)\n"
	        "  --kdf-cost STUFE     Aufwand der Schlüsselableitung bei init und passwd:\n"
	        "                       moderate (Vorgabe), interactive, sensitive; test nur\n"
	        "                       für automatische Tests\n"), out);
	fputs("\n", out);
	fputs(_("Rückgabewerte: 0 in Ordnung, 1 Probleme in der Eingabe, 2 falscher Aufruf.\n"),
	      out);
}

/* The overview of all commands (--help); one message per block. */
static void usage(FILE *out)
{
	usage_forms(out);
	usage_store(out);
	usage_options(out);
}

/* Take --lang out of the arguments and set up the interface language. */
static int language(int *argc, char **argv)
{
	int bad = 0;
	const char *lang = argx_take(argc, argv, "--lang", NULL, true, &bad);
	if (bad == 0 && i18n_init(lang, paths_locale_dir()) == 0)
		return 0;
	i18n_init(NULL, paths_locale_dir());
	fprintf(stderr, _("fragebogen: --lang kennt de (Deutsch) und en (Englisch), nicht „%s“\n"),
	        lang ? lang : "");
	return -1;
}

int main(int argc, char **argv)
{
	json_allocator(); /* before anything parses or builds JSON */
	setlocale(LC_ALL, "");
	/* Numbers in files and expressions always have a decimal point; the
	 * interface writes German decimal commas itself. */
	setlocale(LC_NUMERIC, "C");
	if (language(&argc, argv) < 0)
		return 2;
	no_core_dumps();
	if (sodium_init() < 0) {
		fputs(_("fragebogen: die Kryptobibliothek lässt sich nicht starten\n"), stderr);
		return 1;
	}
	fio_fault_from_env();
	if (argc < 2 || (argv[1][0] == '-' && strcmp(argv[1], "--help") != 0 &&
	                 strcmp(argv[1], "-h") != 0 && strcmp(argv[1], "--version") != 0))
		return tui_main(argc, argv);
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("fragebogen %s\n", FRAGEBOGEN_VERSION);
		return 0;
	}
	static const struct {
		const char *name;
		int (*fn)(int, char **);
	} cmds[] = {
		{"validate", validate_main}, {"print", print_main}, {"init", init_main},
		{"list", list_main},         {"show", show_main},   {"passwd", passwd_main},
		{"import", import_main},     {"codebook", codebook_main},
		{"keygen", keygen_main},     {"id", id_main},
		{"export", export_main},     {"simulate", simulate_main},
		{"aggregate", aggregate_main},
	};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(cmd, cmds[i].name) == 0)
			return cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, _("fragebogen: unbekannter Befehl „%s“ (siehe fragebogen --help)\n"), cmd);
	return 2;
}
