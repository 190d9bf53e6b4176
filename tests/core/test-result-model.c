/* test-result-model.c: the lazily paged CV search model against a real portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-test-portal.h"

typedef struct
{
  WervingTestPortal  *portal;
  WervingClient      *client;
  WervingResultModel *model;
  guint               requests;   /* GET /v1/cvs... */
} Fixture;

static void
on_request (WervingClient *client,
            const char    *method,
            const char    *path,
            Fixture       *fixture)
{
  if (g_str_has_prefix (path, "/v1/cvs"))
    fixture->requests++;
}

static void
wait_idle (Fixture *fixture)
{
  /* Until no fetch is in flight (and the walk, if any, is over). */
  while (werving_result_model_get_loading (fixture->model))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (werving_result_model_get_error (fixture->model));
}

static gboolean
is_loading (GListModel *model,
            guint       position)
{
  g_autoptr(WervingCvSummary) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return werving_cv_summary_get_loading (item);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WervingCvQuery) query = werving_cv_query_new ();

  fixture->portal = werving_test_portal_start (NULL);
  if (fixture->portal == NULL)
    return;
  fixture->client = werving_test_client_new (fixture->portal, WERVING_TEST_DEMO_ORG);
  g_signal_connect (fixture->client, "request", G_CALLBACK (on_request), fixture);
  werving_cv_query_set (query, "sort", "recent");
  fixture->model = g_object_new (WERVING_TYPE_RESULT_MODEL, "client", fixture->client,
                                 "page-size", 20, "max-pages", 3, NULL);
  werving_result_model_set_query (fixture->model, query);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->model);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->portal, werving_test_portal_free);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *count)
{
  (*count)++;
}

static void
test_fetches_only_what_is_asked (Fixture       *fixture,
                                 gconstpointer  data)
{
  GListModel *model;
  guint n, changes = 0;

  if (fixture->portal == NULL)
    return;
  model = G_LIST_MODEL (fixture->model);

  /* The first page comes by itself: it tells the total. */
  wait_idle (fixture);
  g_assert_cmpuint (fixture->requests, ==, 1);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 200);
  g_assert_cmpint (werving_result_model_get_total (fixture->model), ==, n);

  for (guint i = 0; i < 20; i++)
    g_assert_false (is_loading (model, i));
  g_assert_cmpuint (fixture->requests, ==, 1);

  /* Page 2: a placeholder now, and the model walks page 1 to reach it. */
  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), &changes);
  g_assert_true (is_loading (model, 45));
  wait_idle (fixture);
  g_assert_cmpuint (fixture->requests, ==, 3);
  g_assert_cmpuint (changes, ==, 1);   /* the placeholders of page 2 replaced */
  g_assert_false (is_loading (model, 45));
  g_assert_false (is_loading (model, 25));
  g_assert_cmpuint (fixture->requests, ==, 3);

  /* Page 3 is one request away (its cursor is known); the cache keeps 3. */
  g_assert_true (is_loading (model, 70));
  wait_idle (fixture);
  g_assert_cmpuint (fixture->requests, ==, 4);
  g_assert_cmpuint (werving_result_model_get_n_pages_kept (fixture->model), <=, 3);

  /* Page 0 was the least recently used: dropped, and fetched again. */
  g_assert_true (is_loading (model, 5));
  wait_idle (fixture);
  g_assert_cmpuint (fixture->requests, ==, 5);
  g_assert_false (is_loading (model, 5));
}

static void
test_walk_to_end (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *model;
  guint n;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  if (fixture->portal == NULL)
    return;
  model = G_LIST_MODEL (fixture->model);
  wait_idle (fixture);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WervingCvSummary) item = g_list_model_get_item (model, i);

      if (werving_cv_summary_get_loading (item))
        {
          wait_idle (fixture);
          g_clear_object (&item);
          item = g_list_model_get_item (model, i);
          if (item == NULL)
            break;
        }
      g_assert_false (werving_cv_summary_get_loading (item));
      /* No CV twice: the cursors chain the pages correctly. */
      g_assert_true (g_hash_table_add (seen, GINT_TO_POINTER ((int) werving_cv_summary_get_id (item))));
    }

  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (g_hash_table_size (seen), ==, n);
  /* One request per page, not more. */
  g_assert_cmpuint (fixture->requests, ==, (n + 19) / 20);
  g_assert_null (g_list_model_get_item (model, n));
}

static void
test_query_change (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(WervingCvQuery) query = werving_cv_query_new ();
  GListModel *model;
  guint before;

  if (fixture->portal == NULL)
    return;
  model = G_LIST_MODEL (fixture->model);
  wait_idle (fixture);
  before = g_list_model_get_n_items (model);

  /* A change while a fetch is in flight cancels it. */
  g_assert_true (is_loading (model, 100));
  werving_cv_query_set (query, "q", "zzzzqqqnothing");
  werving_result_model_set_query (fixture->model, query);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  wait_idle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpuint (before, >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/result-model/fetches-only-what-is-asked", Fixture, NULL,
              fixture_set_up, test_fetches_only_what_is_asked, fixture_tear_down);
  g_test_add ("/core/result-model/walk-to-end", Fixture, NULL,
              fixture_set_up, test_walk_to_end, fixture_tear_down);
  g_test_add ("/core/result-model/query-change", Fixture, NULL,
              fixture_set_up, test_query_change, fixture_tear_down);

  return g_test_run ();
}
