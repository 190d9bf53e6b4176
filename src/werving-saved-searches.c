/* werving-saved-searches.c: named CV searches kept in GSettings
 *
 * The key "saved-searches" holds a(ssx): name, the query string, and when
 * the user last opened the search. "N new since last time" is the search
 * rerun with updated_since = the day it was last opened (the API filters
 * by day), asking for one result and reading the total.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-saved-searches.h"

#define KEY "saved-searches"

struct _WervingSavedSearches
{
  GObject    parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (WervingSavedSearches, werving_saved_searches, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
settings_changed_cb (WervingSavedSearches *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
werving_saved_searches_dispose (GObject *object)
{
  WervingSavedSearches *self = (WervingSavedSearches *) object;

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (werving_saved_searches_parent_class)->dispose (object);
}

static void
werving_saved_searches_class_init (WervingSavedSearchesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = werving_saved_searches_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
werving_saved_searches_init (WervingSavedSearches *self)
{
}

WervingSavedSearches *
werving_saved_searches_new (GSettings *settings)
{
  WervingSavedSearches *self = g_object_new (WERVING_TYPE_SAVED_SEARCHES, NULL);

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::" KEY, G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/* Looks @name up; TRUE (and its query and time) when it is saved. */
static gboolean
find (WervingSavedSearches  *self,
      const char            *name,
      char                 **query,
      gint64                *last_opened)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, KEY);
  GVariantIter iter;
  const char *n, *q;
  gint64 when;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&sx)", &n, &q, &when))
    if (g_strcmp0 (n, name) == 0)
      {
        if (query != NULL)
          *query = g_strdup (q);
        if (last_opened != NULL)
          *last_opened = when;
        return TRUE;
      }
  return FALSE;
}

/* Writes the list back with @name replaced by (@query, @when), appended
 * when new, or removed when @query is NULL. */
static void
store (WervingSavedSearches *self,
       const char           *name,
       const char           *query,
       gint64                when)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, KEY);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *n, *q;
  gint64 w;
  gboolean found = FALSE;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssx)"));
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&sx)", &n, &q, &w))
    {
      if (g_strcmp0 (n, name) != 0)
        g_variant_builder_add (&builder, "(ssx)", n, q, w);
      else if (query != NULL && !found)
        g_variant_builder_add (&builder, "(ssx)", n, query, when);
      found |= g_strcmp0 (n, name) == 0;
    }
  if (!found && query != NULL)
    g_variant_builder_add (&builder, "(ssx)", name, query, when);
  g_settings_set_value (self->settings, KEY, g_variant_builder_end (&builder));
}

GStrv
werving_saved_searches_dup_names (WervingSavedSearches *self)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  GVariantIter iter;
  const char *n, *q;
  gint64 w;

  g_return_val_if_fail (WERVING_IS_SAVED_SEARCHES (self), NULL);

  value = g_settings_get_value (self->settings, KEY);
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&sx)", &n, &q, &w))
    g_strv_builder_add (names, n);
  return g_strv_builder_end (names);
}

WervingCvQuery *
werving_saved_searches_parse_query (const char *text)
{
  WervingCvQuery *query = werving_cv_query_new ();
  g_auto(GStrv) pairs = g_strsplit (text != NULL ? text : "", "&", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (kv[0] == NULL || kv[1] == NULL)
        continue;
      name = g_uri_unescape_string (kv[0], NULL);
      value = g_uri_unescape_string (kv[1], NULL);
      if (name != NULL && value != NULL && werving_cv_query_is_known_param (name))
        werving_cv_query_set (query, name, value);
    }
  return query;
}

WervingCvQuery *
werving_saved_searches_dup_query (WervingSavedSearches *self,
                                  const char           *name)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (WERVING_IS_SAVED_SEARCHES (self), NULL);

  if (!find (self, name, &text, NULL))
    return NULL;
  return werving_saved_searches_parse_query (text);
}

gint64
werving_saved_searches_get_last_opened (WervingSavedSearches *self,
                                        const char           *name)
{
  gint64 when = 0;

  g_return_val_if_fail (WERVING_IS_SAVED_SEARCHES (self), 0);

  find (self, name, NULL, &when);
  return when;
}

void
werving_saved_searches_add (WervingSavedSearches *self,
                            const char           *name,
                            WervingCvQuery       *query)
{
  g_autoptr(WervingCvQuery) copy = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (WERVING_IS_SAVED_SEARCHES (self));
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (WERVING_IS_CV_QUERY (query));

  /* "New since" is computed per opening: a saved updated_since would hide
   * exactly what the count is about. */
  copy = werving_cv_query_copy (query);
  werving_cv_query_set (copy, "updated_since", NULL);
  text = werving_cv_query_to_string (copy);
  store (self, name, text, g_get_real_time () / G_USEC_PER_SEC);
}

void
werving_saved_searches_remove (WervingSavedSearches *self,
                               const char           *name)
{
  g_return_if_fail (WERVING_IS_SAVED_SEARCHES (self));

  store (self, name, NULL, 0);
}

void
werving_saved_searches_set_last_opened (WervingSavedSearches *self,
                                        const char           *name,
                                        gint64                when)
{
  g_autofree char *text = NULL;

  g_return_if_fail (WERVING_IS_SAVED_SEARCHES (self));

  if (find (self, name, &text, NULL))
    store (self, name, text, when);
}

static void
count_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingPage) page = werving_client_search_cvs_finish (WERVING_CLIENT (source), result, &error);

  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, GINT_TO_POINTER (werving_page_get_total_is_estimate (page)), NULL);
  g_task_return_int (task, werving_page_get_total (page));
}

void
werving_saved_searches_count_new_async (WervingSavedSearches *self,
                                        WervingClient        *client,
                                        const char           *name,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(WervingCvQuery) query = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autofree char *day = NULL;

  g_return_if_fail (WERVING_IS_SAVED_SEARCHES (self));
  g_return_if_fail (WERVING_IS_CLIENT (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, werving_saved_searches_count_new_async);
  query = werving_saved_searches_dup_query (self, name);
  if (query == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No saved search “%s”", name);
      return;
    }
  since = g_date_time_new_from_unix_utc (werving_saved_searches_get_last_opened (self, name));
  day = g_date_time_format (since, "%Y-%m-%d");
  werving_cv_query_set (query, "updated_since", day);
  werving_client_search_cvs_async (client, query, NULL, 1, cancellable, count_cb, g_steal_pointer (&task));
}

gint64
werving_saved_searches_count_new_finish (WervingSavedSearches *self,
                                         GAsyncResult         *result,
                                         gboolean             *is_estimate,
                                         GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  if (is_estimate != NULL)
    *is_estimate = GPOINTER_TO_INT (g_task_get_task_data (G_TASK (result)));
  return g_task_propagate_int (G_TASK (result), error);
}
