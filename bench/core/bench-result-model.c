/* bench-result-model.c: memory of a WervingResultModel walked through 50,000
 * results of a real portal (target: RSS growth under 30 MB)
 *
 *   WERVING_PORTAL=_build/portal/werving-portal _build/bench/core/bench-result-model [N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "werving-core.h"

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

static void
store (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

int
main (int argc, char *argv[])
{
  guint wanted = argc > 1 ? (guint) atoi (argv[1]) : 50000;
  const char *exe = g_getenv ("WERVING_PORTAL");
  g_autofree char *dir = g_dir_make_tmp ("werving-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "p.db", NULL);
  g_autofree char *cvs = g_strdup_printf ("%u", wanted + wanted / 5);
  g_autoptr(GSubprocess) portal = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(WervingClient) client = NULL;
  g_autoptr(WervingSession) session = NULL;
  g_autoptr(WervingCvQuery) query = werving_cv_query_new ();
  g_autoptr(WervingResultModel) model = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  long rss_start, rss_peak = 0, rss_end;
  guint walked = 0, n;
  gint64 start;

  if (exe == NULL)
    {
      g_printerr ("Set WERVING_PORTAL to the werving-portal executable\n");
      return 77;
    }

  g_print ("seeding a portal with %s CVs...\n", cvs);
  portal = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, exe, "--port", "0",
                             "--db", db, "--demo", "--cvs", cvs, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (portal));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert (line != NULL && g_str_has_prefix (line, "listening on "));

  client = werving_client_new (line + strlen ("listening on "), &error);
  g_assert_no_error (error);
  werving_client_sign_in_async (client, "demo@werving.test", "werving-demo-1", NULL, store, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  session = werving_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);

  werving_cv_query_set (query, "sort", "recent");
  model = g_object_new (WERVING_TYPE_RESULT_MODEL, "client", client, "page-size", 100, NULL);
  werving_result_model_set_query (model, query);
  while (werving_result_model_get_total (model) < 0)
    g_main_context_iteration (NULL, TRUE);

  rss_start = rss_kb ();
  start = g_get_monotonic_time ();

  /* Front to back, as a list view scrolled to the end would ask. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)) && walked < wanted; i++)
    {
      g_autoptr(WervingCvSummary) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      while (item != NULL && werving_cv_summary_get_loading (item))
        {
          g_main_context_iteration (NULL, TRUE);
          if (werving_result_model_get_error (model) != NULL)
            g_error ("%s", werving_result_model_get_error (model)->message);
          if (!werving_result_model_get_loading (model))
            {
              g_clear_object (&item);
              item = g_list_model_get_item (G_LIST_MODEL (model), i);
            }
        }
      if (item == NULL)
        break;
      walked++;
      if (i % 5000 == 0)
        rss_peak = MAX (rss_peak, rss_kb ());
    }
  rss_end = rss_kb ();
  rss_peak = MAX (rss_peak, rss_end);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_print ("walked %u results (model has %u, total %s%" G_GINT64_FORMAT ") in %.1f s\n",
           walked, n, werving_result_model_get_total_is_estimate (model) ? "~" : "",
           werving_result_model_get_total (model), (g_get_monotonic_time () - start) / 1e6);
  g_print ("pages kept: %u\n", werving_result_model_get_n_pages_kept (model));
  g_print ("RSS: %.1f MB after the first page, %.1f MB at the end, peak %.1f MB: growth %.1f MB"
           " (target < 30 MB)\n",
           rss_start / 1024.0, rss_end / 1024.0, rss_peak / 1024.0, (rss_peak - rss_start) / 1024.0);

  g_subprocess_send_signal (portal, SIGTERM);
  g_subprocess_wait (portal, NULL, NULL);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return (rss_peak - rss_start) < 30 * 1024 ? 0 : 1;
}
