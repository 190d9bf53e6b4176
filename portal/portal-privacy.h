/* portal-privacy.h: R1 helpers — free-text scrubbing and coarse personalia
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What replaces a scrubbed span. */
#define PORTAL_PRIVACY_REDACTED "[verwijderd]"

/* The words of a person's names worth scrubbing: "Jan", "Vries" for
 * "Jan" + "de Vries" (surname particles are common words and stay). */
GStrv       portal_privacy_name_words (const char *first_name,
                                       const char *last_name);

/* A copy of @text with e-mail addresses, web links, phone numbers and other
 * long digit runs (BSN, IBAN digits), Dutch postcodes and every whole-word,
 * case-insensitive occurrence of @name_words (may be NULL) replaced by
 * PORTAL_PRIVACY_REDACTED. @text must be UTF-8; invalid UTF-8 gives "". */
char       *portal_privacy_scrub      (const char         *text,
                                       const char * const *name_words);

/* "18-24", "25-34", "35-44", "45-54", "55-64", "65+" (or "15-17") for a
 * birth date "YYYY-MM-DD" at @now_unix; NULL when the date is malformed. */
const char *portal_privacy_age_band   (const char *birth_date,
                                       gint64      now_unix);

G_END_DECLS
