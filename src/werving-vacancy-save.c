/* werving-vacancy-save.c: saving vacancies through the outbox while the
 * portal cannot be reached
 *
 * A save that cannot reach the portal waits in the account's outbox, which
 * sends it (exactly once, with its idempotency key) when the portal is back.
 * The draft file stays until then: it is removed only when what the portal
 * got is what the draft holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "werving-drafts.h"
#include "werving-vacancy-save.h"

#define ITEM_KEY "werving-outbox-item"

gboolean
werving_vacancy_save_is_offline_error (const GError *error)
{
  return g_error_matches (error, WERVING_ERROR, WERVING_ERROR_NETWORK);
}

static gboolean
is_vacancy_kind (WervingOutboxItem *item)
{
  const char *kind = werving_outbox_item_get_kind (item);

  return g_strcmp0 (kind, WERVING_OUTBOX_CREATE_VACANCY) == 0 ||
         g_strcmp0 (kind, WERVING_OUTBOX_UPDATE_VACANCY) == 0;
}

WervingOutboxItem *
werving_vacancy_save_find_item (WervingOutbox  *outbox,
                                WervingVacancy *vacancy)
{
  WervingOutboxItem *queued;
  WervingOutboxItem *found = NULL;
  gint64 id;

  g_return_val_if_fail (outbox == NULL || WERVING_IS_OUTBOX (outbox), NULL);
  g_return_val_if_fail (WERVING_IS_VACANCY (vacancy), NULL);

  if (outbox == NULL)
    return NULL;

  queued = g_object_get_data (G_OBJECT (vacancy), ITEM_KEY);
  id = werving_vacancy_get_id (vacancy);

  /* The newest item wins: that is what the portal will end up with. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (outbox)); i++)
    {
      g_autoptr(WervingOutboxItem) item = g_list_model_get_item (G_LIST_MODEL (outbox), i);

      if (item == queued ||
          (id > 0 && g_strcmp0 (werving_outbox_item_get_kind (item), WERVING_OUTBOX_UPDATE_VACANCY) == 0 &&
           werving_outbox_item_get_target_id (item) == id))
        found = item;
    }
  return found;
}

WervingOutboxItem *
werving_vacancy_save_queue (WervingOutbox     *outbox,
                            WervingVacancy    *form,
                            gint64             id,
                            WervingOutboxItem *previous)
{
  g_autoptr(WervingVacancy) copy = NULL;

  g_return_val_if_fail (WERVING_IS_OUTBOX (outbox), NULL);
  g_return_val_if_fail (WERVING_IS_VACANCY (form), NULL);

  if (previous != NULL && !werving_outbox_discard (outbox, previous) &&
      g_strcmp0 (werving_outbox_item_get_kind (previous), WERVING_OUTBOX_CREATE_VACANCY) == 0 &&
      werving_outbox_item_get_state (previous) == WERVING_OUTBOX_STATE_SENDING)
    return NULL;

  if (id > 0)
    {
      copy = werving_drafts_copy_vacancy (form, id, werving_vacancy_get_status (form));
      return werving_outbox_update_vacancy (outbox, copy);
    }
  return werving_outbox_create_vacancy (outbox, form);
}

WervingVacancy *
werving_vacancy_save_item_vacancy (WervingOutboxItem *item)
{
  g_autoptr(JsonObject) fresh = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonNode *body;
  g_autoptr(GList) members = NULL;
  WervingVacancy *vacancy;

  g_return_val_if_fail (WERVING_IS_OUTBOX_ITEM (item), NULL);

  body = werving_outbox_item_get_body (item);
  if (!is_vacancy_kind (item) || body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;

  /* The body holds the writable members only; the parser wants an id and a
   * status too. */
  members = json_object_get_members (json_node_get_object (body));
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (fresh, l->data,
                            json_node_copy (json_object_get_member (json_node_get_object (body), l->data)));
  json_object_set_int_member (fresh, "id", werving_outbox_item_get_target_id (item));
  json_object_set_string_member (fresh, "status", "draft");
  json_node_set_object (node, fresh);
  vacancy = werving_vacancy_new_from_json (node, NULL);
  if (vacancy != NULL)
    g_object_set_data_full (G_OBJECT (vacancy), ITEM_KEY, g_object_ref (item), g_object_unref);
  return vacancy;
}

char *
werving_vacancy_save_describe (WervingOutboxItem *item)
{
  const char *reason;

  g_return_val_if_fail (WERVING_IS_OUTBOX_ITEM (item), NULL);

  reason = werving_outbox_item_get_reason (item);
  switch (werving_outbox_item_get_state (item))
    {
    case WERVING_OUTBOX_STATE_SENDING:
      return g_strdup (_("Sending…"));
    case WERVING_OUTBOX_STATE_FAILED:
      if (reason != NULL && *reason != '\0')
        /* Translators: %s says why the portal refused the change */
        return g_strdup_printf (_("Failed: %s"), reason);
      return g_strdup (_("Failed"));
    case WERVING_OUTBOX_STATE_PENDING:
    default:
      return g_strdup (_("Waiting to send"));
    }
}

static char *
form_json (WervingVacancy *form)
{
  g_autoptr(JsonNode) node = werving_vacancy_to_json (form);

  return json_to_string (node, FALSE);
}

void
werving_vacancy_save_forget_drafts (const char        *dir,
                                    WervingOutboxItem *item)
{
  g_autoptr(GDir) folder = NULL;
  g_autoptr(WervingVacancy) sent = NULL;
  g_autofree char *sent_json = NULL;
  const char *name;

  g_return_if_fail (WERVING_IS_OUTBOX_ITEM (item));

  if (dir == NULL || !is_vacancy_kind (item) ||
      (folder = g_dir_open (dir, 0, NULL)) == NULL)
    return;

  sent = werving_vacancy_save_item_vacancy (item);
  if (sent == NULL)
    return;
  sent_json = form_json (sent);

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(WervingVacancy) form = NULL;
      g_autoptr(GDateTime) saved_at = NULL;
      g_autofree char *uuid = NULL;
      g_autofree char *occupation_text = NULL;
      g_autofree char *skill_text = NULL;
      g_autofree char *draft_json = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir, name, NULL);
      root = werving_drafts_read (path, NULL);
      if (root == NULL ||
          !werving_drafts_parse (root, &form, &uuid, &saved_at, &occupation_text, &skill_text))
        continue;
      draft_json = form_json (form);
      if (g_str_equal (draft_json, sent_json))
        g_remove (path);
    }
}
