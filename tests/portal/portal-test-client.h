/* portal-test-client.h: a werving-portal child process and an HTTP client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  GSubprocess *process;
  char        *dir;      /* temporary directory holding the database */
  char        *db_path;
  char        *base_uri; /* "http://127.0.0.1:PORT/" */
  SoupSession *session;
} PortalTestServer;

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  JsonNode           *json;   /* NULL when the body is empty or not JSON */
  char               *body;
} PortalTestReply;

/* Starts werving-portal --port 0 --db <tmp>/p.db plus @extra_args (NULL
 * terminated) and waits for its "listening on" line. */
PortalTestServer *portal_test_server_start (const char * const *extra_args);
void              portal_test_server_stop  (PortalTestServer   *server);

/* Runs "werving-portal admin ACTION --db <db> --email EMAIL". */
void              portal_test_server_admin (PortalTestServer   *server,
                                            const char         *action,
                                            const char         *email);

/* One request; @body_json may be NULL. @headers is NULL or a NULL
 * terminated name, value, name, value... list. */
PortalTestReply  *portal_test_request      (PortalTestServer   *server,
                                            const char         *method,
                                            const char         *path,
                                            const char         *token,
                                            const char         *body_json,
                                            const char * const *headers);
/* The same with a raw body of @length bytes. */
PortalTestReply  *portal_test_request_raw  (PortalTestServer   *server,
                                            const char         *method,
                                            const char         *path,
                                            const char         *token,
                                            const char         *content_type,
                                            const char         *body,
                                            gsize               length,
                                            const char * const *headers);
void              portal_test_reply_free   (PortalTestReply    *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortalTestReply, portal_test_reply_free)

JsonObject       *portal_test_reply_object (PortalTestReply    *reply);
/* Asserts a problem document of @name ("validation", ...) with @status. */
void              portal_test_assert_problem (PortalTestReply  *reply,
                                              guint             status,
                                              const char       *name);
/* TRUE when the validation problem lists an error for @field. */
gboolean          portal_test_has_field_error (PortalTestReply *reply,
                                               const char      *field);

/* Signs in and returns the access token (asserts 201). */
char             *portal_test_sign_in      (PortalTestServer   *server,
                                            const char         *email,
                                            const char         *password);
/* Registers an organisation and returns its access token. */
char             *portal_test_register     (PortalTestServer   *server,
                                            const char         *kvk,
                                            const char         *email);

#define PORTAL_TEST_PASSWORD "werving-demo-1"

G_END_DECLS
