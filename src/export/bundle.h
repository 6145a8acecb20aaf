/*
 * bundle: the file a Kommune sends to the study team, and how the team
 * opens it. docs/file-formats.md describes every field.
 *
 * The document is JSON: form id and version, the recipient, the sender's
 * public key and name, the data dictionary ("variables", see table.h) and
 * the responses (uuid, status, revision, timestamps, one value per
 * variable, optionally the audit trail). To seal it, the dictionary is taken
 * out as its own text ("variables") and the document names its BLAKE2b
 * hash instead; the document is signed with the Kommune's Ed25519 key
 * (minisign format, so the signature covers the recipient and, through the
 * hash, the dictionary), wrapped as {"variables": "<text>", "document":
 * "<text>", "signature": "<minisig>"} and encrypted in the age v1 format to
 * the study team's recipient. A detached minisign signature of the .age
 * file goes beside it. Files of one form version share one dictionary, so
 * an aggregation parses it once (struct bundle_dicts).
 *
 * Ownership: strings and buffers returned are malloc'ed, the caller frees
 * them; bundle_free() releases an opened bundle.
 * Errors: functions return 0 or -1, or an enum bundle_status, and write a
 * German message into err; nothing exits.
 */
#ifndef FB_BUNDLE_H
#define FB_BUNDLE_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto/sign.h"
#include "export/dataset.h"
#include "util/uuid.h"

struct bundle_sender {
	const char *name;                /* the Kommune, as shown to the team */
	const uint8_t *pk;               /* Ed25519 public key (32 bytes) */
	const uint8_t *sk;               /* Ed25519 secret key (64 bytes), to seal */
};

/*
 * The document (unsigned JSON text) for the rows of d. 'audit' is NULL or
 * holds per row a cJSON array (borrowed) or NULL. 'recipient' and 'sender'
 * may be NULL for a plain export. 'now' is the creation time.
 */
char *bundle_document(const struct dataset *d, void *const *audit, const char *recipient,
                      const struct bundle_sender *sender, int64_t now);

/*
 * Build, sign and encrypt the document of d (arguments as for
 * bundle_document(), the sender required): the document names 'recipient',
 * and is encrypted to it. *age gets the .age file, *minisig the detached
 * signature of that file (comment: its trusted comment); both are the
 * caller's to free().
 */
__attribute__((warn_unused_result))
int bundle_seal(const struct dataset *d, void *const *audit, const char *recipient,
                const struct bundle_sender *s, int64_t now, const char *comment, uint8_t **age,
                size_t *agelen, char **minisig, char *err, size_t errlen);

/* Bytes of a response's hash of its values (not a UUID). */
#define BUNDLE_HASH_BYTES 16

enum bundle_status {
	BUNDLE_OK,
	BUNDLE_NOT_FOR_US,     /* encrypted to another recipient */
	BUNDLE_DAMAGED,        /* not an age file, or changed or cut short */
	BUNDLE_NOT_A_BUNDLE,   /* decrypts, but is not an export of this program */
	BUNDLE_BAD_SIGNATURE,  /* the content does not match the sender's signature */
	BUNDLE_FORWARDED,      /* signed for another recipient, re-encrypted to us */
};

struct bundle_response {
	char uuid[UUID_TEXT];
	int revision;
	int status;            /* 1 draft, 2 complete */
	uint8_t hash[BUNDLE_HASH_BYTES]; /* of its values: conflict or duplicate */
	const void *values;    /* cJSON array, one value per variable */
	const void *audit;     /* cJSON array or NULL */
};

/* Dictionaries already read, by hash; safe to share between threads. */
struct bundle_dicts {
	pthread_mutex_t mu;
	struct bundle_dict **v;
	int n;
};
void bundle_dicts_init(struct bundle_dicts *c);
void bundle_dicts_free(struct bundle_dicts *c);

struct bundle {
	char *sender_name;
	char *pubkey;          /* minisign base64 line */
	struct sign_pub pub;
	char *created;
	const struct table *t; /* its dictionary: 'own' or one in the cache */
	struct table own;
	struct bundle_response *resp;
	int nresp;
	void *doc;             /* the parsed document (cJSON), owns values */
};

/*
 * Open a .age file with the team's identity: decrypt, check that it was
 * signed for this recipient by the key it names, and read it. 'dicts' (may
 * be NULL) keeps dictionaries for the next files.
 */
__attribute__((warn_unused_result))
enum bundle_status bundle_open(const char *identity, const uint8_t *file, size_t n,
                               struct bundle_dicts *dicts, struct bundle *b, char *err,
                               size_t errlen);
/* Read an unencrypted document (a plain JSON export). */
__attribute__((warn_unused_result))
int bundle_read_document(const char *text, size_t n, struct bundle *b, char *err,
                         size_t errlen);
void bundle_free(struct bundle *b);

/*
 * Copy response i into a new row of d: its values go to d's columns of the
 * same names (colmap[k] = d's column of the bundle's column k, or -1).
 */
int bundle_add_row(const struct bundle *b, int i, struct dataset *d, const int *colmap);
/* Overwrite row 'row' of d with response i (all mapped cells replaced). */
void bundle_set_row(const struct bundle *b, int i, struct dataset *d, int row,
                    const int *colmap);

#endif
