/* werving-shortlist-row.h: one candidate on a vacancy's shortlist, with its
 * stage and private note, saved to the portal as they change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-client.h"

G_BEGIN_DECLS

#define WERVING_TYPE_SHORTLIST_ROW (werving_shortlist_row_get_type ())
G_DECLARE_FINAL_TYPE (WervingShortlistRow, werving_shortlist_row, WERVING, SHORTLIST_ROW, GtkListBoxRow)

/* How far the row's stage and note are from the portal's copy. */
typedef enum
{
  WERVING_SAVE_STATE_SAVED,
  WERVING_SAVE_STATE_PENDING,  /* changed, waiting for typing to pause */
  WERVING_SAVE_STATE_SAVING,
  WERVING_SAVE_STATE_FAILED,   /* kept in the row; Retry sends it again */
} WervingSaveState;

/* The note is saved this long after the last keystroke. */
#define WERVING_SHORTLIST_NOTE_DEBOUNCE_MS 800

/* The translated name of werving_shortlist_stages[@index]. */
const char            *werving_shortlist_stage_label        (guint                  index);

WervingShortlistRow   *werving_shortlist_row_new            (WervingClient         *client,
                                                             gint64                 vacancy_id,
                                                             WervingShortlistEntry *entry);
WervingShortlistEntry *werving_shortlist_row_get_entry      (WervingShortlistRow   *self);
WervingSaveState       werving_shortlist_row_get_save_state (WervingShortlistRow   *self);
/* Sends a pending note change now instead of after the pause. */
void                   werving_shortlist_row_flush          (WervingShortlistRow   *self);

G_END_DECLS
