/* werving-cv-format.h: how CV facts read in the interface
 *
 * Shared by the result rows and the CV view so both say the same thing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "MBO 4" for "mbo-4"; the code itself when unknown. */
const char *werving_format_education_level (const char         *level);
/* "Dutch" for "nl"; the code itself when unknown. */
const char *werving_format_language        (const char         *code);
/* The language codes a filter offers, NULL-terminated. */
const char * const *werving_format_get_language_codes (void);
/* "Anonymous" or "Open" */
const char *werving_format_visibility      (gboolean            anonymous);
/* "1.234" with the locale's grouping */
char       *werving_format_number          (gint64              value);
/* "24–32 hours a week"; "" when unknown */
char       *werving_format_hours           (gint64              hours_min,
                                            gint64              hours_max);
/* "23 Nov 2026" for "2026-11-23" (or "2026-11"); NULL when unparsable */
char       *werving_format_date            (const char         *iso_date);
/* "Available now" / "Available from 3 Dec 2026" */
char       *werving_format_available       (const char         *available_from);
/* "Updated today" / "Updated 3 days ago" / "Updated 12 Nov 2026" */
char       *werving_format_updated         (GDateTime          *updated_at);
/* "Dutch, English" */
char       *werving_format_languages       (const char * const *codes);
/* "Matches occupation, place and 2 skills"; NULL when @matched is empty */
char       *werving_format_matched         (const char * const *matched);
/* Skills as Pango markup, those in @matched ("skills:<name>") in bold and
 * highlighted.
 */
char       *werving_format_skills_markup   (const char * const *skills,
                                            const char * const *matched);
gboolean    werving_format_skill_matched   (const char         *skill,
                                            const char * const *matched);

G_END_DECLS
