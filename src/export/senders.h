/*
 * senders: the study team's record of which Kommune signs with which key,
 * kept beside the team's identity file ("team.key.senders"). A sender is
 * remembered on first sight; a later file under the same name with another
 * key is flagged, never trusted silently.
 *
 * File: UTF-8 text, one sender per line, "<public key>\t<first seen>\t<name>",
 * lines starting with '#' are comments. Read and saved through util/fio (so
 * tests can make any call fail); saved whole with fio_replace(), readable by
 * its owner only (0600): it says which Kommunen take part.
 *
 * Ownership: senders_free() releases what senders_load() filled.
 * Errors: 0/-1 with a German message.
 */
#ifndef FB_SENDERS_H
#define FB_SENDERS_H

#include <stdbool.h>
#include <stddef.h>

struct sender {
	char *pubkey, *first_seen, *name;
};

struct senders {
	char *path;
	struct sender *v;
	int n;
	bool dirty;
};

enum senders_verdict {
	SENDER_NEW,       /* first file from this name: key remembered */
	SENDER_KNOWN,     /* the key on record */
	SENDER_CHANGED,   /* another key than on record: do not trust */
	SENDER_ACCEPTED,  /* another key, accepted on request: record replaced */
	SENDER_OTHER_NAME,/* a new name with a key on record under another name */
};

/* Load 'path' (a missing file is an empty record). */
__attribute__((warn_unused_result))
int senders_load(struct senders *s, const char *path, char *err, size_t errlen);
/*
 * Judge the key of a file from 'name'; records new names (and, with
 * 'accept', a changed key) in memory. 'today' is "YYYY-MM-DD".
 */
enum senders_verdict senders_check(struct senders *s, const char *name, const char *pubkey,
                                   bool accept, const char *today);
/*
 * A sender's name as it is compared and recorded, as a new string (free()
 * it): characters that change how a name looks but not what it says are
 * dropped (C0 and C1 controls, bidirectional embeddings, overrides and
 * isolates, zero-width spaces and joiners, the byte order mark), blanks
 * (space, tab, no-break and ideographic space) are trimmed at both ends and
 * collapsed to one space, and invalid UTF-8 becomes U+FFFD. So "Stadt A " or
 * "Stadt\u200bA" is not a second Kommune beside "Stadt A", and no name can
 * break the senders file's lines or columns. A name with nothing left is
 * "(ohne Namen)".
 */
char *senders_clean_name(const char *name);
/* The name a key is on record under, or NULL. */
const char *senders_name_of(const struct senders *s, const char *pubkey);
/* Save if anything changed. */
__attribute__((warn_unused_result))
int senders_save(struct senders *s, char *err, size_t errlen);
void senders_free(struct senders *s);

#endif
