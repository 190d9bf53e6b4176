/* werving-demo-portal.c: finds a demo werving-portal running on this computer
 *
 * `werving-portal --demo` writes its URL to a file in the runtime folder
 * while it runs. A portal that was killed leaves the file behind, so the URL
 * counts only when the portal behind it answers its health check, quickly,
 * and only for a loopback address: the file offers "the demo portal on this
 * computer", nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "werving-demo-portal.h"

/* A discovery file is one short line; anything longer is not ours. */
#define MAX_FILE_SIZE 1024

typedef struct
{
  SoupSession *session;
  char        *url;
} Discovery;

static void
discovery_free (Discovery *discovery)
{
  g_clear_object (&discovery->session);
  g_free (discovery->url);
  g_free (discovery);
}

char *
werving_demo_portal_get_path (void)
{
  return g_build_filename (g_get_user_runtime_dir (), "werving", "demo-portal", NULL);
}

static gboolean
is_loopback_url (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
health_is_ok (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  if (data == NULL || !json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  return g_strcmp0 (json_object_get_string_member_with_default (object, "status", NULL), "ok") == 0;
}

static void
health_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Discovery *discovery = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessage *message;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  if (body == NULL || message == NULL || soup_message_get_status (message) != SOUP_STATUS_OK ||
      !health_is_ok (body))
    {
      g_debug ("The demo portal at %s does not answer: %s", discovery->url,
               error != NULL ? error->message : "no healthy answer");
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_return_pointer (task, g_strdup (discovery->url), g_free);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Discovery *discovery = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) health = NULL;
  g_autofree char *health_url = NULL;
  g_autoptr(SoupMessage) message = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, NULL, NULL);  /* no demo portal advertised */
      return;
    }
  if (length > MAX_FILE_SIZE || memchr (contents, '\0', length) != NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  discovery->url = g_strdup (g_strstrip (contents));
  uri = g_uri_parse (discovery->url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || !is_loopback_url (uri))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  health = g_uri_parse_relative (uri, "v1/health", G_URI_FLAGS_NONE, NULL);
  health_url = health != NULL ? g_uri_to_string (health) : NULL;
  message = health_url != NULL ? soup_message_new (SOUP_METHOD_GET, health_url) : NULL;
  if (message == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  /* Loopback only, so no proxy; a portal that hangs counts as absent. */
  discovery->session = soup_session_new_with_options ("timeout", WERVING_DEMO_PORTAL_TIMEOUT,
                                                      "idle-timeout", WERVING_DEMO_PORTAL_TIMEOUT,
                                                      "proxy-resolver", NULL,
                                                      NULL);
  soup_session_send_and_read_async (discovery->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), health_cb, g_object_ref (task));
}

void
werving_demo_portal_discover_async (GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *path = werving_demo_portal_get_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_task_set_source_tag (task, werving_demo_portal_discover_async);
  g_task_set_task_data (task, g_new0 (Discovery, 1), (GDestroyNotify) discovery_free);
  g_file_load_contents_async (file, cancellable, loaded_cb, g_steal_pointer (&task));
}

/**
 * werving_demo_portal_discover_finish:
 *
 * Returns: (transfer full) (nullable): the URL of a live demo portal, or NULL
 */
char *
werving_demo_portal_discover_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
