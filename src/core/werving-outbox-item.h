/* werving-outbox-item.h: one operation waiting in the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  WERVING_OUTBOX_STATE_PENDING,  /* waiting to be sent (again) */
  WERVING_OUTBOX_STATE_SENDING,
  WERVING_OUTBOX_STATE_FAILED,   /* refused by the portal: needs the user */
} WervingOutboxState;

#define WERVING_TYPE_OUTBOX_STATE (werving_outbox_state_get_type ())
GType werving_outbox_state_get_type (void) G_GNUC_CONST;

/* What an item does; also the "kind" member in outbox.json. */
#define WERVING_OUTBOX_SEND_MESSAGE   "message.send"
#define WERVING_OUTBOX_CREATE_THREAD  "thread.create"
#define WERVING_OUTBOX_CREATE_VACANCY "vacancy.create"
#define WERVING_OUTBOX_UPDATE_VACANCY "vacancy.update"

#define WERVING_TYPE_OUTBOX_ITEM (werving_outbox_item_get_type ())
G_DECLARE_FINAL_TYPE (WervingOutboxItem, werving_outbox_item, WERVING, OUTBOX_ITEM, GObject)

const char         *werving_outbox_item_get_id              (WervingOutboxItem *self);
const char         *werving_outbox_item_get_kind            (WervingOutboxItem *self);
const char         *werving_outbox_item_get_idempotency_key (WervingOutboxItem *self);
/* The thread of a message, the vacancy of an update or of a new thread. */
gint64              werving_outbox_item_get_target_id       (WervingOutboxItem *self);
/* The request body as it will be sent. */
JsonNode           *werving_outbox_item_get_body            (WervingOutboxItem *self);
/* The text the user wrote (message or thread body), or the vacancy title. */
const char         *werving_outbox_item_get_text            (WervingOutboxItem *self);
WervingOutboxState  werving_outbox_item_get_state           (WervingOutboxItem *self);
guint               werving_outbox_item_get_attempts        (WervingOutboxItem *self);
/* Why the last attempt did not deliver it: a translated sentence, or NULL. */
const char         *werving_outbox_item_get_reason          (WervingOutboxItem *self);
GDateTime          *werving_outbox_item_get_created_at      (WervingOutboxItem *self);

G_END_DECLS
