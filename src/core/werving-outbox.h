/* werving-outbox.h: outgoing operations that survive a missing network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "werving-client.h"
#include "werving-outbox-item.h"

G_BEGIN_DECLS

#define WERVING_TYPE_OUTBOX (werving_outbox_get_type ())
G_DECLARE_FINAL_TYPE (WervingOutbox, werving_outbox, WERVING, OUTBOX, GObject)

/* g_get_user_data_dir ()/werving/<sha256 of portal and e-mail>/outbox.json */
char              *werving_outbox_get_default_path (const char        *portal,
                                                    const char        *email);

/* A GListModel of WervingOutboxItem, oldest first, loaded from @path (a
 * missing file is an empty outbox). Items are sent in order, one at a time,
 * whenever the client is signed in; unreachable portals are retried with
 * exponential backoff, and at once when the network comes back
 * (GNetworkMonitor) or any request of the client reaches the portal again
 * (WervingClient:reachable). The file is rewritten (atomically, mode 0600) on
 * every change and removed, with the items, when the client signs out.
 */
WervingOutbox     *werving_outbox_new              (WervingClient     *client,
                                                    const char        *path,
                                                    GError           **error);

WervingOutboxItem *werving_outbox_send_message     (WervingOutbox     *self,
                                                    gint64             thread_id,
                                                    const char        *body);
WervingOutboxItem *werving_outbox_create_thread    (WervingOutbox     *self,
                                                    gint64             vacancy_id,
                                                    gint64             cv_id,
                                                    const char        *body);
WervingOutboxItem *werving_outbox_create_vacancy   (WervingOutbox     *self,
                                                    WervingVacancy    *vacancy);
WervingOutboxItem *werving_outbox_update_vacancy   (WervingOutbox     *self,
                                                    WervingVacancy    *vacancy);

/* Tries now instead of waiting for the backoff (e.g. network came back). */
void               werving_outbox_flush            (WervingOutbox     *self);
/* Puts a failed item back in the queue. */
void               werving_outbox_retry            (WervingOutbox     *self,
                                                    WervingOutboxItem *item);
/* Removes an item that is not being sent. */
gboolean           werving_outbox_discard          (WervingOutbox     *self,
                                                    WervingOutboxItem *item);
/* Removes every item and the file. */
void               werving_outbox_wipe             (WervingOutbox     *self);

const char        *werving_outbox_get_path         (WervingOutbox     *self);

G_END_DECLS
