/*
 * main: entry point; dispatches to the subcommands.
 */
#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "cli/cli.h"
#include "store/fio.h"

/* No core dumps: they would put keys and answers on disk in plain text. */
static void no_core_dumps(void)
{
	struct rlimit rl = {0, 0};
	setrlimit(RLIMIT_CORE, &rl);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

static void usage(FILE *out)
{
	fputs("fragebogen – Fragebögen im Terminal ausfüllen, verschlüsselt speichern und\n"
	      "an das Studienteam senden.\n"
	      "\n"
	      "Aufruf:\n"
	      "  fragebogen [--form FORMULAR] [--store ORDNER] [--idle-lock SEKUNDEN]\n"
	      "      Öffnet die Oberfläche: Übersicht der Antworten, neuen Fragebogen\n"
	      "      beginnen, Entwürfe fortsetzen, Abgeschlossenes korrigieren. Nach\n"
	      "      --idle-lock Sekunden ohne Eingabe (Vorgabe 600, 0 aus) sperrt sie sich.\n"
	      "  fragebogen validate [--walks N] [--seed ZAHL] FORMULAR…\n"
	      "      Prüft Formulardateien (JSON). Mit --walks macht es N Zufallsdurchläufe\n"
	      "      und meldet nie erreichte Fragen, Prüfungen, die nie oder immer\n"
	      "      auslösen, und Laufzeitfehler in Ausdrücken.\n"
	      "  fragebogen print FORMULAR\n"
	      "      Gibt den Fragebogen als lesbaren Text aus (Fragen, Antworten mit\n"
	      "      Codes, Filter und Prüfungen), etwa zum Korrekturlesen.\n"
	      "  fragebogen codebook FORMULAR [-o DATEI.md|DATEI.html]\n"
	      "      Codebuch für die Auswertung: Variablen mit Labels, Codes und\n"
	      "      Fehlwerten, Filter und Prüfungen in Worten, berechnete Werte.\n"
	      "  fragebogen init       Verschlüsselten Speicher einrichten (Passwort,\n"
	      "                       Wiederherstellungscode)\n"
	      "  fragebogen list [--json]\n"
	      "                       Gespeicherte Antworten: Kommune, Status, Fortschritt\n"
	      "  fragebogen show [--json] ID\n"
	      "                       Eine Antwort als lesbarer Text\n"
	      "  fragebogen import DATEI\n"
	      "                       Antworten aus JSON oder CSV übernehmen (geprüft)\n"
	      "  fragebogen passwd [--recovery]\n"
	      "                       Passwort ändern (mit dem Wiederherstellungscode)\n"
	      "  fragebogen keygen -o DATEI\n"
	      "                       Schlüsselpaar des Studienteams (age) erzeugen\n"
	      "  fragebogen id [-o DATEI.pub]\n"
	      "                       Signaturschlüssel des Speichers mit Fingerabdruck\n"
	      "  fragebogen export [--format age|csv|json|sav|dta] [-o DATEI] [ID …]\n"
	      "                       Abgeschlossene Antworten ausgeben: ohne --format\n"
	      "                       verschlüsselt und signiert für das Studienteam\n"
	      "                       (--recipient age1…, --audit, --sender NAME), sonst\n"
	      "                       unverschlüsselt für die Kommune (--all, --csv-profile\n"
	      "                       excel-de|rfc4180)\n"
	      "  fragebogen simulate --count N [--seed ZAHL]\n"
	      "                       N zufällige, abgeschlossene Testantworten speichern\n"
	      "  fragebogen aggregate -i SCHLÜSSEL -o AUSGABE.sav|.dta|.csv|.json\n"
	      "                       [--report BERICHT.html] [--senders DATEI]\n"
	      "                       [--accept-key NAME] [--form FORMULAR] DATEI…\n"
	      "                       Exporte der Kommunen entschlüsseln, prüfen,\n"
	      "                       zusammenführen; Häufigkeitsbericht\n"
	      "  fragebogen --help | --version\n"
	      "\n"
	      "Optionen der Speicherbefehle:\n"
	      "  --store ORDNER       Speicherort (sonst FRAGEBOGEN_STORE oder\n"
	      "                       $XDG_DATA_HOME/fragebogen)\n"
	      "  --form DATEI         Fragebogen (sonst der mitgelieferte DESI-Fragebogen)\n"
	      "  --passphrase-file DATEI\n"
	      "                       Passwort aus einer Datei statt vom Terminal (auch\n"
	      "                       FRAGEBOGEN_PASSPHRASE_FILE)\n"
	      "  --kdf-cost STUFE     Aufwand der Schlüsselableitung bei init und passwd:\n"
	      "                       moderate (Vorgabe), interactive, sensitive; test nur\n"
	      "                       für automatische Tests\n"
	      "\n"
	      "Rückgabewerte: 0 in Ordnung, 1 Probleme in der Eingabe, 2 falscher Aufruf.\n",
	      out);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	no_core_dumps();
	if (sodium_init() < 0) {
		fputs("fragebogen: die Kryptobibliothek lässt sich nicht starten\n", stderr);
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
	fprintf(stderr, "fragebogen: unbekannter Befehl „%s“ (siehe fragebogen --help)\n", cmd);
	return 2;
}
