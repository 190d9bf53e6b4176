/* werving-test-portal.c: a real werving-portal for the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "werving-test-portal.h"

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
spawn (WervingTestPortal *portal)
{
  const char *exe = g_getenv ("WERVING_PORTAL");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *line = NULL;
  const char *prefix = "listening on http://127.0.0.1:";

  g_ptr_array_add (argv, g_strdup (exe));
  g_ptr_array_add (argv, g_strdup ("--port"));
  g_ptr_array_add (argv, g_strdup_printf ("%u", portal->port));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (portal->db));
  g_ptr_array_add (argv, g_strdup ("--demo"));
  g_ptr_array_add (argv, g_strdup ("--cvs"));
  g_ptr_array_add (argv, g_strdup ("500"));
  for (guint i = 0; portal->args != NULL && portal->args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (portal->args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  /* A crashed or timed-out test must not leave its portal behind. */
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  portal->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (portal->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));

  portal->port = (guint) g_ascii_strtoull (line + strlen (prefix), NULL, 10);
  g_assert_cmpuint (portal->port, >, 0);
  g_free (portal->url);
  portal->url = g_strdup_printf ("http://127.0.0.1:%u/", portal->port);
}

WervingTestPortal *
werving_test_portal_start (const char * const *args)
{
  WervingTestPortal *portal;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("WERVING_PORTAL") == NULL)
    {
      g_test_skip ("WERVING_PORTAL is not set");
      return NULL;
    }

  portal = g_new0 (WervingTestPortal, 1);
  portal->dir = g_dir_make_tmp ("werving-core-XXXXXX", &error);
  g_assert_no_error (error);
  portal->db = g_build_filename (portal->dir, "p.db", NULL);
  portal->args = g_strdupv ((char **) args);
  spawn (portal);
  return portal;
}

void
werving_test_portal_kill (WervingTestPortal *portal)
{
  if (portal->process == NULL)
    return;
  g_subprocess_send_signal (portal->process, SIGTERM);
  g_subprocess_wait (portal->process, NULL, NULL);
  g_clear_object (&portal->process);
}

void
werving_test_portal_restart (WervingTestPortal *portal)
{
  werving_test_portal_kill (portal);
  spawn (portal);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
werving_test_portal_free (WervingTestPortal *portal)
{
  if (portal == NULL)
    return;
  werving_test_portal_kill (portal);
  remove_tree (portal->dir);
  g_free (portal->dir);
  g_free (portal->db);
  g_free (portal->url);
  g_strfreev (portal->args);
  g_free (portal);
}

void
werving_test_store_result (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

void
werving_test_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
werving_test_sleep (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
werving_test_wait_for (gboolean *flag,
                       guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, set_flag, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return *flag;
}

WervingClient *
werving_test_client_new (WervingTestPortal *portal,
                         const char        *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingClient) client = werving_client_new (portal->url, &error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingSession) session = NULL;

  g_assert_no_error (error);
  werving_client_sign_in_async (client, email, WERVING_TEST_DEMO_PASSWORD, NULL,
                                werving_test_store_result, &result);
  werving_test_wait (&result);
  session = werving_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  return g_steal_pointer (&client);
}
