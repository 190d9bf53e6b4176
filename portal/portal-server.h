/* portal-server.h: the HTTP server, routing and answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "portal-events.h"
#include "portal-store.h"

G_BEGIN_DECLS

/* Request bodies above this answer 413 payload-too-large. */
#define PORTAL_MAX_BODY (64 * 1024)

typedef struct
{
  guint cv_view_quota;   /* CV detail views per organisation per day (R4) */
  guint contact_quota;   /* new threads per organisation per day (R3) */
  guint access_ttl;      /* access-token lifetime in seconds */
} PortalServerOptions;

#define PORTAL_TYPE_SERVER (portal_server_get_type ())
G_DECLARE_FINAL_TYPE (PortalServer, portal_server, PORTAL, SERVER, GObject)

PortalServer              *portal_server_new         (PortalStore                *store,
                                                      const PortalServerOptions  *options);
/* Listens on @address:@port (0 picks a free port); HTTPS when
 * @certificate is set. */
gboolean                   portal_server_listen      (PortalServer               *self,
                                                      const char                 *address,
                                                      guint                       port,
                                                      GTlsCertificate            *certificate,
                                                      GError                    **error);
/* The base URI actually listened on, "http://127.0.0.1:PORT/". */
char                      *portal_server_get_uri     (PortalServer               *self);
void                       portal_server_disconnect  (PortalServer               *self);

PortalStore               *portal_server_get_store   (PortalServer               *self);
PortalEvents              *portal_server_get_events  (PortalServer               *self);
const PortalServerOptions *portal_server_get_options (PortalServer               *self);

G_END_DECLS
