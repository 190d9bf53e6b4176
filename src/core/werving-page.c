/* werving-page.c: one page of a cursor-paginated list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-error.h"
#include "werving-json-private.h"
#include "werving-page.h"

/* The API allows 100 per page; anything far above is not a page. */
#define MAX_PAGE_ITEMS 1000

struct _WervingPage
{
  GObject     parent_instance;

  GListStore *items;
  char       *next_cursor;
  gint64      total;
  gboolean    total_is_estimate;
  gint64      counts[4];
};

static const char * const count_names[] = { "draft", "active", "closed", "expired" };

G_DEFINE_FINAL_TYPE (WervingPage, werving_page, G_TYPE_OBJECT)

#define F(prop, path, kind, member) \
  { prop, path, WERVING_FIELD_##kind, G_STRUCT_OFFSET (WervingPage, member), 0, 0 }

static const WervingJsonField fields[] = {
  { "next-cursor", "next_cursor", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingPage, next_cursor), 0, 1024 },
  F ("total", "total", INT, total),
  F ("total-is-estimate", "total_is_estimate", BOOLEAN, total_is_estimate),
  F ("count-draft", "counts.draft", INT, counts[0]),
  F ("count-active", "counts.active", INT, counts[1]),
  F ("count-closed", "counts.closed", INT, counts[2]),
  F ("count-expired", "counts.expired", INT, counts[3]),
};

#undef F

static GParamSpec *properties[1 + G_N_ELEMENTS (fields)];

static void
werving_page_finalize (GObject *object)
{
  WervingPage *self = WERVING_PAGE (object);

  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), self);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (werving_page_parent_class)->finalize (object);
}

static void
werving_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  if (!werving_json_fields_get_property (fields, G_N_ELEMENTS (fields), object, prop_id - 1, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
werving_page_class_init (WervingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_page_finalize;
  object_class->get_property = werving_page_get_property;

  werving_json_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
}

static void
werving_page_init (WervingPage *self)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), self);
}

/**
 * werving_page_new_from_json:
 *
 * Parses `{"items": [...], "next_cursor", "total", "total_is_estimate"}`.
 * One malformed item fails the whole page: a partial page would shift the
 * positions of everything after it.
 *
 * Returns: (transfer full) (nullable): the page
 */
WervingPage *
werving_page_new_from_json (JsonNode              *node,
                            GType                  item_type,
                            WervingItemParseFunc   parse_item,
                            GError               **error)
{
  g_autoptr(WervingPage) self = g_object_new (WERVING_TYPE_PAGE, NULL);
  g_autoptr(GPtrArray) parsed = NULL;
  JsonNode *items;
  JsonArray *array;
  guint n;

  if (!werving_json_fields_parse (fields, G_N_ELEMENTS (fields), self, node, error))
    return NULL;

  items = json_object_get_member (json_node_get_object (node), "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error_literal (error, WERVING_ERROR, WERVING_ERROR_PARSE,
                           "Member “items”: expected an array");
      return NULL;
    }

  array = json_node_get_array (items);
  n = json_array_get_length (array);
  if (n > MAX_PAGE_ITEMS)
    {
      g_set_error (error, WERVING_ERROR, WERVING_ERROR_PARSE,
                   "Member “items”: more than %d items", MAX_PAGE_ITEMS);
      return NULL;
    }

  parsed = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      gpointer item = parse_item (json_array_get_element (array, i), error);

      if (item == NULL)
        {
          g_prefix_error (error, "Item %u: ", i);
          return NULL;
        }
      g_ptr_array_add (parsed, item);
    }

  self->items = g_list_store_new (item_type);
  g_list_store_splice (self->items, 0, 0, parsed->pdata, parsed->len);

  if (self->total < 0)
    self->total = n;

  return g_steal_pointer (&self);
}

/**
 * werving_page_get_items:
 *
 * Returns: (transfer none): the items of this page
 */
GListModel *
werving_page_get_items (WervingPage *self)
{
  g_return_val_if_fail (WERVING_IS_PAGE (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
werving_page_get_n_items (WervingPage *self)
{
  g_return_val_if_fail (WERVING_IS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

const char *
werving_page_get_next_cursor (WervingPage *self)
{
  g_return_val_if_fail (WERVING_IS_PAGE (self), NULL);

  return self->next_cursor;
}

gint64
werving_page_get_total (WervingPage *self)
{
  g_return_val_if_fail (WERVING_IS_PAGE (self), -1);

  return self->total;
}

gboolean
werving_page_get_total_is_estimate (WervingPage *self)
{
  g_return_val_if_fail (WERVING_IS_PAGE (self), FALSE);

  return self->total_is_estimate;
}

gint64
werving_page_get_count (WervingPage *self,
                        const char  *status)
{
  g_return_val_if_fail (WERVING_IS_PAGE (self), -1);

  for (guint i = 0; i < G_N_ELEMENTS (count_names); i++)
    if (g_strcmp0 (count_names[i], status) == 0)
      return self->counts[i];

  return -1;
}
