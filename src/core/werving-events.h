/* werving-events.h: live updates over the portal's events WebSocket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "werving-client.h"

G_BEGIN_DECLS

#define WERVING_TYPE_EVENTS (werving_events_get_type ())
G_DECLARE_FINAL_TYPE (WervingEvents, werving_events, WERVING, EVENTS, GObject)

/* Emits ::message-created (WervingMessage) and ::thread-updated
 * (WervingThread). Reconnects with backoff when the connection fails or
 * closes, and when no frame (the portal sends a heartbeat every 15 s)
 * arrived for heartbeat-timeout seconds.
 */
WervingEvents *werving_events_new           (WervingClient *client);
void           werving_events_start         (WervingEvents *self);
void           werving_events_stop          (WervingEvents *self);
gboolean       werving_events_get_connected (WervingEvents *self);

G_END_DECLS
