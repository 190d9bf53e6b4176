/* werving-result-model.c: a lazily paged GListModel over a CV search
 *
 * The API pages with opaque cursors, so page k can only be asked for with
 * the cursor that page k-1 returned. The model keeps the cursor of every page
 * boundary it has passed (a short string per page: 1,000 for 50,000 results)
 * but the items of only max-pages pages.
 *
 * A far jump (say from page 3 to page 900, when the scroll bar is dragged)
 * walks: the model fetches the pages between the furthest known boundary and
 * the wanted page one after the other, keeping their cursors; their items go
 * into the page cache and fall out of it again. Only the max-pages most
 * recently wanted pages are remembered, so a walk stops as soon as the user
 * has scrolled elsewhere. Pages behind a known boundary are reached in one
 * request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-cv-summary.h"
#include "werving-result-model.h"

#define DEFAULT_PAGE_SIZE 50
#define DEFAULT_MAX_PAGES 10

typedef struct
{
  GPtrArray *items;     /* of WervingCvSummary */
  guint64    last_used;
} Page;

struct _WervingResultModel
{
  GObject         parent_instance;

  WervingClient  *client;
  WervingCvQuery *query;
  gint64          vacancy_id;   /* > 0: matches of this vacancy */
  guint           page_size;
  guint           max_pages;

  guint           n_items;
  gint64          total;
  gboolean        total_is_estimate;
  gboolean        end_known;

  GPtrArray      *cursors;      /* cursors[k] fetches page k; [0] is NULL */
  GHashTable     *pages;        /* page index -> Page */
  GHashTable     *placeholders; /* page index -> GPtrArray of handed-out placeholders */
  GQueue          wanted;       /* page indexes, most recent first */
  guint64         clock;

  GCancellable   *cancellable;
  gboolean        fetching;
  GError         *error;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WervingResultModel, werving_result_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PAGE_SIZE,
  PROP_MAX_PAGES,
  PROP_LOADING,
  PROP_ERROR,
  PROP_N_ITEMS,
  PROP_TOTAL,
  PROP_TOTAL_IS_ESTIMATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void pump (WervingResultModel *self);

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
set_loading (WervingResultModel *self,
             gboolean            loading)
{
  if (self->fetching == loading)
    return;
  self->fetching = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_n_items (WervingResultModel *self,
             guint               n_items)
{
  guint old = self->n_items;

  if (old == n_items)
    return;

  self->n_items = n_items;
  if (n_items > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, n_items - old);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), n_items, old - n_items, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
reset (WervingResultModel *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->placeholders);
  g_ptr_array_set_size (self->cursors, 0);
  g_ptr_array_add (self->cursors, NULL);
  g_queue_clear (&self->wanted);
  self->end_known = FALSE;
  self->total = -1;
  self->total_is_estimate = FALSE;
  g_clear_error (&self->error);
  set_loading (self, FALSE);
  set_n_items (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);

  /* The first page tells how many there are. */
  g_queue_push_head (&self->wanted, GUINT_TO_POINTER (0));
  pump (self);
}

static void
want_page (WervingResultModel *self,
           guint               index)
{
  g_queue_remove (&self->wanted, GUINT_TO_POINTER (index));
  g_queue_push_head (&self->wanted, GUINT_TO_POINTER (index));
  /* Forget old wants (the view scrolled on), and their placeholders: if the
   * view asks again, it gets new ones and an items-changed later.
   */
  while (g_queue_get_length (&self->wanted) > self->max_pages)
    g_hash_table_remove (self->placeholders, g_queue_pop_tail (&self->wanted));
}

static void
evict (WervingResultModel *self,
       guint               keep)
{
  while (g_hash_table_size (self->pages) > self->max_pages)
    {
      GHashTableIter iter;
      gpointer key, value;
      gpointer oldest_key = NULL;
      guint64 oldest = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Page *page = value;

          if (GPOINTER_TO_UINT (key) != keep && page->last_used < oldest)
            {
              oldest = page->last_used;
              oldest_key = key;
            }
        }
      g_hash_table_remove (self->pages, oldest_key);
    }
}

static void
store_page (WervingResultModel *self,
            guint               index,
            WervingPage        *result)
{
  GListModel *items = werving_page_get_items (result);
  guint n = g_list_model_get_n_items (items);
  const char *next = werving_page_get_next_cursor (result);
  Page *page = g_new0 (Page, 1);
  gboolean was_placeheld;

  page->items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (page->items, g_list_model_get_item (items, i));
  page->last_used = ++self->clock;
  g_hash_table_replace (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_remove (&self->wanted, GUINT_TO_POINTER (index));

  if (index + 1 == self->cursors->len && next != NULL)
    g_ptr_array_add (self->cursors, g_strdup (next));

  if (index == 0 && self->total < 0)
    {
      self->total = werving_page_get_total (result);
      self->total_is_estimate = werving_page_get_total_is_estimate (result);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_IS_ESTIMATE]);
      set_n_items (self, (guint) CLAMP (self->total, 0, G_MAXUINT));
    }

  was_placeheld = g_hash_table_remove (self->placeholders, GUINT_TO_POINTER (index));

  if (next == NULL)
    {
      /* The last page: now the count is exact, whatever the estimate said. */
      self->end_known = TRUE;
      set_n_items (self, index * self->page_size + n);
    }
  else if ((index + 1) * self->page_size >= self->n_items)
    {
      /* An estimate that was too low: there is at least one more page. */
      set_n_items (self, (index + 2) * self->page_size);
    }

  if (was_placeheld)
    {
      guint start = index * self->page_size;
      guint len = MIN (self->page_size, self->n_items > start ? self->n_items - start : 0);

      if (len > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), start, len, len);
    }

  evict (self, index);
}

static void
fetch_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WervingResultModel) self = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WervingPage) page = NULL;
  GTask *task = user_data;
  guint index = GPOINTER_TO_UINT (g_task_get_task_data (task));

  self = g_object_ref (g_task_get_source_object (task));

  if (self->vacancy_id > 0)
    page = werving_client_list_matches_finish (WERVING_CLIENT (source), result, &error);
  else
    page = werving_client_search_cvs_finish (WERVING_CLIENT (source), result, &error);

  /* A superseded fetch (query changed): drop it. */
  if (g_task_get_cancellable (task) != self->cancellable)
    {
      g_object_unref (task);
      return;
    }
  g_object_unref (task);

  set_loading (self, FALSE);

  if (page == NULL)
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      return;
    }

  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  store_page (self, index, page);
  pump (self);
}

static void
fetch_page (WervingResultModel *self,
            guint               index)
{
  GTask *task = g_task_new (self, self->cancellable, NULL, NULL);
  const char *cursor = g_ptr_array_index (self->cursors, index);

  g_task_set_task_data (task, GUINT_TO_POINTER (index), NULL);
  set_loading (self, TRUE);

  if (self->vacancy_id > 0)
    werving_client_list_matches_async (self->client, self->vacancy_id, cursor, self->page_size,
                                       self->cancellable, fetch_done, task);
  else
    werving_client_search_cvs_async (self->client, self->query, cursor, self->page_size,
                                     self->cancellable, fetch_done, task);
}

/* One fetch at a time: the cursor chain is sequential anyway. */
static void
pump (WervingResultModel *self)
{
  guint target;

  if (self->fetching || self->error != NULL)
    return;

  /* Drop wants already satisfied or beyond the end. */
  for (GList *l = self->wanted.head; l != NULL;)
    {
      GList *next = l->next;
      guint index = GPOINTER_TO_UINT (l->data);

      if (g_hash_table_contains (self->pages, l->data) ||
          (self->end_known && index >= self->cursors->len))
        g_queue_delete_link (&self->wanted, l);
      l = next;
    }

  if (g_queue_is_empty (&self->wanted))
    return;

  target = GPOINTER_TO_UINT (g_queue_peek_head (&self->wanted));
  if (target < self->cursors->len)
    fetch_page (self, target);
  else
    fetch_page (self, self->cursors->len - 1); /* walk towards it */
}

/* GListModel */

static GType
werving_result_model_get_item_type (GListModel *model)
{
  return WERVING_TYPE_CV_SUMMARY;
}

static guint
werving_result_model_get_n_items (GListModel *model)
{
  return WERVING_RESULT_MODEL (model)->n_items;
}

static gpointer
werving_result_model_get_item (GListModel *model,
                               guint       position)
{
  WervingResultModel *self = WERVING_RESULT_MODEL (model);
  guint index, offset;
  Page *page;
  GPtrArray *held;

  if (position >= self->n_items)
    return NULL;

  index = position / self->page_size;
  offset = position % self->page_size;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

  if (page != NULL)
    {
      page->last_used = ++self->clock;
      if (offset < page->items->len)
        return g_object_ref (g_ptr_array_index (page->items, offset));
    }
  else
    {
      want_page (self, index);
      pump (self);
    }

  /* The same placeholder for the same position until the page arrives. */
  held = g_hash_table_lookup (self->placeholders, GUINT_TO_POINTER (index));
  if (held == NULL)
    {
      held = g_ptr_array_new_with_free_func (unref_if_set);
      g_ptr_array_set_size (held, self->page_size);
      g_hash_table_insert (self->placeholders, GUINT_TO_POINTER (index), held);
    }
  if (g_ptr_array_index (held, offset) == NULL)
    g_ptr_array_index (held, offset) = werving_cv_summary_new_placeholder ();

  return g_object_ref (g_ptr_array_index (held, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = werving_result_model_get_item_type;
  iface->get_n_items = werving_result_model_get_n_items;
  iface->get_item = werving_result_model_get_item;
}

/* GObject */

static void
werving_result_model_dispose (GObject *object)
{
  WervingResultModel *self = WERVING_RESULT_MODEL (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (werving_result_model_parent_class)->dispose (object);
}

static void
werving_result_model_finalize (GObject *object)
{
  WervingResultModel *self = WERVING_RESULT_MODEL (object);

  g_clear_object (&self->client);
  g_clear_object (&self->query);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->cursors, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->placeholders, g_hash_table_unref);
  g_queue_clear (&self->wanted);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (werving_result_model_parent_class)->finalize (object);
}

static void
werving_result_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WervingResultModel *self = WERVING_RESULT_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;
    case PROP_MAX_PAGES:
      g_value_set_uint (value, self->max_pages);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->fetching);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;
    case PROP_TOTAL_IS_ESTIMATE:
      g_value_set_boolean (value, self->total_is_estimate);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_result_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WervingResultModel *self = WERVING_RESULT_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_PAGE_SIZE:
      self->page_size = g_value_get_uint (value);
      break;
    case PROP_MAX_PAGES:
      self->max_pages = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werving_result_model_class_init (WervingResultModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = werving_result_model_dispose;
  object_class->finalize = werving_result_model_finalize;
  object_class->get_property = werving_result_model_get_property;
  object_class->set_property = werving_result_model_set_property;

  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, WERVING_TYPE_CLIENT, co);
  /* The API allows 1..100 per page. */
  properties[PROP_PAGE_SIZE] = g_param_spec_uint ("page-size", NULL, NULL, 1, 100,
                                                  DEFAULT_PAGE_SIZE, co);
  properties[PROP_MAX_PAGES] = g_param_spec_uint ("max-pages", NULL, NULL, 1, 1000,
                                                  DEFAULT_MAX_PAGES, co);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_TOTAL] = g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_TOTAL_IS_ESTIMATE] =
    g_param_spec_boolean ("total-is-estimate", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
werving_result_model_init (WervingResultModel *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
  self->max_pages = DEFAULT_MAX_PAGES;
  self->total = -1;
  self->cursors = g_ptr_array_new_with_free_func (g_free);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  self->placeholders = g_hash_table_new_full (NULL, NULL, NULL,
                                              (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->wanted);
}

WervingResultModel *
werving_result_model_new_search (WervingClient  *client,
                                 WervingCvQuery *query)
{
  WervingResultModel *self;

  g_return_val_if_fail (WERVING_IS_CLIENT (client), NULL);
  g_return_val_if_fail (WERVING_IS_CV_QUERY (query), NULL);

  self = g_object_new (WERVING_TYPE_RESULT_MODEL, "client", client, NULL);
  werving_result_model_set_query (self, query);
  return self;
}

WervingResultModel *
werving_result_model_new_matches (WervingClient *client,
                                  gint64         vacancy_id)
{
  WervingResultModel *self;

  g_return_val_if_fail (WERVING_IS_CLIENT (client), NULL);
  g_return_val_if_fail (vacancy_id > 0, NULL);

  self = g_object_new (WERVING_TYPE_RESULT_MODEL, "client", client, NULL);
  self->vacancy_id = vacancy_id;
  reset (self);
  return self;
}

void
werving_result_model_set_query (WervingResultModel *self,
                                WervingCvQuery     *query)
{
  g_return_if_fail (WERVING_IS_RESULT_MODEL (self));
  g_return_if_fail (WERVING_IS_CV_QUERY (query));
  g_return_if_fail (self->vacancy_id == 0);

  if (self->query != NULL && werving_cv_query_equal (self->query, query))
    return;

  g_clear_object (&self->query);
  /* A copy: later edits of the caller's query must not change this search. */
  self->query = werving_cv_query_copy (query);
  reset (self);
}

void
werving_result_model_retry (WervingResultModel *self)
{
  g_return_if_fail (WERVING_IS_RESULT_MODEL (self));

  if (self->error == NULL)
    return;
  g_clear_error (&self->error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  if (g_queue_is_empty (&self->wanted) && self->total < 0)
    g_queue_push_head (&self->wanted, GUINT_TO_POINTER (0));
  pump (self);
}

gboolean
werving_result_model_get_loading (WervingResultModel *self)
{
  g_return_val_if_fail (WERVING_IS_RESULT_MODEL (self), FALSE);

  return self->fetching;
}

const GError *
werving_result_model_get_error (WervingResultModel *self)
{
  g_return_val_if_fail (WERVING_IS_RESULT_MODEL (self), NULL);

  return self->error;
}

gint64
werving_result_model_get_total (WervingResultModel *self)
{
  g_return_val_if_fail (WERVING_IS_RESULT_MODEL (self), -1);

  return self->total;
}

gboolean
werving_result_model_get_total_is_estimate (WervingResultModel *self)
{
  g_return_val_if_fail (WERVING_IS_RESULT_MODEL (self), FALSE);

  return self->total_is_estimate;
}

guint
werving_result_model_get_page_size (WervingResultModel *self)
{
  g_return_val_if_fail (WERVING_IS_RESULT_MODEL (self), 0);

  return self->page_size;
}

guint
werving_result_model_get_n_pages_kept (WervingResultModel *self)
{
  g_return_val_if_fail (WERVING_IS_RESULT_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}
