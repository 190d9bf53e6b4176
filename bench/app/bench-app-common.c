/* bench-app-common.c: what the app benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include "bench-app-common.h"

/* The portal must not outlive a benchmark that aborts. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

void
bench_portal_start (BenchPortal *portal,
                    const char  *db,
                    guint        n_cvs)
{
  const char *binary = g_getenv ("WERVING_PORTAL");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *line = NULL;

  if (binary == NULL)
    g_error ("set WERVING_PORTAL to the werving-portal binary (tools/bench-app.sh does)");

  memset (portal, 0, sizeof *portal);
  g_ptr_array_add (argv, g_strdup (binary));
  g_ptr_array_add (argv, g_strdup ("--port"));
  g_ptr_array_add (argv, g_strdup ("0"));
  if (db == NULL)
    {
      portal->dir = g_dir_make_tmp ("werving-bench-XXXXXX", &error);
      g_assert_no_error (error);
      g_ptr_array_add (argv, g_strdup ("--demo"));
      g_ptr_array_add (argv, g_strdup ("--cvs"));
      g_ptr_array_add (argv, g_strdup_printf ("%u", n_cvs));
      g_ptr_array_add (argv, g_strdup ("--db"));
      g_ptr_array_add (argv, g_build_filename (portal->dir, "p.db", NULL));
    }
  else
    {
      g_ptr_array_add (argv, g_strdup ("--db"));
      g_ptr_array_add (argv, g_strdup (db));
    }
  g_ptr_array_add (argv, NULL);

  /* Its request log would drown the figures. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  portal->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (portal->process == NULL)
    g_error ("cannot start %s: %s", binary, error->message);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (portal->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  if (line == NULL || !g_str_has_prefix (line, "listening on "))
    g_error ("werving-portal did not start (%s)", error ? error->message : line ? line : "no output");
  portal->url = g_strdup (line + strlen ("listening on "));
}

void
bench_portal_stop (BenchPortal *portal)
{
  if (portal->process != NULL)
    {
      g_subprocess_send_signal (portal->process, SIGTERM);
      g_subprocess_wait (portal->process, NULL, NULL);
      g_clear_object (&portal->process);
    }
  if (portal->dir != NULL)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *path = g_strconcat (portal->dir, "/p.db", suffixes[i], NULL);
          g_unlink (path);
        }
      g_rmdir (portal->dir);
      g_clear_pointer (&portal->dir, g_free);
    }
  g_clear_pointer (&portal->url, g_free);
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
bench_wait_for (BenchPredicate predicate,
                gpointer       data,
                guint          timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timed_out_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
bench_spin (guint ms)
{
  bench_wait_for (never, NULL, ms);
}

static gboolean
result_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

WervingClient *
bench_sign_in (const char *url,
               const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WervingSession) session = NULL;
  WervingClient *client = werving_client_new (url, &error);

  if (client == NULL)
    g_error ("no client for %s: %s", url, error->message);
  werving_client_sign_in_async (client, email, BENCH_DEMO_PASSWORD, NULL, store_result_cb, &result);
  if (!bench_wait_for (result_set, &result, 30000))
    g_error ("signing in as %s timed out", email);
  session = werving_client_sign_in_finish (client, result, &error);
  if (session == NULL)
    g_error ("cannot sign in as %s: %s", email, error->message);
  return client;
}

gint64
bench_rss_kib (GPid pid)
{
  g_autofree char *path = pid > 0 ? g_strdup_printf ("/proc/%d/status", (int) pid)
                                  : g_strdup ("/proc/self/status");
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;
  line = strstr (contents, "\nVmRSS:");
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("\nVmRSS:"), NULL, 10);
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_quantile (GArray *values,
                double  q)
{
  guint index;

  if (values->len == 0)
    return 0.0;
  qsort (values->data, values->len, sizeof (double), compare_double);
  /* Nearest rank: the smallest value with at least q of them at or below. */
  index = (guint) MAX (1.0, ceil (q * values->len)) - 1;
  return g_array_index (values, double, MIN (index, values->len - 1));
}

double
bench_max (GArray *values)
{
  double max = 0.0;

  for (guint i = 0; i < values->len; i++)
    max = MAX (max, g_array_index (values, double, i));
  return max;
}

guint
bench_count_over (GArray *values,
                  double  limit)
{
  guint n = 0;

  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, double, i) > limit)
      n++;
  return n;
}

const char *
bench_renderer_name (gpointer native)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (native));

  return renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none";
}
