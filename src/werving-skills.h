/* werving-skills.h: a static vocabulary of common skills and occupations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One ISCO-08 occupation as Dutch portals name it. */
typedef struct
{
  const char *code;   /* four digits */
  const char *label;
} WervingOccupation;

/* Skills are search terms matched exactly by the portal, so they stay in the
 * portal's language (Dutch and trade names), not translated.
 */
const char * const      *werving_skills_get_all          (void);
/* Skills whose words start with @prefix (case-insensitive), skipping those in
 * @exclude; at most @max_results. (transfer container): free with g_free.
 */
const char             **werving_skills_complete         (const char         *prefix,
                                                          const char * const *exclude,
                                                          guint               max_results);
/* Splits "java, SQL ,,Git" into trimmed, non-empty, de-duplicated entries. */
char                   **werving_skills_split            (const char         *text);

const WervingOccupation *werving_occupations_get_all     (guint              *n_occupations);
/* Occupations whose label or code starts with @prefix (case-insensitive). */
GPtrArray               *werving_occupations_complete    (const char         *prefix,
                                                          guint               max_results);
/* The four-digit code in @text: a bare code, "Label (1234)" or a known label.
 * NULL when @text names no occupation. (transfer full)
 */
char                    *werving_occupations_find_code   (const char         *text);
const WervingOccupation *werving_occupations_lookup_code (const char         *code);

G_END_DECLS
