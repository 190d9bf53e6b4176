/* werving-client-list-all.c: every page of a list, as one array
 *
 * The threads of an organisation, the messages of a thread, a vacancy's
 * shortlist and the organisation's own vacancies are short lists that the app shows whole;
 * these calls follow next_cursor until the last page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-client.h"

/* The API's largest page. */
#define PAGE_SIZE 100
/* A bound against a portal whose cursors never end: 20,000 items. */
#define MAX_PAGES 200

typedef enum
{
  LIST_VACANCIES,
  LIST_THREADS,
  LIST_MESSAGES,
  LIST_SHORTLIST,
} ListKind;

typedef struct
{
  ListKind   kind;
  char      *status;     /* vacancies */
  gint64     id;         /* the thread of messages, the vacancy of a shortlist */
  GPtrArray *items;
  guint      pages;
} ListAll;

static void
list_all_free (ListAll *list)
{
  g_free (list->status);
  g_ptr_array_unref (list->items);
  g_free (list);
}

static void fetch_page (GTask      *task,
                        const char *cursor);

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListAll *list = g_task_get_task_data (task);
  WervingClient *client = WERVING_CLIENT (source);
  g_autoptr(WervingPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;
  const char *next;
  guint n;

  switch (list->kind)
    {
    case LIST_VACANCIES:
      page = werving_client_list_vacancies_finish (client, result, &error);
      break;
    case LIST_THREADS:
      page = werving_client_list_threads_finish (client, result, &error);
      break;
    case LIST_MESSAGES:
      page = werving_client_list_messages_finish (client, result, &error);
      break;
    case LIST_SHORTLIST:
      page = werving_client_list_shortlist_finish (client, result, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  items = werving_page_get_items (page);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (list->items, g_list_model_get_item (items, i));

  next = werving_page_get_next_cursor (page);
  if (next != NULL && n > 0 && ++list->pages < MAX_PAGES)
    {
      fetch_page (g_steal_pointer (&task), next);
      return;
    }
  g_task_return_pointer (task, g_ptr_array_ref (list->items), (GDestroyNotify) g_ptr_array_unref);
}

/* Takes @task. */
static void
fetch_page (GTask      *task,
            const char *cursor)
{
  ListAll *list = g_task_get_task_data (task);
  WervingClient *client = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  switch (list->kind)
    {
    case LIST_VACANCIES:
      werving_client_list_vacancies_async (client, list->status, cursor, PAGE_SIZE, cancellable, page_cb, task);
      break;
    case LIST_THREADS:
      werving_client_list_threads_async (client, cursor, PAGE_SIZE, cancellable, page_cb, task);
      break;
    case LIST_MESSAGES:
      werving_client_list_messages_async (client, list->id, cursor, PAGE_SIZE, cancellable, page_cb, task);
      break;
    case LIST_SHORTLIST:
      werving_client_list_shortlist_async (client, list->id, cursor, PAGE_SIZE, cancellable, page_cb, task);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
list_all (WervingClient       *self,
          ListKind             kind,
          const char          *status,
          gint64               id,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  ListAll *list = g_new0 (ListAll, 1);

  g_task_set_source_tag (task, list_all);
  list->kind = kind;
  list->status = g_strdup (status);
  list->id = id;
  list->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, list, (GDestroyNotify) list_all_free);
  fetch_page (task, NULL);
}

void
werving_client_list_all_vacancies_async (WervingClient       *self,
                                         const char          *status,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (WERVING_IS_CLIENT (self));

  list_all (self, LIST_VACANCIES, status, 0, cancellable, callback, user_data);
}

void
werving_client_list_all_threads_async (WervingClient       *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (WERVING_IS_CLIENT (self));

  list_all (self, LIST_THREADS, NULL, 0, cancellable, callback, user_data);
}

void
werving_client_list_all_messages_async (WervingClient       *self,
                                        gint64               thread_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (WERVING_IS_CLIENT (self));

  list_all (self, LIST_MESSAGES, NULL, thread_id, cancellable, callback, user_data);
}

void
werving_client_list_all_shortlist_async (WervingClient       *self,
                                         gint64               vacancy_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (WERVING_IS_CLIENT (self));

  list_all (self, LIST_SHORTLIST, NULL, vacancy_id, cancellable, callback, user_data);
}

GPtrArray *
werving_client_list_all_finish (WervingClient  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (WERVING_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == list_all, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
