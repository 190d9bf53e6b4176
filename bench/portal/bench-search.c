/* bench-search.c: CV generation time and in-process search latency
 *
 * Builds (or reuses) a database of 500,000 synthetic CVs under
 * /var/tmp/werving-bench/, then runs each typical search 200 times with
 * varying values and prints median, p99 and maximum latency.
 *
 *   bench-search [--cvs N] [--runs N] [--db PATH] [--rebuild]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portal-seed.h"
#include "portal-store-cvs.h"

#define BENCH_DIR "/var/tmp/werving-bench"

typedef struct
{
  const char *name;
  const char *params[8];   /* "key=value", NULL-terminated; %s is the rotating value */
  const char *values[8];
} Shape;

static const Shape shapes[] = {
  { "free text, relevance", { "q=%s", "sort=relevance" },
    { "lasser", "verpleegkundige", "heftruckcertificaat", "python", "boekhouden", "wondzorg", "kassa", "hydrauliek" } },
  { "free text, recent", { "q=%s", "sort=recent" },
    { "lasser", "verpleegkundige", "heftruckcertificaat", "python", "boekhouden", "wondzorg", "kassa", "hydrauliek" } },
  { "two words, relevance", { "q=%s" },
    { "ervaren lasser", "zelfstandige verpleegkundige", "allround timmerman", "senior softwareontwikkelaar",
      "betrouwbare beveiliger", "flexibele orderpicker", "klantgerichte kapper", "junior tester" } },
  { "skills + place 25 km", { "skills=%s", "place=Utrecht", "radius_km=25" },
    { "VCA,Houtbewerking", "Wondzorg,Medicatie", "Python,SQL", "Orderpicken,WMS", "Boekhouden,Exact Online",
      "Kassa", "Heftruckcertificaat", "HACCP" } },
  { "skills + place 10 km (small town)", { "skills=%s", "place=Zutphen", "radius_km=10" },
    { "VCA", "Medicatie", "SQL", "Orderpicken", "Excel", "Kassa", "Heftruckcertificaat", "HACCP" } },
  { "filters only, recent", { "education_min=%s", "hours_min=32", "driving_licence=true" },
    { "mbo-2", "mbo-3", "mbo-4", "havo", "hbo", "vmbo", "mbo-4", "hbo" } },
  { "filters + place 10 km", { "place=%s", "radius_km=10", "education_min=mbo-3", "hours_min=24" },
    { "Zwolle", "Groningen", "Eindhoven", "Maastricht", "Leeuwarden", "Breda", "Apeldoorn", "Enschede" } },
  { "occupation + place 30 km", { "occupation=%s", "place=Rotterdam", "radius_km=30" },
    { "2221", "7212", "2512", "8332", "4321", "5321", "2341", "7411" } },
  { "rare filters (language + level)", { "languages=%s", "education_min=wo", "hours_max=24" },
    { "ar", "tr", "pl", "fr", "de", "ro", "uk", "es" } },
  { "updated in the last 7 days", { "updated_since=%s", "driving_licence=true" },
    { NULL } },
};

static int cache_kib = 65536;

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *cache = g_strdup_printf ("PRAGMA cache_size=-%d", cache_kib);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    g_error ("cannot open %s: %s", path, sqlite3_errmsg (db));
  sqlite3_exec (db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
  sqlite3_exec (db, cache, NULL, NULL, NULL);
  return db;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static GHashTable *
make_params (const Shape *shape,
             const char  *value)
{
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; shape->params[i] != NULL; i++)
    {
      const char *eq = strchr (shape->params[i], '=');
      g_autofree char *key = g_strndup (shape->params[i], eq - shape->params[i]);
      const char *v = eq + 1;

      g_hash_table_insert (params, g_steal_pointer (&key),
                           g_str_equal (v, "%s") ? g_strdup (value) : g_strdup (v));
    }
  return params;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  int n_cvs = 500000, runs = 200;
  gboolean rebuild = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new ("- CV search benchmark");
  GOptionEntry entries[] = {
    { "cvs", 0, 0, G_OPTION_ARG_INT, &n_cvs, "Number of CVs", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per search shape", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database path", "PATH" },
    { "rebuild", 0, 0, G_OPTION_ARG_NONE, &rebuild, "Regenerate the database", NULL },
    { "cache-kib", 0, 0, G_OPTION_ARG_INT, &cache_kib, "SQLite page cache per connection (default 65536)", "KIB" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) week_ago = g_date_time_add_days (now, -7);
  g_autofree char *since = g_date_time_format (week_ago, "%Y-%m-%d");
  sqlite3 *db;
  gint64 total = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (db_path == NULL)
    {
      g_mkdir_with_parents (BENCH_DIR, 0755);
      db_path = g_strdup_printf (BENCH_DIR "/cvs-%d.db", n_cvs);
    }
  if (rebuild)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_unlink (db_path);
      g_unlink (wal);
      g_unlink (shm);
    }

  printf ("Werving CV search benchmark\n");
  printf ("database: %s (page cache %d KiB)\n", db_path, cache_kib);
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      gint64 start;
      GStatBuf st;

      db = open_db (db_path);
      start = g_get_monotonic_time ();
      if (!portal_store_cvs_init_schema (db, &error) ||
          !portal_seed_cvs (db, n_cvs, 42, &error))
        g_error ("%s", error->message);
      printf ("generated %d CVs in %.1f s", n_cvs, (g_get_monotonic_time () - start) / 1e6);
      sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
      printf (" (%.1f s with the WAL checkpoint)", (g_get_monotonic_time () - start) / 1e6);
      if (g_stat (db_path, &st) == 0)
        printf (", %.0f MB\n", st.st_size / 1e6);
      else
        printf ("\n");
    }
  else
    {
      db = open_db (db_path);
      printf ("reusing the existing database (--rebuild to regenerate and time it)\n");
    }
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (db, "SELECT count(*), sum(visibility > 0 AND expires_at > strftime('%s','now')) FROM cvs", -1, &stmt, NULL);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      {
        total = sqlite3_column_int64 (stmt, 0);
        printf ("%" G_GINT64_FORMAT " CVs, %lld findable\n\n", total, (long long) sqlite3_column_int64 (stmt, 1));
      }
    sqlite3_finalize (stmt);
  }

  printf ("%-36s %9s %9s %9s %10s\n", "search (limit 20, with total)", "p50 ms", "p99 ms", "max ms", "avg total");
  printf ("%-36s %9s %9s %9s %10s\n", "------------------------------------", "------", "------", "------", "---------");
  for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
    {
      g_autofree double *times = g_new (double, runs);
      double totals = 0;
      guint n_values = 0;

      while (n_values < G_N_ELEMENTS (shapes[s].values) && shapes[s].values[n_values] != NULL)
        n_values++;

      for (int i = 0; i < runs; i++)
        {
          const char *value = n_values > 0 ? shapes[s].values[i % n_values] : since;
          g_autoptr(GHashTable) params = make_params (&shapes[s], value);
          g_autoptr(JsonArray) errors = json_array_new ();
          g_autoptr(PortalCvQuery) q = NULL;
          g_autoptr(JsonObject) page = NULL;
          gint64 start = g_get_monotonic_time ();

          q = portal_cv_query_new_from_params (params, errors, &error);
          if (q == NULL)
            g_error ("%s: %s", shapes[s].name, error->message);
          page = portal_store_cvs_search (db, q, NULL, 20, &error);
          if (page == NULL)
            g_error ("%s: %s", shapes[s].name, error->message);
          times[i] = (g_get_monotonic_time () - start) / 1000.0;
          totals += json_object_get_int_member (page, "total");
        }
      qsort (times, runs, sizeof (double), compare_double);
      printf ("%-36s %9.2f %9.2f %9.2f %10.0f\n", shapes[s].name, times[runs / 2],
              times[MIN (runs - 1, (int) (runs * 0.99))], times[runs - 1], totals / runs);
    }

  /* Paging: ten pages of one search, following next_cursor. */
  {
    g_autofree double *times = g_new (double, runs);

    for (int i = 0; i < runs; i++)
      {
        g_autoptr(GHashTable) params = make_params (&shapes[5], "mbo-4");
        g_autoptr(PortalCvQuery) q = portal_cv_query_new_from_params (params, NULL, NULL);
        g_autofree char *cursor = NULL;
        gint64 start = g_get_monotonic_time ();

        for (int p = 0; p < 10; p++)
          {
            g_autoptr(JsonObject) page = portal_store_cvs_search (db, q, cursor, 20, &error);

            if (page == NULL)
              g_error ("paging: %s", error->message);
            g_free (cursor);
            cursor = g_strdup (json_object_get_string_member (page, "next_cursor"));
          }
        times[i] = (g_get_monotonic_time () - start) / 1000.0 / 10;
      }
    qsort (times, runs, sizeof (double), compare_double);
    printf ("%-36s %9.2f %9.2f %9.2f %10s\n", "next page (filters, per page)", times[runs / 2],
            times[MIN (runs - 1, (int) (runs * 0.99))], times[runs - 1], "");
  }

  /* Vacancy matches and CV detail. */
  {
    g_autofree double *match_times = g_new (double, runs);
    g_autofree double *detail_times = g_new (double, runs);
    const char *vacancy_json[] = {
      "{\"occupation\":{\"code\":\"2221\",\"label\":\"Verpleegkundige\"},\"place\":\"Utrecht\",\"skills\":[\"Wondzorg\",\"Medicatie\"],\"education_level\":\"mbo-4\",\"hours_min\":24,\"hours_max\":32}",
      "{\"occupation\":{\"code\":\"7212\",\"label\":\"Lasser\"},\"place\":\"Eindhoven\",\"skills\":[\"TIG-lassen\",\"VCA\"],\"education_level\":\"mbo-2\",\"hours_min\":36,\"hours_max\":40}",
      "{\"occupation\":{\"code\":\"2512\",\"label\":\"Softwareontwikkelaar\"},\"place\":\"Amsterdam\",\"skills\":[\"Python\",\"SQL\",\"Docker\"],\"education_level\":\"hbo\",\"hours_min\":32,\"hours_max\":40}",
    };

    for (int i = 0; i < runs; i++)
      {
        g_autoptr(JsonNode) node = json_from_string (vacancy_json[i % 3], NULL);
        g_autoptr(PortalCvQuery) q = portal_cv_query_new_for_vacancy (json_node_get_object (node));
        g_autoptr(JsonObject) page = NULL;
        g_autoptr(JsonObject) cv = NULL;
        gint64 start = g_get_monotonic_time ();

        page = portal_store_cvs_search (db, q, NULL, 20, &error);
        if (page == NULL)
          g_error ("matches: %s", error->message);
        match_times[i] = (g_get_monotonic_time () - start) / 1000.0;

        start = g_get_monotonic_time ();
        cv = portal_store_cvs_get_for_employer (db, 1 + g_random_int_range (0, MAX (total, 1)), NULL);
        detail_times[i] = (g_get_monotonic_time () - start) / 1000.0;
      }
    qsort (match_times, runs, sizeof (double), compare_double);
    qsort (detail_times, runs, sizeof (double), compare_double);
    printf ("%-36s %9.2f %9.2f %9.2f %10s\n", "vacancy matches", match_times[runs / 2],
            match_times[MIN (runs - 1, (int) (runs * 0.99))], match_times[runs - 1], "");
    printf ("%-36s %9.2f %9.2f %9.2f %10s\n", "CV detail (get_for_employer)", detail_times[runs / 2],
            detail_times[MIN (runs - 1, (int) (runs * 0.99))], detail_times[runs - 1], "");
  }

  printf ("\ntargets: p50 < 10 ms, p99 < 50 ms\n");
  sqlite3_close (db);
  return 0;
}
