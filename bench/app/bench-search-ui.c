/* bench-search-ui.c: the Candidates page over 500,000 CVs (a benchmark, not a
 * test: it prints figures)
 *
 *   bench-search-ui [--db PATH] [--speed PX_PER_S] [--results N] [--rss-results N]
 *
 * In-process, with the real WervingCandidatesPage in a 1100×720 window on
 * Xvfb, signed in to a local werving-portal on the 500,000-CV database of
 * the portal benchmarks (/var/tmp/werving-bench/portal-500000.db; seeded
 * with `werving-portal seed` when missing, which takes about a minute).
 *
 * 1. Enter to first rows drawn: for 20 searches of four kinds the text is
 *    put in the search entry and Enter is pressed at once (the entry's
 *    GtkText "activate", what the Enter key emits); the time runs to the
 *    GdkFrameClock "after-paint" of the first frame after the model's first
 *    real items arrived (the list binds its rows in that frame's layout).
 * 2. Frame times while scrolling N results (default 10,000) at a steady
 *    speed (default 2,000 px/s) driven from a tick callback: the interval
 *    between frames and each frame's own work (before-paint to after-paint).
 * 3. VmRSS growth after paging through 50,000 results, a viewport per frame
 *    (waiting while a page loads, so every row is bound once).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bench-app-common.h"
#include "werving-candidates-page.h"

#define DEFAULT_DB "/var/tmp/werving-bench/portal-500000.db"

typedef struct
{
  const char *kind;
  const char *place;     /* set (and settled) before the timed Enter */
  guint       sort;      /* 0 best match, 1 most recent */
  const char *q[5];
} Kind;

static const Kind kinds[] = {
  { "free text, best match", "", 0, { "lasser", "verpleegkundige", "heftruckcertificaat", "python", "boekhouden" } },
  { "free text, most recent", "", 1, { "wondzorg", "kassa", "hydrauliek", "timmerman", "kapper" } },
  { "two words, best match", "", 0, { "ervaren lasser", "zelfstandige verpleegkundige", "allround timmerman",
                                      "flexibele orderpicker", "junior tester" } },
  { "free text + Utrecht 25 km", "Utrecht", 0, { "monteur", "kok", "schoonmaker", "orderpicker", "beveiliger" } },
};

typedef enum
{
  IDLE,
  WAIT_RESET,    /* Enter pressed: the old results still stand */
  WAIT_ITEMS,    /* the model was reset: waiting for the first page */
  WAIT_PAINT,    /* items are in: the next painted frame shows them */
  DONE,
} Phase;

typedef struct
{
  GtkWidget             *window;
  WervingCandidatesPage *page;
  WervingResultModel    *model;
  GtkWidget             *search_entry;
  GtkStack              *results_stack;
  GtkWidget             *list_view;
  GtkAdjustment         *vadj;
  GdkFrameClock         *clock;

  /* search latency */
  Phase   phase;
  gint64  enter_time;
  gint64  search_changed_time;
  gint64  items_time;
  gint64  drawn_time;

  /* frames */
  gboolean recording;
  gint64   frame_start;
  gint64   last_paint;
  GArray  *intervals;   /* ms */
  GArray  *work;        /* ms */
  guint    unmatched;   /* after-paints without a before-paint */
  gboolean page_arrived;  /* a page of results came in since the last frame */
  guint    slow_with_page;

  /* scrolling */
  double   speed;
  double   start_value;
  gint64   start_time;
  double   target_value;
  gboolean scrolling;
  gboolean paging;
  guint    paging_target;
  double   row_height;
} Bench;

static Bench bench;

static gpointer
child (const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (bench.page), WERVING_TYPE_CANDIDATES_PAGE, name);

  if (object == NULL)
    g_error ("no template child %s", name);
  return object;
}

static gboolean
model_settled (gpointer data)
{
  WervingResultModel *model = werving_candidates_page_get_model (bench.page);

  return model != NULL && werving_result_model_get_total (model) >= 0 &&
         !werving_result_model_get_loading (model);
}

static gboolean
first_item_real (void)
{
  g_autoptr(WervingCvSummary) first = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (bench.model)) == 0)
    return FALSE;
  first = g_list_model_get_item (G_LIST_MODEL (bench.model), 0);
  return first != NULL && !werving_cv_summary_get_loading (first);
}

static void
total_notify_cb (WervingResultModel *model,
                 GParamSpec         *pspec,
                 gpointer            data)
{
  if (bench.phase == WAIT_RESET && werving_result_model_get_total (model) < 0)
    bench.phase = WAIT_ITEMS;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    data)
{
  bench.page_arrived = TRUE;
  if (bench.phase == WAIT_ITEMS && added > 0 && first_item_real ())
    {
      bench.items_time = g_get_monotonic_time ();
      bench.phase = WAIT_PAINT;
    }
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   gpointer        data)
{
  if (bench.phase != IDLE && bench.search_changed_time == 0)
    bench.search_changed_time = g_get_monotonic_time ();
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       data)
{
  bench.frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();

  if (bench.phase == WAIT_PAINT &&
      g_strcmp0 (gtk_stack_get_visible_child_name (bench.results_stack), "results") == 0)
    {
      bench.drawn_time = now;
      bench.phase = DONE;
    }

  if (bench.recording)
    {
      if (bench.last_paint != 0)
        {
          double interval = (now - bench.last_paint) / 1000.0;

          g_array_append_val (bench.intervals, interval);
        }
      if (bench.frame_start != 0)
        {
          double work = (now - bench.frame_start) / 1000.0;

          g_array_append_val (bench.work, work);
          if (work > 16.0 && bench.page_arrived)
            bench.slow_with_page++;
        }
      else
        bench.unmatched++;
    }
  bench.last_paint = now;
  bench.frame_start = 0;
  bench.page_arrived = FALSE;
}

static gboolean
phase_done (gpointer data)
{
  return bench.phase == DONE;
}

/* Sets the filters of @kind and lets the page settle on them. */
static void
set_kind (const Kind *kind)
{
  GtkEditable *place = child ("place_row");

  if (g_strcmp0 (gtk_editable_get_text (place), kind->place) != 0)
    gtk_editable_set_text (place, kind->place);
  if (gtk_drop_down_get_selected (child ("sort_dropdown")) != kind->sort)
    gtk_drop_down_set_selected (child ("sort_dropdown"), kind->sort);
  bench_spin (600);  /* the text filters wait for typing to pause */
  bench_wait_for (model_settled, NULL, 30000);
  bench_spin (200);
}

static void
press_enter (void)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (bench.search_entry));

  g_signal_emit_by_name (text, "activate");
}

static void
bench_search (void)
{
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) debounce = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) to_items = g_array_new (FALSE, FALSE, sizeof (double));

  printf ("\n1. Enter to first result rows drawn\n");
  printf ("%-28s %-30s %10s %10s %10s %9s\n", "kind", "query", "search-chg", "items in", "drawn ms", "total");
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      set_kind (&kinds[k]);
      for (guint i = 0; i < G_N_ELEMENTS (kinds[k].q); i++)
        {
          double ms, changed_ms, items_ms;

          bench.search_changed_time = bench.items_time = bench.drawn_time = 0;
          /* Typed, then Enter at once. */
          gtk_editable_set_text (GTK_EDITABLE (bench.search_entry), kinds[k].q[i]);
          bench.phase = WAIT_RESET;
          bench.enter_time = g_get_monotonic_time ();
          press_enter ();
          if (!bench_wait_for (phase_done, NULL, 15000))
            {
              printf ("%-28s %-30s  no rows within 15 s (total %" G_GINT64_FORMAT ")\n", kinds[k].kind,
                      kinds[k].q[i], werving_result_model_get_total (bench.model));
              bench.phase = IDLE;
              continue;
            }
          bench.phase = IDLE;
          ms = (bench.drawn_time - bench.enter_time) / 1000.0;
          changed_ms = bench.search_changed_time ? (bench.search_changed_time - bench.enter_time) / 1000.0 : -1;
          items_ms = (bench.items_time - bench.enter_time) / 1000.0;
          g_array_append_val (latencies, ms);
          g_array_append_val (debounce, changed_ms);
          g_array_append_val (to_items, items_ms);
          printf ("%-28s %-30s %10.1f %10.1f %10.1f %9" G_GINT64_FORMAT "%s\n", kinds[k].kind, kinds[k].q[i],
                  changed_ms, items_ms, ms, werving_result_model_get_total (bench.model),
                  werving_result_model_get_total_is_estimate (bench.model) ? "~" : "");
          bench_wait_for (model_settled, NULL, 30000);
          bench_spin (300);
        }
    }
  printf ("Enter to search-changed: p50 %.1f ms, max %.1f ms\n",
          bench_quantile (debounce, 0.5), bench_max (debounce));
  printf ("Enter to first page in the model: p50 %.1f ms, p90 %.1f ms\n",
          bench_quantile (to_items, 0.5), bench_quantile (to_items, 0.9));
  printf ("Enter to first rows drawn (%u searches): p50 %.1f ms, p90 %.1f ms, max %.1f ms (target < 150 ms)\n",
          latencies->len, bench_quantile (latencies, 0.5), bench_quantile (latencies, 0.9), bench_max (latencies));
}

static double
row_height (void)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (bench.model));

  return n > 0 ? gtk_adjustment_get_upper (bench.vadj) / n : 1.0;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  double value;

  if (bench.scrolling)
    {
      gint64 now = gdk_frame_clock_get_frame_time (clock);

      if (bench.start_time == 0)
        bench.start_time = now;
      value = bench.start_value + bench.speed * (now - bench.start_time) / G_USEC_PER_SEC;
      if (value >= bench.target_value)
        {
          value = bench.target_value;
          bench.scrolling = FALSE;
        }
      gtk_adjustment_set_value (bench.vadj, value);
    }
  else if (bench.paging)
    {
      double top = gtk_adjustment_get_value (bench.vadj);

      if (!werving_result_model_get_loading (bench.model))
        gtk_adjustment_set_value (bench.vadj, top + gtk_adjustment_get_page_size (bench.vadj));
      if (gtk_adjustment_get_value (bench.vadj) / bench.row_height >= bench.paging_target)
        bench.paging = FALSE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
scroll_done (gpointer data)
{
  return !bench.scrolling && !bench.paging;
}

static void
bench_scroll (double speed,
              guint  results,
              guint  rss_results)
{
  gint64 rss_start, rss_scrolled, rss_paged;
  gint64 started;
  double seconds;
  guint tick;

  /* Every CV, newest first: more than enough to scroll through. */
  set_kind (&kinds[1]);
  gtk_editable_set_text (GTK_EDITABLE (bench.search_entry), "");
  bench_wait_for (model_settled, NULL, 30000);
  bench_spin (1000);
  gtk_adjustment_set_value (bench.vadj, 0);
  bench_spin (500);
  rss_start = bench_rss_kib (0);
  bench.row_height = row_height ();
  printf ("\n2. Scrolling: %" G_GINT64_FORMAT " results, rows about %.1f px, viewport %.0f px\n",
          werving_result_model_get_total (bench.model), bench.row_height,
          gtk_adjustment_get_page_size (bench.vadj));

  bench.speed = speed;
  bench.start_value = 0;
  bench.start_time = 0;
  bench.target_value = results * bench.row_height;
  bench.scrolling = TRUE;
  bench.last_paint = 0;
  bench.recording = TRUE;
  tick = gtk_widget_add_tick_callback (bench.list_view, scroll_tick_cb, NULL, NULL);
  started = g_get_monotonic_time ();
  bench_wait_for (scroll_done, NULL, (guint) (bench.target_value / speed * 1000 * 3 + 30000));
  bench.recording = FALSE;
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  /* The estimate of the row height may have changed on the way. */
  printf ("scrolled to row %.0f (%.0f px) in %.1f s at %.0f px/s: %u frames (%.1f per second)\n",
          gtk_adjustment_get_value (bench.vadj) / row_height (), gtk_adjustment_get_value (bench.vadj), seconds,
          speed, bench.intervals->len + 1, (bench.intervals->len + 1) / seconds);
  printf ("frame interval: p50 %.1f ms, p99 %.1f ms, max %.1f ms; of %u: %u over 16.7 ms, %u over 20 ms, %u over 25 ms (a missed frame)\n",
          bench_quantile (bench.intervals, 0.5), bench_quantile (bench.intervals, 0.99), bench_max (bench.intervals),
          bench.intervals->len, bench_count_over (bench.intervals, 16.7), bench_count_over (bench.intervals, 20.0),
          bench_count_over (bench.intervals, 25.0));
  printf ("frame work (before-paint to after-paint): p50 %.2f ms, p99 %.2f ms, max %.2f ms; %u of %u over 16 ms, %u of them with a page of results arriving%s\n",
          bench_quantile (bench.work, 0.5), bench_quantile (bench.work, 0.99), bench_max (bench.work),
          bench_count_over (bench.work, 16.0), bench.work->len, bench.slow_with_page,
          bench.unmatched ? " (some frames had no before-paint)" : "");
  bench_spin (1000);
  rss_scrolled = bench_rss_kib (0);

  printf ("\n3. Memory: paging on to row %u, a viewport per frame\n", rss_results);
  bench.paging_target = rss_results;
  bench.paging = TRUE;
  started = g_get_monotonic_time ();
  bench_wait_for (scroll_done, NULL, 30 * 60 * 1000);
  bench_spin (1000);
  rss_paged = bench_rss_kib (0);
  gtk_widget_remove_tick_callback (bench.list_view, tick);
  printf ("reached row %.0f in %.1f s; pages kept in the model: %u\n",
          gtk_adjustment_get_value (bench.vadj) / bench.row_height,
          (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC,
          werving_result_model_get_n_pages_kept (bench.model));
  printf ("VmRSS: %.1f MiB at the top, %.1f MiB after %u results (%+.1f MiB), %.1f MiB after %u (%+.1f MiB; target < 30 MB growth)\n",
          rss_start / 1024.0, rss_scrolled / 1024.0, results, (rss_scrolled - rss_start) / 1024.0,
          rss_paged / 1024.0, rss_results, (rss_paged - rss_start) / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  const char *db = DEFAULT_DB;
  double speed = 2000;
  int results = 10000, rss_results = 50000;
  gboolean skip_search = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Portal database (default " DEFAULT_DB ")", "PATH" },
    { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &speed, "Scroll speed in px/s (default 2000)", "PX" },
    { "results", 0, 0, G_OPTION_ARG_INT, &results, "Results to scroll through at that speed (default 10000)", "N" },
    { "rss-results", 0, 0, G_OPTION_ARG_INT, &rss_results, "Results to page through for memory (default 50000)", "N" },
    { "skip-search", 0, 0, G_OPTION_ARG_NONE, &skip_search, "Only scroll", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the Candidates page over 500,000 CVs");
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingClient) client = NULL;
  BenchPortal portal;

  setlocale (LC_ALL, "");
  setvbuf (stdout, NULL, _IOLBF, 0);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  gtk_init ();
  adw_init ();

  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (db);
      g_autoptr(GSubprocess) seed = NULL;

      printf ("seeding %s with 500,000 CVs (about a minute)\n", db);
      g_mkdir_with_parents (dir, 0755);
      seed = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_getenv ("WERVING_PORTAL"), "seed",
                               "--db", db, "--cvs", "500000", "--seed", "42", NULL);
      if (seed == NULL || !g_subprocess_wait_check (seed, NULL, &error))
        g_error ("seeding failed: %s", error->message);
    }
  bench_portal_start (&portal, db, 0);
  printf ("portal %s on %s\n", portal.url, db);
  client = bench_sign_in (portal.url, BENCH_ORGANISATION);

  bench.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  bench.work = g_array_new (FALSE, FALSE, sizeof (double));
  bench.window = gtk_window_new ();
  bench.page = g_object_new (WERVING_TYPE_CANDIDATES_PAGE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1100, 720);
  gtk_window_set_child (GTK_WINDOW (bench.window), GTK_WIDGET (bench.page));
  gtk_window_present (GTK_WINDOW (bench.window));
  bench_spin (500);
  bench.clock = gtk_widget_get_frame_clock (bench.window);
  g_signal_connect (bench.clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (bench.clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  printf ("renderer %s\n", bench_renderer_name (bench.window));

  bench.search_entry = child ("search_entry");
  bench.results_stack = child ("results_stack");
  bench.list_view = child ("list_view");
  bench.vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench.list_view));
  g_signal_connect (bench.search_entry, "search-changed", G_CALLBACK (search_changed_cb), NULL);

  werving_candidates_page_set_client (bench.page, client);
  if (!bench_wait_for (model_settled, NULL, 30000))
    g_error ("the first search did not finish");
  bench.model = werving_candidates_page_get_model (bench.page);
  g_signal_connect (bench.model, "notify::total", G_CALLBACK (total_notify_cb), NULL);
  g_signal_connect (bench.model, "items-changed", G_CALLBACK (items_changed_cb), NULL);
  printf ("page size %u; %" G_GINT64_FORMAT " CVs in all\n", werving_result_model_get_page_size (bench.model),
          werving_result_model_get_total (bench.model));
  bench_spin (1000);

  if (!skip_search)
    bench_search ();
  bench_scroll (speed, (guint) results, (guint) rss_results);

  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_clear_object (&client);
  bench_portal_stop (&portal);
  g_array_unref (bench.intervals);
  g_array_unref (bench.work);
  return 0;
}
