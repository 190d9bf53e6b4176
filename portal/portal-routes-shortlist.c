/* portal-routes-shortlist.c: the shortlist of one of the organisation's own
 * vacancies: stages and private notes per CV
 *
 * Another organisation's vacancy is 404 as on every vacancy route. Like
 * /matches, a shortlist needs a verified organisation (R6): its entries carry
 * CV summaries, and an organisation the portal has not verified sees no CV
 * data at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "portal-json.h"
#include "portal-routes.h"

#define NOTE_MAX_CHARS 2000

/* The vacancy must be the caller's own (404 otherwise), then R6. */
static gboolean
check_vacancy (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) vacancy = portal_store_vacancy_get (portal_request_get_store (request),
                                                            request->account_id, request->id, &error);

  if (vacancy == NULL)
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return FALSE;
    }
  return portal_routes_require_verified (request);
}

void
portal_route_shortlist_list (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) list = NULL;
  const char *cursor;
  guint limit;

  if (!check_vacancy (request))
    return;
  if (!portal_request_get_paging (request, &cursor, &limit, &error) ||
      (list = portal_store_shortlist_list (portal_request_get_store (request), request->account_id,
                                           request->id, cursor, limit, &error)) == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, SOUP_STATUS_OK, list);
}

void
portal_route_shortlist_put (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) errors = json_array_new ();
  g_autoptr(JsonObject) entry = NULL;
  JsonObject *body;
  const char *stage = NULL, *note = NULL;
  gboolean present, created;

  if (!check_vacancy (request))
    return;
  if ((body = portal_request_get_body (request, &error)) == NULL ||
      ((stage = portal_json_require_string (body, "stage", errors, &error)) == NULL && error != NULL) ||
      !portal_json_get_string (body, "note", &present, NULL, &note, &error))
    {
      portal_request_reply_error (request, error, NULL, NULL);
      return;
    }
  if (stage != NULL && !portal_shortlist_stage_is_valid (stage))
    portal_field_errors_add (errors, "stage", "enum",
                             "Must be “shortlisted”, “contacted”, “replied”, “interview”, “hired” or “rejected”");
  if (note != NULL && g_utf8_strlen (note, -1) > NOTE_MAX_CHARS)
    portal_field_errors_add (errors, "note", "max", "A note is at most 2000 characters");
  if (json_array_get_length (errors) > 0)
    {
      g_set_error (&error, PORTAL_ERROR, PORTAL_ERROR_VALIDATION, "The shortlist entry is not valid");
      portal_request_reply_error (request, error, errors, NULL);
      return;
    }
  entry = portal_store_shortlist_put (portal_request_get_store (request), request->account_id,
                                      request->id, request->sub_id, stage, note, &created, &error);
  if (entry == NULL)
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_json (request, created ? SOUP_STATUS_CREATED : SOUP_STATUS_OK, entry);
}

void
portal_route_shortlist_delete (PortalRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!check_vacancy (request))
    return;
  if (!portal_store_shortlist_delete (portal_request_get_store (request), request->account_id,
                                      request->id, request->sub_id, &error))
    portal_request_reply_error (request, error, NULL, NULL);
  else
    portal_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}
