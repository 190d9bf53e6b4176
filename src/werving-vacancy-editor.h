/* werving-vacancy-editor.h: the form to write, save and publish a vacancy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "werving-client.h"
#include "werving-outbox.h"

G_BEGIN_DECLS

#define WERVING_TYPE_VACANCY_EDITOR (werving_vacancy_editor_get_type ())
G_DECLARE_FINAL_TYPE (WervingVacancyEditor, werving_vacancy_editor, WERVING, VACANCY_EDITOR, GtkWidget)

/* How long the form stays unchanged before a draft is written to disk. */
#define WERVING_VACANCY_EDITOR_AUTOSAVE_MS 1000

GtkWidget           *werving_vacancy_editor_new              (void);

/**
 * werving_vacancy_editor_open:
 * @parent: the main window
 * @client: a signed-in client
 * @organisation: (nullable): the signed-in organisation; fetched when NULL
 * @vacancy: (nullable): the vacancy to edit (id > 0), a prefilled new one
 *   (id <= 0, e.g. a duplicate), or NULL for an empty new vacancy
 *
 * Shows the editor in a modal window that closes itself after a successful
 * save or publish and on Cancel. Connect to the returned editor's "saved"
 * and "toast" signals.
 *
 * Returns: (transfer none): the editor
 */
WervingVacancyEditor *werving_vacancy_editor_open            (GtkWindow           *parent,
                                                              WervingClient       *client,
                                                              WervingOrganisation *organisation,
                                                              WervingVacancy      *vacancy);

WervingClient       *werving_vacancy_editor_get_client       (WervingVacancyEditor *self);
void                 werving_vacancy_editor_set_client       (WervingVacancyEditor *self,
                                                              WervingClient        *client);
WervingOrganisation *werving_vacancy_editor_get_organisation (WervingVacancyEditor *self);
void                 werving_vacancy_editor_set_organisation (WervingVacancyEditor *self,
                                                              WervingOrganisation  *organisation);
/* The account's outbox: a save that cannot reach the portal waits there
 * (werving_vacancy_editor_open takes the window's). */
void                 werving_vacancy_editor_set_outbox       (WervingVacancyEditor *self,
                                                              WervingOutbox        *outbox);
/* This form's save waiting in the outbox, or NULL. */
WervingOutboxItem   *werving_vacancy_editor_get_queued_item  (WervingVacancyEditor *self);
/* Where drafts go; NULL (the default) derives it from the signed-in account
 * (werving_drafts_get_dir ()). */
const char          *werving_vacancy_editor_get_drafts_dir   (WervingVacancyEditor *self);
void                 werving_vacancy_editor_set_drafts_dir   (WervingVacancyEditor *self,
                                                              const char           *drafts_dir);

/* Fills the form (see werving_vacancy_editor_open for @vacancy) and restores
 * a draft that an earlier session left behind. */
void                 werving_vacancy_editor_load             (WervingVacancyEditor *self,
                                                              WervingVacancy       *vacancy);
/* The vacancy as the portal last returned it, NULL while never saved. */
WervingVacancy      *werving_vacancy_editor_get_vacancy      (WervingVacancyEditor *self);
/* Returns: (transfer full): the vacancy the form describes */
WervingVacancy      *werving_vacancy_editor_build_vacancy    (WervingVacancyEditor *self);
gboolean             werving_vacancy_editor_get_dirty        (WervingVacancyEditor *self);
gboolean             werving_vacancy_editor_get_busy         (WervingVacancyEditor *self);

/* Checks the contract's rules and marks the rows that break them; publishing
 * also needs the fields the portal requires for it. */
gboolean             werving_vacancy_editor_validate         (WervingVacancyEditor *self,
                                                              gboolean              for_publish);
/* Shows an error of the client: field errors on their rows, the rest above. */
void                 werving_vacancy_editor_show_error       (WervingVacancyEditor *self,
                                                              const GError         *error);
/* Saves (create or update) and, if @publish, publishes: "editor.save" and
 * "editor.publish" call this. */
void                 werving_vacancy_editor_save             (WervingVacancyEditor *self,
                                                              gboolean              publish);

/* For tests and for focusing a field. @field is an API field name: "title",
 * "description", "occupation", "skills", "place", "postcode", "hours_min",
 * "hours_max", "contract_type", "education_level", "salary.min",
 * "salary.max", "salary.period", "start_date", "closing_date". */
const char          *werving_vacancy_editor_get_field_error  (WervingVacancyEditor *self,
                                                              const char           *field);
/* The row that is marked with the "error" style class. */
GtkWidget           *werving_vacancy_editor_get_field_row    (WervingVacancyEditor *self,
                                                              const char           *field);
/* The widget that shows the field's message, visible while there is one. */
GtkWidget           *werving_vacancy_editor_get_field_message (WervingVacancyEditor *self,
                                                              const char           *field);
/* The input: an AdwEntryRow, GtkTextView, GtkSpinButton, AdwComboRow or
 * WervingDateRow ("skills": the entry that adds a skill). */
GtkWidget           *werving_vacancy_editor_get_field_widget (WervingVacancyEditor *self,
                                                              const char           *field);
/* The file the draft is written to, NULL without a drafts folder. */
char                *werving_vacancy_editor_get_draft_path   (WervingVacancyEditor *self);
/* Writes the draft now instead of after the delay. */
void                 werving_vacancy_editor_flush_draft      (WervingVacancyEditor *self);
/* The general message above the form, NULL when none. */
const char          *werving_vacancy_editor_get_message      (WervingVacancyEditor *self);

G_END_DECLS
