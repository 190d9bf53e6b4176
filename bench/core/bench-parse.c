/* bench-parse.c: parse throughput of a 100-item CV search page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "werving-core.h"
#include "werving-json-private.h"

static char *
make_page (void)
{
  g_autoptr(GString) s = g_string_new ("{\"items\":[");

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (s,
      "%s{\"id\":%u,\"visibility\":\"anonymous\",\"headline\":\"Ervaren medewerker logistiek met "
      "heftruckcertificaat en %u jaar ervaring\",\"occupation\":{\"code\":\"8344\",\"label\":"
      "\"Heftruckchauffeur\"},\"skills\":[\"heftruck\",\"reachtruck\",\"orderpicken\",\"VCA\","
      "\"scanner\"],\"region\":\"Tilburg\",\"hours_min\":24,\"hours_max\":40,"
      "\"education_level\":\"mbo-2\",\"available_from\":\"2026-12-01\",\"driving_licence\":true,"
      "\"languages\":[\"nl\",\"en\",\"pl\"],\"updated_at\":\"2026-11-20T08:00:00Z\"}",
      i ? "," : "", 1000 + i, i % 30);
  g_string_append (s, "],\"next_cursor\":\"eyJ1IjoiMjAyNi0xMS0yMCIsImkiOjEwOTl9\",\"total\":12345,"
                      "\"total_is_estimate\":true}");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

int
main (int argc, char *argv[])
{
  g_autofree char *page = make_page ();
  gsize length = strlen (page);
  guint rounds = 2000;
  gint64 start, elapsed;

  /* Warm up. */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(JsonNode) node = werving_json_parse (page, length, NULL);
      g_autoptr(WervingPage) p = werving_page_new_from_json (node, WERVING_TYPE_CV_SUMMARY,
                                                             (WervingItemParseFunc) werving_cv_summary_new_from_json,
                                                             NULL);
      g_assert (p != NULL && werving_page_get_n_items (p) == 100);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(JsonNode) node = werving_json_parse (page, length, NULL);
      g_autoptr(WervingPage) p = werving_page_new_from_json (node, WERVING_TYPE_CV_SUMMARY,
                                                             (WervingItemParseFunc) werving_cv_summary_new_from_json,
                                                             NULL);
      g_assert (p != NULL);
    }
  elapsed = g_get_monotonic_time () - start;

  g_print ("search page: 100 items, %" G_GSIZE_FORMAT " bytes\n", length);
  g_print ("parse + map: %.1f µs per page, %.0f pages/s, %.0f items/s, %.1f MB/s\n",
           (double) elapsed / rounds,
           rounds / (elapsed / 1e6),
           rounds * 100 / (elapsed / 1e6),
           (double) length * rounds / (elapsed / 1e6) / 1e6);
  return 0;
}
