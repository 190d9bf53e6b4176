/* werving-error-private.h: building WERVING_ERRORs from problem documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "werving-error.h"

G_BEGIN_DECLS

/* Builds the error for a non-2xx answer. `body` may be NULL or not a problem
 * document; `retry_after_header` is the Retry-After header or NULL.
 */
GError *werving_error_new_from_problem (guint       status,
                                        JsonNode   *body,
                                        const char *retry_after_header);

/* Maps a GIO/TLS/libsoup error to WERVING_ERROR_NETWORK, _TLS_CERTIFICATE or
 * _CANCELLED, keeping the message; WERVING_ERRORs pass through.
 */
GError *werving_error_new_from_transport (const GError *error,
                                          const char   *certificate_fingerprint);

void    werving_error_set_retry_after    (GError *error,
                                          gint64  seconds);

G_END_DECLS
