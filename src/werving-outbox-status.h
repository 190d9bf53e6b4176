/* werving-outbox-status.h: the state of one outbox item, with Retry and
 * Discard when the portal refused it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-outbox.h"

G_BEGIN_DECLS

#define WERVING_TYPE_OUTBOX_STATUS (werving_outbox_status_get_type ())
G_DECLARE_FINAL_TYPE (WervingOutboxStatus, werving_outbox_status, WERVING, OUTBOX_STATUS, GtkWidget)

GtkWidget         *werving_outbox_status_new      (void);
/* Shows @item of @outbox ("Waiting to send", "Sending…", "Failed: …" with
 * Retry and Discard); hidden while @item is NULL. */
void               werving_outbox_status_set_item (WervingOutboxStatus *self,
                                                   WervingOutbox       *outbox,
                                                   WervingOutboxItem   *item);
WervingOutboxItem *werving_outbox_status_get_item (WervingOutboxStatus *self);
/* The sentence shown, NULL while hidden (tests). */
const char        *werving_outbox_status_get_text (WervingOutboxStatus *self);

G_END_DECLS
