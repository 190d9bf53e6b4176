/* werving-client-private.h: what the outbox, the events channel and the
 * resource files share with the client's request machinery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "werving-client.h"

G_BEGIN_DECLS

typedef enum
{
  WERVING_REQUEST_NONE = 0,
  WERVING_REQUEST_AUTH = 1 << 0,     /* send the bearer token; refresh once on 401 */
  WERVING_REQUEST_NO_RETRY = 1 << 1, /* with AUTH: no refresh on 401 */
} WervingRequestFlags;

/* Parses a 2xx body into the result object; NULL with an error. */
typedef gpointer (*WervingParseFunc) (JsonNode  *node,
                                      GError   **error);

/* One API call: sends @method @path (with query, below /v1) and hands the
 * 2xx body to @parse (an object result), or to @item_parse as the items of a
 * page, or, when both are NULL, finishes with TRUE (204 answers).
 * @body is a JSON value or NULL. Finish with werving_client_call_finish.
 */
void      werving_client_call_async     (WervingClient        *self,
                                         const char           *method,
                                         const char           *path,
                                         JsonNode             *body,
                                         const char           *idempotency_key,
                                         WervingRequestFlags   flags,
                                         WervingParseFunc      parse,
                                         GType                 item_type,
                                         WervingItemParseFunc  item_parse,
                                         gpointer              source_tag,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* Returns (transfer full) the object, or TRUE cast to a pointer for no-body
 * calls, or NULL with an error; checks @source_tag.
 */
gpointer  werving_client_call_finish    (WervingClient        *self,
                                         GAsyncResult         *result,
                                         gpointer              source_tag,
                                         GError              **error);

/* Refreshes the tokens (sharing one in-flight refresh between callers). */
void      werving_client_refresh_async  (WervingClient        *self,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  werving_client_refresh_finish (WervingClient        *self,
                                         GAsyncResult         *result,
                                         GError              **error);

SoupSession *werving_client_get_soup_session (WervingClient *self);
/* Replaces WERVING_CLIENT_TIMEOUT (seconds) for this client's requests, so
 * tests of a stalled portal need not wait 30 s.
 */
void         werving_client_set_timeout      (WervingClient *self,
                                              guint          seconds);
/* Builds the absolute URI of an API path ("/v1/events"); @websocket turns
 * http(s) into ws(s).
 */
GUri        *werving_client_build_uri        (WervingClient *self,
                                              const char    *path,
                                              gboolean       websocket);
/* Adds the bearer token and refuses redirects; returns the token
 * generation it used.
 */
guint        werving_client_authorize        (WervingClient *self,
                                              SoupMessage   *message);
guint        werving_client_get_token_generation (WervingClient *self);
/* Connects the trusted-fingerprint check to a message; the fingerprint of
 * the certificate the peer showed is then werving_message_peer_fingerprint.
 */
void         werving_client_watch_certificate (WervingClient *self,
                                               SoupMessage   *message);
const char  *werving_message_peer_fingerprint (SoupMessage   *message);

char        *werving_certificate_fingerprint  (GTlsCertificate *certificate);

G_END_DECLS
