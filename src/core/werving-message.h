/* werving-message.h: one message in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WERVING_TYPE_MESSAGE (werving_message_get_type ())
G_DECLARE_FINAL_TYPE (WervingMessage, werving_message, WERVING, MESSAGE, GObject)

WervingMessage *werving_message_new            (void);
WervingMessage *werving_message_new_from_json  (JsonNode  *node,
                                                GError   **error);
gint64          werving_message_get_id         (WervingMessage *self);
gint64          werving_message_get_thread_id  (WervingMessage *self);
const char     *werving_message_get_sender     (WervingMessage *self);
const char     *werving_message_get_body       (WervingMessage *self);
GDateTime      *werving_message_get_created_at (WervingMessage *self);

G_END_DECLS
