/* werving-shortlist-entry.h: one CV on a vacancy's shortlist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "werving-cv-summary.h"

G_BEGIN_DECLS

/* The stages a shortlisted candidate moves through, in order. */
#define WERVING_SHORTLIST_N_STAGES 6
extern const char * const werving_shortlist_stages[WERVING_SHORTLIST_N_STAGES + 1];

/* The longest private note the API accepts, in characters. */
#define WERVING_SHORTLIST_NOTE_MAX 2000

#define WERVING_TYPE_SHORTLIST_ENTRY (werving_shortlist_entry_get_type ())
G_DECLARE_FINAL_TYPE (WervingShortlistEntry, werving_shortlist_entry, WERVING, SHORTLIST_ENTRY, GObject)

WervingShortlistEntry *werving_shortlist_entry_new_from_json  (JsonNode               *node,
                                                               GError                **error);
gint64                 werving_shortlist_entry_get_cv_id      (WervingShortlistEntry  *self);
const char            *werving_shortlist_entry_get_stage      (WervingShortlistEntry  *self);
void                   werving_shortlist_entry_set_stage      (WervingShortlistEntry  *self,
                                                               const char             *stage);
const char            *werving_shortlist_entry_get_note       (WervingShortlistEntry  *self);
void                   werving_shortlist_entry_set_note       (WervingShortlistEntry  *self,
                                                               const char             *note);
GDateTime             *werving_shortlist_entry_get_added_at   (WervingShortlistEntry  *self);
GDateTime             *werving_shortlist_entry_get_updated_at (WervingShortlistEntry  *self);
/* FALSE once the CV's owner hid it or let it expire; there is no summary then. */
gboolean               werving_shortlist_entry_get_available  (WervingShortlistEntry  *self);
WervingCvSummary      *werving_shortlist_entry_get_summary    (WervingShortlistEntry  *self);
/* Takes the stage, note and dates of @other (the portal's answer to a put). */
void                   werving_shortlist_entry_update_from    (WervingShortlistEntry  *self,
                                                               WervingShortlistEntry  *other);
gboolean               werving_shortlist_stage_is_valid       (const char             *stage);

G_END_DECLS
