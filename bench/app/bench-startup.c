/* bench-startup.c: Werving's start to its first signed-in frame and its
 * resident memory, side by side with a bare AdwApplicationWindow hello-world
 * (a benchmark, not a test: it prints figures)
 *
 *   bench-startup [--runs N] [--cvs N]
 *   bench-startup --idle SECONDS [--strace SECONDS]
 *
 * Run it under tools/test-env.sh with GSETTINGS_BACKEND=keyfile (as
 * tools/bench-app.sh does). It starts a local portal with the demo data and
 * makes Werving a returning user: the portal and the account are what the
 * app remembers in GSettings, and before each start a fresh refresh token of
 * "Remember me" waits in the keyring, so the app signs in silently.
 *
 * Each run spawns bench-startup-app (Werving with a first-frame hook) or
 * bench-startup-hello, alternately, and takes the time from just before the
 * spawn (CLOCK_MONOTONIC, which the child shares) to the child's frame
 * timestamps.
 *
 * --idle starts the signed-in app once, lets it settle, then over SECONDS
 * counts its CPU time and context switches (per thread) from /proc, and
 * over a second window of --strace SECONDS (default 30; 0: none) logs its
 * waits and sleeps with strace to say what woke it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench-app-common.h"
#include "werving-keyring.h"

static char *bench_dir;

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

/* What a returning user left behind: the portal and account in GSettings. */
static void
remember_account (const char *url)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (g_strcmp0 (g_getenv ("GSETTINGS_BACKEND"), "keyfile") != 0)
    g_error ("run with GSETTINGS_BACKEND=keyfile (got %s): the app must read what this wrote",
             g_getenv ("GSETTINGS_BACKEND"));
  g_settings_set_string (settings, "last-portal-url", url);
  g_settings_set_string (settings, "last-account-email", BENCH_ORGANISATION);
  g_settings_set_strv (settings, "recent-portal-urls", (const char * const[]) { url, NULL });
  g_settings_sync ();
}

/* ... and a current refresh token in the keyring (they rotate on use). */
static void
store_fresh_token (const char *url)
{
  g_autoptr(WervingClient) client = bench_sign_in (url, BENCH_ORGANISATION);
  WervingSession *session = werving_client_get_session (client);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  werving_keyring_store_async (werving_client_get_base_url (client), BENCH_ORGANISATION,
                               WERVING_KEYRING_REFRESH_TOKEN,
                               werving_session_get_refresh_token (session),
                               NULL, store_result_cb, &result);
  if (!bench_wait_for (result_set, &result, 30000) ||
      !werving_keyring_store_finish (result, &error))
    g_error ("cannot store the refresh token: %s", error ? error->message : "timed out");
}

typedef struct
{
  GSubprocess *process;
  gint64       spawned;   /* µs, CLOCK_MONOTONIC, just before the spawn */
  GHashTable  *values;    /* "first-frame" -> "123" */
} Child;

static void
child_free (Child *child)
{
  g_clear_object (&child->process);
  g_clear_pointer (&child->values, g_hash_table_unref);
  g_free (child);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Child, child_free)

static Child *
child_spawn (const char *name,
             gboolean    stay)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *path = g_build_filename (bench_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  Child *child = g_new0 (Child, 1);

  if (stay)
    g_subprocess_launcher_setenv (launcher, "WERVING_BENCH_STAY", "1", TRUE);
  child->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  child->spawned = g_get_monotonic_time ();
  child->process = g_subprocess_launcher_spawn (launcher, &error, path, NULL);
  if (child->process == NULL)
    g_error ("cannot start %s: %s", path, error->message);
  return child;
}

/* Reads the child's report up to (and including) the line @until. */
static void
child_read (Child      *child,
            const char *until)
{
  GInputStream *pipe = g_subprocess_get_stdout_pipe (child->process);
  g_autoptr(GDataInputStream) in = g_data_input_stream_new (pipe);

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (in), FALSE);
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, NULL);
      char *space;

      if (line == NULL)
        break;
      space = strchr (line, ' ');
      if (space == NULL)
        continue;
      *space = '\0';
      g_hash_table_replace (child->values, g_strdup (line), g_strdup (space + 1));
      if (g_strcmp0 (line, until) == 0)
        break;
    }
}

static double
child_ms (Child      *child,
          const char *key)
{
  const char *value = g_hash_table_lookup (child->values, key);

  if (value == NULL)
    g_error ("the child did not report %s", key);
  return (g_ascii_strtoll (value, NULL, 10) - child->spawned) / 1000.0;
}

static double
child_mib (Child      *child,
           const char *key)
{
  const char *value = g_hash_table_lookup (child->values, key);

  if (value == NULL)
    g_error ("the child did not report %s", key);
  return g_ascii_strtoll (value, NULL, 10) / 1024.0;
}

static Child *
run_one (const char *name)
{
  Child *child = child_spawn (name, FALSE);
  g_autoptr(GError) error = NULL;

  child_read (child, "rss");
  if (!g_subprocess_wait_check (child->process, NULL, &error))
    g_error ("%s failed: %s", name, error->message);
  return child;
}

static void
print_row (const char *what,
           GArray     *app,
           GArray     *hello,
           const char *unit)
{
  double a50 = bench_quantile (app, 0.5), a90 = bench_quantile (app, 0.9);
  double h50 = bench_quantile (hello, 0.5), h90 = bench_quantile (hello, 0.9);

  printf ("%-34s %9.1f %9.1f %9.1f %9.1f %7.2f×\n", what, a50, a90, h50, h90, h50 > 0 ? a50 / h50 : 0);
  (void) unit;
}

static void
bench_runs (const char *url,
            guint       runs)
{
  g_autoptr(GArray) app_window = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_main = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_any = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_signed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_listed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_settled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_rss0 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hello_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hello_rss0 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hello_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *renderer = NULL;

  /* One pair to warm the disk cache and the keyring, not counted. */
  store_fresh_token (url);
  child_free (run_one ("bench-startup-app"));
  child_free (run_one ("bench-startup-hello"));

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(Child) app = NULL;
      g_autoptr(Child) hello = NULL;
      double v;

      store_fresh_token (url);
      bench_spin (200);  /* let the keyring daemon settle */
      app = run_one ("bench-startup-app");
      hello = run_one ("bench-startup-hello");
      if (renderer == NULL)
        renderer = g_strdup (g_hash_table_lookup (app->values, "renderer"));

      v = child_ms (app, "window-added"); g_array_append_val (app_window, v);
      v = child_ms (app, "main-shown"); g_array_append_val (app_main, v);
      v = child_ms (app, "first-frame"); g_array_append_val (app_any, v);
      v = child_ms (app, "signed-in-frame"); g_array_append_val (app_signed, v);
      v = child_ms (app, "listed-frame"); g_array_append_val (app_listed, v);
      v = child_ms (app, "settled-frame"); g_array_append_val (app_settled, v);
      v = child_mib (app, "rss-signed-in"); g_array_append_val (app_rss0, v);
      v = child_mib (app, "rss"); g_array_append_val (app_rss, v);
      v = child_ms (hello, "first-frame"); g_array_append_val (hello_frame, v);
      v = child_mib (hello, "rss-signed-in"); g_array_append_val (hello_rss0, v);
      v = child_mib (hello, "rss"); g_array_append_val (hello_rss, v);
      fprintf (stderr, "run %2u: werving signed in %.1f ms, %.1f MiB; hello %.1f ms, %.1f MiB\n",
               i + 1, g_array_index (app_signed, double, app_signed->len - 1),
               g_array_index (app_rss, double, app_rss->len - 1),
               g_array_index (hello_frame, double, hello_frame->len - 1),
               g_array_index (hello_rss, double, hello_rss->len - 1));
    }

  printf ("\nStartup, %u interleaved runs each (after one warm-up pair), renderer %s\n", runs, renderer);
  printf ("%-34s %9s %9s %9s %9s %8s\n", "", "werving", "", "hello", "", "ratio");
  printf ("%-34s %9s %9s %9s %9s %8s\n", "", "p50", "p90", "p50", "p90", "p50");
  printf ("%-34s %9.1f %9.1f\n", "werving: window built (ms)", bench_quantile (app_window, 0.5),
          bench_quantile (app_window, 0.9));
  print_row ("first frame (ms)", app_any, hello_frame, "ms");
  printf ("%-34s %9.1f %9.1f\n", "werving: silently signed in (ms)", bench_quantile (app_main, 0.5),
          bench_quantile (app_main, 0.9));
  print_row ("first frame signed in (ms)", app_signed, hello_frame, "ms");
  print_row ("  with the vacancies listed (ms)", app_listed, hello_frame, "ms");
  print_row ("  crossfade to it done (ms)", app_settled, hello_frame, "ms");
  print_row ("VmRSS at that frame (MiB)", app_rss0, hello_rss0, "MiB");
  print_row ("VmRSS 1 s later (MiB)", app_rss, hello_rss, "MiB");
  printf ("targets: first signed-in frame < 1.5× the hello-world, VmRSS < 1.5×\n");
}

/* --idle */

typedef struct
{
  char   *name;
  guint64 cpu_ticks;
  guint64 voluntary;
  guint64 involuntary;
} TaskSample;

static void
task_sample_free (TaskSample *sample)
{
  g_free (sample->name);
  g_free (sample);
}

/* tid -> TaskSample for every thread of @pid. */
static GHashTable *
sample_tasks (GPid pid)
{
  GHashTable *tasks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) task_sample_free);
  g_autofree char *dir_path = g_strdup_printf ("/proc/%d/task", (int) pid);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *tid;

  while (dir != NULL && (tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stat_path = g_strdup_printf ("%s/%s/stat", dir_path, tid);
      g_autofree char *status_path = g_strdup_printf ("%s/%s/status", dir_path, tid);
      g_autofree char *stat = NULL;
      g_autofree char *status = NULL;
      g_auto(GStrv) fields = NULL;
      TaskSample *sample;
      char *open, *close, *line;

      if (!g_file_get_contents (stat_path, &stat, NULL, NULL) ||
          !g_file_get_contents (status_path, &status, NULL, NULL))
        continue;
      open = strchr (stat, '(');
      close = strrchr (stat, ')');
      if (open == NULL || close == NULL)
        continue;
      sample = g_new0 (TaskSample, 1);
      sample->name = g_strndup (open + 1, close - open - 1);
      /* After "pid (comm) ": state is field 3; utime 14 and stime 15. */
      fields = g_strsplit (close + 2, " ", -1);
      if (g_strv_length (fields) > 12)
        sample->cpu_ticks = g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10);
      if ((line = strstr (status, "voluntary_ctxt_switches:")) != NULL && line[-1] == '\n')
        sample->voluntary = g_ascii_strtoull (line + strlen ("voluntary_ctxt_switches:"), NULL, 10);
      if ((line = strstr (status, "nonvoluntary_ctxt_switches:")) != NULL)
        sample->involuntary = g_ascii_strtoull (line + strlen ("nonvoluntary_ctxt_switches:"), NULL, 10);
      g_hash_table_insert (tasks, g_strdup (tid), sample);
    }
  return tasks;
}

static void
bench_idle (const char *url,
            guint       seconds,
            guint       strace_seconds)
{
  g_autoptr(Child) app = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GPid pid;
  double tick = sysconf (_SC_CLK_TCK);
  guint64 cpu = 0, voluntary = 0, involuntary = 0;

  store_fresh_token (url);
  app = child_spawn ("bench-startup-app", TRUE);
  child_read (app, "rss");
  pid = atoi (g_subprocess_get_identifier (app->process));
  printf ("\nIdle, signed in (first signed-in frame after %.0f ms), pid %d\n",
          child_ms (app, "signed-in-frame"), (int) pid);
  /* Let the first loads (vacancies, threads, events channel) finish. */
  g_usleep (5 * G_USEC_PER_SEC);

  before = sample_tasks (pid);
  g_usleep ((gulong) seconds * G_USEC_PER_SEC);
  after = sample_tasks (pid);

  printf ("over %u s:\n%-8s %-18s %10s %10s %12s\n", seconds, "tid", "thread", "cpu ms", "wake-ups", "preempted");
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TaskSample *end = value;
      TaskSample *start = g_hash_table_lookup (before, key);
      TaskSample zero = { 0 };

      if (start == NULL)
        start = &zero;
      printf ("%-8s %-18s %10.0f %10" G_GUINT64_FORMAT " %12" G_GUINT64_FORMAT "%s\n",
              (char *) key, end->name, (end->cpu_ticks - start->cpu_ticks) * 1000.0 / tick,
              end->voluntary - start->voluntary, end->involuntary - start->involuntary,
              start == &zero ? " (new)" : "");
      cpu += end->cpu_ticks - start->cpu_ticks;
      voluntary += end->voluntary - start->voluntary;
      involuntary += end->involuntary - start->involuntary;
    }
  printf ("%-27s %10.0f %10" G_GUINT64_FORMAT " %12" G_GUINT64_FORMAT "\n",
          "all threads", cpu * 1000.0 / tick, voluntary, involuntary);
  printf ("CPU %.3f %% of one core; wake-ups = voluntary context switches (each a return from a wait)\n",
          cpu * 100.0 / tick / seconds);

  if (strace_seconds > 0 && g_find_program_in_path ("strace") != NULL)
    {
      g_autofree char *log = g_build_filename (g_get_tmp_dir (), "werving-bench-idle.strace", NULL);
      g_autofree char *pid_text = g_strdup_printf ("%d", (int) pid);
      g_autofree char *contents = NULL;
      g_autoptr(GSubprocess) strace = NULL;
      g_autoptr(GError) error = NULL;

      printf ("\nstrace over the next %u s (waits, sleeps, reads; each line one call):\n", strace_seconds);
      fflush (stdout);
      strace = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, "strace", "-f", "-tt", "-qq",
                                 "-e", "trace=poll,ppoll,epoll_wait,epoll_pwait,select,pselect6,nanosleep,clock_nanosleep,read,recvfrom,recvmsg",
                                 "-o", log, "-p", pid_text, NULL);
      if (strace == NULL)
        g_warning ("strace: %s", error->message);
      else
        {
          g_usleep ((gulong) strace_seconds * G_USEC_PER_SEC);
          g_subprocess_send_signal (strace, SIGINT);
          g_subprocess_wait (strace, NULL, NULL);
          if (g_file_get_contents (log, &contents, NULL, NULL))
            {
              g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
              guint n = g_strv_length (lines);

              for (guint i = 0; i < n && i < 300; i++)
                if (*lines[i] != '\0')
                  printf ("  %s\n", lines[i]);
              if (n > 300)
                printf ("  … %u more lines in %s\n", n - 300, log);
            }
        }
    }

  g_subprocess_send_signal (app->process, SIGTERM);
  g_subprocess_wait (app->process, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int runs = 20, cvs = 2000, idle = 0, strace_seconds = 30;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each program (default 20)", "N" },
    { "cvs", 0, 0, G_OPTION_ARG_INT, &cvs, "Synthetic CVs on the demo portal (default 2000)", "N" },
    { "idle", 0, 0, G_OPTION_ARG_INT, &idle, "Measure the signed-in app idle over N seconds instead", "N" },
    { "strace", 0, 0, G_OPTION_ARG_INT, &strace_seconds, "With --idle: then log its waits with strace over N seconds (default 30)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Werving's startup against a hello-world");
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  BenchPortal portal;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  self = g_file_read_link ("/proc/self/exe", NULL);
  bench_dir = g_path_get_dirname (self != NULL ? self : argv[0]);

  setvbuf (stdout, NULL, _IOLBF, 0);
  bench_portal_start (&portal, NULL, (guint) cvs);
  printf ("portal %s (demo data, %d CVs)\n", portal.url, cvs);
  remember_account (portal.url);
  if (idle > 0)
    bench_idle (portal.url, (guint) idle, (guint) strace_seconds);
  else
    bench_runs (portal.url, (guint) runs);
  bench_portal_stop (&portal);
  g_free (bench_dir);
  return 0;
}
