/* portal-events.h: the live events channel (GET /v1/events, WebSocket)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "portal-auth.h"

G_BEGIN_DECLS

#define PORTAL_EVENTS_HEARTBEAT_SECONDS 15

#define PORTAL_TYPE_EVENTS (portal_events_get_type ())
G_DECLARE_FINAL_TYPE (PortalEvents, portal_events, PORTAL, EVENTS, GObject)

PortalEvents *portal_events_new            (void);
/* Keeps @connection until it closes and sends it the events of one account. */
void          portal_events_add_connection (PortalEvents             *self,
                                            SoupWebsocketConnection  *connection,
                                            PortalAccountKind         kind,
                                            gint64                    account_id,
                                            gint64                    session_id);
/* Closes the connections opened with a session that was signed out. */
void          portal_events_close_session  (PortalEvents             *self,
                                            gint64                    session_id);
/* Sends @event as one text frame to every connection of the account. */
void          portal_events_send           (PortalEvents             *self,
                                            PortalAccountKind         kind,
                                            gint64                    account_id,
                                            JsonObject               *event);
guint         portal_events_get_n_connections (PortalEvents          *self);
void          portal_events_close_all      (PortalEvents             *self);

G_END_DECLS
