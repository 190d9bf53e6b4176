/* portal-request.h: one HTTP request being answered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "portal-auth.h"
#include "portal-error.h"
#include "portal-server.h"

G_BEGIN_DECLS

typedef struct _PortalRequest PortalRequest;

struct _PortalRequest
{
  PortalServer      *server;        /* unowned: outlives every request */
  SoupServerMessage *msg;
  GHashTable        *query;         /* char * → char * */
  gint64             id;            /* the {id} of the path, 0 if none */
  gint64             sub_id;        /* the {cv_id} of the path, 0 if none */
  PortalAccountKind  account_kind;  /* NONE on public routes */
  gint64             account_id;
  gint64             session_id;
  JsonObject        *body;
  char              *idempotency_key;
  char              *request_hash;
  gboolean           paused;
  gboolean           replied;
};

PortalRequest *portal_request_new              (PortalServer       *server,
                                                SoupServerMessage  *msg,
                                                GHashTable         *query);
PortalRequest *portal_request_ref              (PortalRequest      *self);
void           portal_request_unref            (PortalRequest      *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortalRequest, portal_request_unref)

PortalStore   *portal_request_get_store        (PortalRequest      *self);
sqlite3       *portal_request_get_db           (PortalRequest      *self);

/* The body as a JSON object, parsed once; PORTAL_ERROR_BAD_REQUEST if it is
 * not one. */
JsonObject    *portal_request_get_body         (PortalRequest      *self,
                                                GError            **error);
/* cursor= and limit= (1..100, default 20); bad values are a bad request. */
gboolean       portal_request_get_paging       (PortalRequest      *self,
                                                const char        **cursor,
                                                guint              *limit,
                                                GError            **error);

/* Keeps the message open across an asynchronous step. */
void           portal_request_pause            (PortalRequest      *self);

void           portal_request_reply_json       (PortalRequest      *self,
                                                guint               status,
                                                JsonObject         *object);
void           portal_request_reply_empty      (PortalRequest      *self,
                                                guint               status);
/* An RFC 9457 problem for @error (a PORTAL_ERROR, anything else is
 * internal); @field_errors for validation, @extra members merged in (a
 * "retry_after" member also sets the Retry-After header). */
void           portal_request_reply_error      (PortalRequest      *self,
                                                const GError       *error,
                                                JsonArray          *field_errors,
                                                JsonObject         *extra);
void           portal_request_reply_problem    (PortalRequest      *self,
                                                PortalErrorCode     code,
                                                const char         *detail);
/* Replays a stored answer (idempotency). */
void           portal_request_reply_raw        (PortalRequest      *self,
                                                guint               status,
                                                const char         *content_type,
                                                GBytes             *body);
void           portal_request_set_header       (PortalRequest      *self,
                                                const char         *name,
                                                const char         *value);

/* Writes a problem straight on a message, outside the router. */
void           portal_message_reply_problem    (SoupServerMessage  *msg,
                                                PortalErrorCode     code,
                                                const char         *detail);

G_END_DECLS
