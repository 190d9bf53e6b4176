/* portal-test-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "portal-test-client.h"

static const char *
portal_binary (void)
{
  const char *path = g_getenv ("WERVING_PORTAL");

  if (path == NULL)
    g_error ("WERVING_PORTAL is not set; run the tests through meson test");
  return path;
}

PortalTestServer *
portal_test_server_start (const char * const *extra_args)
{
  PortalTestServer *server = g_new0 (PortalTestServer, 1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  const char *prefix = "listening on ";

  server->dir = g_dir_make_tmp ("werving-portal-test-XXXXXX", &error);
  g_assert_no_error (error);
  server->db_path = g_build_filename (server->dir, "p.db", NULL);

  g_ptr_array_add (argv, (gpointer) portal_binary ());
  g_ptr_array_add (argv, (gpointer) "--port");
  g_ptr_array_add (argv, (gpointer) "0");
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, server->db_path);
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  /* The access log goes to stderr; keep it out of the test output unless
   * asked for. */
  server->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                       (g_getenv ("PORTAL_TEST_LOG") != NULL ? 0 : G_SUBPROCESS_FLAGS_STDERR_SILENCE),
                                       &error);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));
  server->base_uri = g_strdup (line + strlen (prefix));
  g_assert_true (g_str_has_prefix (server->base_uri, "http://127.0.0.1:"));

  server->session = soup_session_new_with_options ("timeout", 30, NULL);
  return server;
}

void
portal_test_server_stop (PortalTestServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&server->session);
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  /* A clean shutdown on SIGTERM exits 0. */
  g_assert_true (g_subprocess_get_if_exited (server->process));
  g_assert_cmpint (g_subprocess_get_exit_status (server->process), ==, 0);

  dir = g_dir_open (server->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (server->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (server->dir);
  g_clear_object (&server->process);
  g_free (server->dir);
  g_free (server->db_path);
  g_free (server->base_uri);
  g_free (server);
}

void
portal_test_server_admin (PortalTestServer *server,
                          const char       *action,
                          const char       *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) admin = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                                   portal_binary (), "admin", action,
                                                   "--db", server->db_path, "--email", email, NULL);

  g_assert_no_error (error);
  g_subprocess_wait_check (admin, NULL, &error);
  g_assert_no_error (error);
}

PortalTestReply *
portal_test_request_raw (PortalTestServer   *server,
                         const char         *method,
                         const char         *path,
                         const char         *token,
                         const char         *content_type,
                         const char         *body,
                         gsize               length,
                         const char * const *headers)
{
  g_autofree char *uri = g_strconcat (server->base_uri, path[0] == '/' ? path + 1 : path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PortalTestReply *reply = g_new0 (PortalTestReply, 1);
  SoupMessageHeaders *request_headers;
  const char *response_type;

  g_assert_nonnull (msg);
  request_headers = soup_message_get_request_headers (msg);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (request_headers, "Authorization", value);
    }
  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    soup_message_headers_replace (request_headers, headers[i], headers[i + 1]);
  if (body != NULL)
    {
      g_autoptr(GBytes) payload = g_bytes_new (body, length);

      soup_message_set_request_body_from_bytes (msg, content_type, payload);
    }

  bytes = soup_session_send_and_read (server->session, msg, NULL, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  reply->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  response_type = soup_message_headers_get_content_type (reply->headers, NULL);
  if (response_type != NULL && g_bytes_get_size (bytes) > 0 &&
      (g_str_equal (response_type, "application/json") || g_str_equal (response_type, "application/problem+json")))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      json_parser_load_from_data (parser, reply->body, -1, &error);
      g_assert_no_error (error);
      reply->json = json_node_copy (json_parser_get_root (parser));
    }
  /* Every answer carries a request id. */
  g_assert_nonnull (soup_message_headers_get_one (reply->headers, "X-Request-Id"));
  return reply;
}

PortalTestReply *
portal_test_request (PortalTestServer   *server,
                     const char         *method,
                     const char         *path,
                     const char         *token,
                     const char         *body_json,
                     const char * const *headers)
{
  return portal_test_request_raw (server, method, path, token, "application/json", body_json,
                                  body_json != NULL ? strlen (body_json) : 0, headers);
}

void
portal_test_reply_free (PortalTestReply *reply)
{
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->json, json_node_unref);
  g_free (reply->body);
  g_free (reply);
}

JsonObject *
portal_test_reply_object (PortalTestReply *reply)
{
  if (reply->json == NULL || !JSON_NODE_HOLDS_OBJECT (reply->json))
    g_error ("expected a JSON object, got status %u body “%s”", reply->status, reply->body);
  return json_node_get_object (reply->json);
}

void
portal_test_assert_problem (PortalTestReply *reply,
                            guint            status,
                            const char      *name)
{
  g_autofree char *type = g_strconcat ("https://werving.example/problems/", name, NULL);
  JsonObject *problem;

  if (reply->status != status)
    g_error ("expected %u %s, got %u: %s", status, name, reply->status, reply->body);
  g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==, "application/problem+json");
  problem = portal_test_reply_object (reply);
  g_assert_cmpstr (json_object_get_string_member (problem, "type"), ==, type);
  g_assert_cmpint (json_object_get_int_member (problem, "status"), ==, status);
  g_assert_nonnull (json_object_get_string_member (problem, "title"));
}

gboolean
portal_test_has_field_error (PortalTestReply *reply,
                             const char      *field)
{
  JsonObject *problem = portal_test_reply_object (reply);
  JsonArray *errors = json_object_get_array_member (problem, "errors");

  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonObject *item = json_array_get_object_element (errors, i);

      if (g_strcmp0 (json_object_get_string_member (item, "field"), field) == 0)
        return TRUE;
    }
  return FALSE;
}

char *
portal_test_sign_in (PortalTestServer *server,
                     const char       *email,
                     const char       *password)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", email, password);
  g_autoptr(PortalTestReply) reply = portal_test_request (server, "POST", "/v1/sessions", NULL, body, NULL);

  if (reply->status != 201)
    g_error ("sign-in of %s failed: %u %s", email, reply->status, reply->body);
  return g_strdup (json_object_get_string_member (portal_test_reply_object (reply), "access_token"));
}

char *
portal_test_register (PortalTestServer *server,
                      const char       *kvk,
                      const char       *email)
{
  g_autofree char *body = g_strdup_printf ("{\"kvk\":\"%s\",\"name\":\"Testbedrijf %s\",\"kind\":\"employer\","
                                           "\"contact_name\":\"Piet Jansen\",\"email\":\"%s\","
                                           "\"phone\":\"+31 20 555 1234\",\"password\":\"%s\"}",
                                           kvk, kvk, email, PORTAL_TEST_PASSWORD);
  g_autoptr(PortalTestReply) reply = portal_test_request (server, "POST", "/v1/organisations", NULL, body, NULL);

  if (reply->status != 201)
    g_error ("registration of %s failed: %u %s", email, reply->status, reply->body);
  return portal_test_sign_in (server, email, PORTAL_TEST_PASSWORD);
}
