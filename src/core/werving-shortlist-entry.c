/* werving-shortlist-entry.c: one CV on a vacancy's shortlist
 *
 * The summary is the anonymous one the portal gives for shortlists: never a
 * name, also for an open CV (R1). Stage and note are the organisation's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-error.h"
#include "werving-json-private.h"
#include "werving-shortlist-entry.h"

const char * const werving_shortlist_stages[WERVING_SHORTLIST_N_STAGES + 1] = {
  "shortlisted", "contacted", "replied", "interview", "hired", "rejected", NULL
};

struct _WervingShortlistEntry
{
  GObject           parent_instance;

  gint64            cv_id;
  char             *stage;
  char             *note;
  GDateTime        *added_at;
  GDateTime        *updated_at;
  gboolean          available;

  WervingCvSummary *summary;
};

G_DEFINE_FINAL_TYPE (WervingShortlistEntry, werving_shortlist_entry, G_TYPE_OBJECT)

static const WervingJsonField fields[] = {
  { "cv-id", "cv_id", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingShortlistEntry, cv_id), WERVING_FIELD_REQUIRED, 0 },
  { "stage", "stage", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingShortlistEntry, stage), WERVING_FIELD_REQUIRED | WERVING_FIELD_WRITABLE, 32 },
  { "note", "note", WERVING_FIELD_STRING,
    G_STRUCT_OFFSET (WervingShortlistEntry, note), WERVING_FIELD_WRITABLE, WERVING_SHORTLIST_NOTE_MAX },
  { "added-at", "added_at", WERVING_FIELD_DATE_TIME,
    G_STRUCT_OFFSET (WervingShortlistEntry, added_at), 0, 0 },
  { "updated-at", "updated_at", WERVING_FIELD_DATE_TIME,
    G_STRUCT_OFFSET (WervingShortlistEntry, updated_at), 0, 0 },
  { "available", "available", WERVING_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (WervingShortlistEntry, available), 0, 0 },
};

/* Property ids follow the table (from 1), then the summary. */
enum {
  PROP_STAGE = 2,
  PROP_NOTE = 3,
  PROP_UPDATED_AT = 5,
  PROP_SUMMARY = 1 + G_N_ELEMENTS (fields),
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
werving_shortlist_entry_finalize (GObject *object)
{
  WervingShortlistEntry *self = (WervingShortlistEntry *) object;

  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), object);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (werving_shortlist_entry_parent_class)->finalize (object);
}

static void
werving_shortlist_entry_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  WervingShortlistEntry *self = WERVING_SHORTLIST_ENTRY (object);

  if (prop_id == PROP_SUMMARY)
    g_value_set_object (value, self->summary);
  else if (!werving_json_fields_get_property (fields, G_N_ELEMENTS (fields), object, prop_id - 1, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
werving_shortlist_entry_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id > G_N_ELEMENTS (fields))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (werving_json_fields_set_value (&fields[prop_id - 1], object, value))
    g_object_notify_by_pspec (object, pspec);
}

static void
werving_shortlist_entry_class_init (WervingShortlistEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_shortlist_entry_finalize;
  object_class->get_property = werving_shortlist_entry_get_property;
  object_class->set_property = werving_shortlist_entry_set_property;

  werving_json_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, WERVING_TYPE_CV_SUMMARY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_property (object_class, PROP_SUMMARY, properties[PROP_SUMMARY]);
}

static void
werving_shortlist_entry_init (WervingShortlistEntry *self)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), self);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
werving_shortlist_stage_is_valid (const char *stage)
{
  return stage != NULL && g_strv_contains (werving_shortlist_stages, stage);
}

/**
 * werving_shortlist_entry_new_from_json:
 *
 * Parses one ShortlistEntry. A missing required member, a wrong type, an
 * unknown stage or a summary that is not a CV summary is a
 * WERVING_ERROR_PARSE error.
 *
 * Returns: (transfer full) (nullable): the new entry, or NULL on error
 */
WervingShortlistEntry *
werving_shortlist_entry_new_from_json (JsonNode  *node,
                                       GError   **error)
{
  g_autoptr(WervingShortlistEntry) self = g_object_new (WERVING_TYPE_SHORTLIST_ENTRY, NULL);
  JsonNode *summary;

  if (!werving_json_fields_parse (fields, G_N_ELEMENTS (fields), self, node, error))
    return NULL;
  if (!werving_shortlist_stage_is_valid (self->stage))
    {
      g_set_error (error, WERVING_ERROR, WERVING_ERROR_PARSE, "Unknown shortlist stage “%s”", self->stage);
      return NULL;
    }
  if (self->note == NULL)
    self->note = g_strdup ("");

  summary = json_object_get_member (json_node_get_object (node), "summary");
  if (self->available && summary != NULL && !JSON_NODE_HOLDS_NULL (summary))
    {
      self->summary = werving_cv_summary_new_from_json (summary, error);
      if (self->summary == NULL)
        return NULL;
    }
  else
    self->available = FALSE;

  return g_steal_pointer (&self);
}

gint64
werving_shortlist_entry_get_cv_id (WervingShortlistEntry *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_ENTRY (self), -1);
  return self->cv_id;
}

const char *
werving_shortlist_entry_get_stage (WervingShortlistEntry *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_ENTRY (self), NULL);
  return self->stage;
}

void
werving_shortlist_entry_set_stage (WervingShortlistEntry *self,
                                   const char            *stage)
{
  g_return_if_fail (WERVING_IS_SHORTLIST_ENTRY (self));
  g_return_if_fail (werving_shortlist_stage_is_valid (stage));

  if (set_string (&self->stage, stage))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

const char *
werving_shortlist_entry_get_note (WervingShortlistEntry *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_ENTRY (self), NULL);
  return self->note;
}

void
werving_shortlist_entry_set_note (WervingShortlistEntry *self,
                                  const char            *note)
{
  g_return_if_fail (WERVING_IS_SHORTLIST_ENTRY (self));

  if (set_string (&self->note, note != NULL ? note : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

GDateTime *
werving_shortlist_entry_get_added_at (WervingShortlistEntry *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_ENTRY (self), NULL);
  return self->added_at;
}

GDateTime *
werving_shortlist_entry_get_updated_at (WervingShortlistEntry *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_ENTRY (self), NULL);
  return self->updated_at;
}

gboolean
werving_shortlist_entry_get_available (WervingShortlistEntry *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_ENTRY (self), FALSE);
  return self->available;
}

WervingCvSummary *
werving_shortlist_entry_get_summary (WervingShortlistEntry *self)
{
  g_return_val_if_fail (WERVING_IS_SHORTLIST_ENTRY (self), NULL);
  return self->summary;
}

void
werving_shortlist_entry_update_from (WervingShortlistEntry *self,
                                     WervingShortlistEntry *other)
{
  g_return_if_fail (WERVING_IS_SHORTLIST_ENTRY (self));
  g_return_if_fail (WERVING_IS_SHORTLIST_ENTRY (other));

  werving_shortlist_entry_set_stage (self, other->stage);
  werving_shortlist_entry_set_note (self, other->note);
  if (other->updated_at != NULL)
    {
      g_clear_pointer (&self->updated_at, g_date_time_unref);
      self->updated_at = g_date_time_ref (other->updated_at);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
}
