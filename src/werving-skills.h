/* werving-skills.h: completing and parsing skills and occupations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Skills whose words start with @prefix (case-insensitive), skipping those in
 * @exclude; at most @max_results. Skills are matched literally by the portal,
 * so they stay in its language. (transfer container): free with g_free.
 */
const char             **werving_skills_complete         (const char         *prefix,
                                                          const char * const *exclude,
                                                          guint               max_results);
/* Splits "java, SQL ,,Git" into trimmed, non-empty, de-duplicated entries. */
char                   **werving_skills_split            (const char         *text);

/* Occupations (const WervingOccupationItem *) whose shown or portal label
 * has a word, or whose code, starting with @prefix (case-insensitive).
 */
GPtrArray               *werving_occupations_complete    (const char         *prefix,
                                                          guint               max_results);
/* The four-digit code in @text: a bare code, "Label (1234)" or a known label.
 * NULL when @text names no occupation. (transfer full)
 */
char                    *werving_occupations_find_code   (const char         *text);

G_END_DECLS
