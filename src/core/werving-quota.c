/* werving-quota.c: the daily CV-view and new-contact allowances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "werving-json-private.h"
#include "werving-quota.h"

struct _WervingQuota
{
  GObject    parent_instance;

  gint64     cv_views_limit;
  gint64     cv_views_used;
  gint64     cv_views_remaining;
  GDateTime *cv_views_resets_at;
  gint64     new_contacts_limit;
  gint64     new_contacts_used;
  gint64     new_contacts_remaining;
  GDateTime *new_contacts_resets_at;
};

G_DEFINE_FINAL_TYPE (WervingQuota, werving_quota, G_TYPE_OBJECT)

static const WervingJsonField fields[] = {
  { "cv-views-limit", "cv_views.limit", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingQuota, cv_views_limit), WERVING_FIELD_WRITABLE, 0 },
  { "cv-views-used", "cv_views.used", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingQuota, cv_views_used), WERVING_FIELD_WRITABLE, 0 },
  { "cv-views-remaining", "cv_views.remaining", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingQuota, cv_views_remaining), WERVING_FIELD_WRITABLE, 0 },
  { "cv-views-resets-at", "cv_views.resets_at", WERVING_FIELD_DATE_TIME,
    G_STRUCT_OFFSET (WervingQuota, cv_views_resets_at), WERVING_FIELD_WRITABLE, 0 },
  { "new-contacts-limit", "new_contacts.limit", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingQuota, new_contacts_limit), 0, 0 },
  { "new-contacts-used", "new_contacts.used", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingQuota, new_contacts_used), 0, 0 },
  { "new-contacts-remaining", "new_contacts.remaining", WERVING_FIELD_INT,
    G_STRUCT_OFFSET (WervingQuota, new_contacts_remaining), 0, 0 },
  { "new-contacts-resets-at", "new_contacts.resets_at", WERVING_FIELD_DATE_TIME,
    G_STRUCT_OFFSET (WervingQuota, new_contacts_resets_at), 0, 0 },
};

static GParamSpec *properties[1 + G_N_ELEMENTS (fields)];

static void
werving_quota_finalize (GObject *object)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), object);

  G_OBJECT_CLASS (werving_quota_parent_class)->finalize (object);
}

static void
werving_quota_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (!werving_json_fields_get_property (fields, G_N_ELEMENTS (fields), object, prop_id - 1, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
werving_quota_set_property (GObject      *object,
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
werving_quota_class_init (WervingQuotaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werving_quota_finalize;
  object_class->get_property = werving_quota_get_property;
  object_class->set_property = werving_quota_set_property;

  werving_json_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
}

static void
werving_quota_init (WervingQuota *self)
{
  werving_json_fields_clear (fields, G_N_ELEMENTS (fields), self);
}

WervingQuota *
werving_quota_new (void)
{
  return g_object_new (WERVING_TYPE_QUOTA, NULL);
}

/**
 * werving_quota_new_from_json:
 *
 * Parses one Quota object. Never trusts @node: a missing required member, a
 * wrong type or an oversized value gives a WERVING_ERROR_PARSE error.
 *
 * Returns: (transfer full) (nullable): the new object, or NULL on error
 */
WervingQuota *
werving_quota_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(WervingQuota) self = werving_quota_new ();

  if (!werving_json_fields_parse (fields, G_N_ELEMENTS (fields), self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

gint64
werving_quota_get_cv_views_limit (WervingQuota *self)
{
  g_return_val_if_fail (WERVING_IS_QUOTA (self), -1);

  return self->cv_views_limit;
}

gint64
werving_quota_get_cv_views_used (WervingQuota *self)
{
  g_return_val_if_fail (WERVING_IS_QUOTA (self), -1);

  return self->cv_views_used;
}

gint64
werving_quota_get_cv_views_remaining (WervingQuota *self)
{
  g_return_val_if_fail (WERVING_IS_QUOTA (self), -1);

  return self->cv_views_remaining;
}

GDateTime *
werving_quota_get_cv_views_resets_at (WervingQuota *self)
{
  g_return_val_if_fail (WERVING_IS_QUOTA (self), NULL);

  return self->cv_views_resets_at;
}

gint64
werving_quota_get_new_contacts_limit (WervingQuota *self)
{
  g_return_val_if_fail (WERVING_IS_QUOTA (self), -1);

  return self->new_contacts_limit;
}

gint64
werving_quota_get_new_contacts_used (WervingQuota *self)
{
  g_return_val_if_fail (WERVING_IS_QUOTA (self), -1);

  return self->new_contacts_used;
}

gint64
werving_quota_get_new_contacts_remaining (WervingQuota *self)
{
  g_return_val_if_fail (WERVING_IS_QUOTA (self), -1);

  return self->new_contacts_remaining;
}

GDateTime *
werving_quota_get_new_contacts_resets_at (WervingQuota *self)
{
  g_return_val_if_fail (WERVING_IS_QUOTA (self), NULL);

  return self->new_contacts_resets_at;
}

void
werving_quota_set_cv_views_limit (WervingQuota *self,
                                  gint64        cv_views_limit)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_QUOTA (self));

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, cv_views_limit);
  if (werving_json_fields_set_value (&fields[0], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[1]);
}

void
werving_quota_set_cv_views_used (WervingQuota *self,
                                 gint64        cv_views_used)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_QUOTA (self));

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, cv_views_used);
  if (werving_json_fields_set_value (&fields[1], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[2]);
}

void
werving_quota_set_cv_views_remaining (WervingQuota *self,
                                      gint64        cv_views_remaining)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_QUOTA (self));

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, cv_views_remaining);
  if (werving_json_fields_set_value (&fields[2], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[3]);
}

void
werving_quota_set_cv_views_resets_at (WervingQuota *self,
                                      GDateTime    *cv_views_resets_at)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (WERVING_IS_QUOTA (self));

  g_value_init (&value, G_TYPE_DATE_TIME);
  g_value_set_boxed (&value, cv_views_resets_at);
  if (werving_json_fields_set_value (&fields[3], self, &value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[4]);
}

void
werving_quota_update (WervingQuota *self,
                      WervingQuota *other)
{
  g_return_if_fail (WERVING_IS_QUOTA (self));
  g_return_if_fail (WERVING_IS_QUOTA (other));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, properties[i + 1]->value_type);
      werving_json_fields_get_property (fields, G_N_ELEMENTS (fields), other, i, &value);
      if (werving_json_fields_set_value (&fields[i], self, &value))
        g_object_notify_by_pspec (G_OBJECT (self), properties[i + 1]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
