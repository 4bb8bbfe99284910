"""The fixed words for the state of a measure, running project or idea, and what each means.

The vocabulary is closed on purpose: counts per status are only comparable across fields, years
and counties if everyone picks from the same list with the same public definition. Each status
belongs to one of five phases, which the overview's bars show (ten colours would be unreadable);
the tables show every status.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NOT_ASSESSED = "not_assessed", _("noch nicht bewertet")
    IDEA = "idea", _("Idee")
    PLANNED = "planned", _("geplant")
    PREPARING = "preparing", _("in Vorbereitung")
    RUNNING = "running", _("laufend")
    IMPLEMENTING = "implementing", _("in Umsetzung")
    ONGOING = "ongoing", _("Daueraufgabe")
    COMPLETED = "completed", _("abgeschlossen")
    DEFERRED = "deferred", _("zurückgestellt")
    DROPPED = "dropped", _("verworfen")


DEFINITIONS = {
    Status.NOT_ASSESSED: _(
        "Zum Stand liegt noch keine Angabe vor. So beginnen alle Maßnahmen des beschlossenen Konzepts, "
        "bis die zuständige Stelle sie zum ersten Mal einschätzt."
    ),
    Status.IDEA: _(
        "Ein Vorschlag aus dem Projektpool des Konzepts. Niemand hat sich bisher zur Umsetzung verpflichtet. "
        "So beginnen alle Projektideen des beschlossenen Konzepts."
    ),
    Status.PLANNED: _(
        "Die Umsetzung ist vorgesehen und eine Stelle ist zuständig, die Arbeit daran hat aber noch nicht begonnen."
    ),
    Status.PREPARING: _(
        "Die Umsetzung wird vorbereitet: zum Beispiel Konzept, Förderantrag, Ausschreibung oder Beschlussvorlage."
    ),
    Status.RUNNING: _(
        "Ein Projekt, das bereits läuft. So beginnen alle laufenden Projekte des beschlossenen Konzepts: "
        "Sie liefen, als der Kreistag es beschloss."
    ),
    Status.IMPLEMENTING: _(
        "Die Maßnahme oder das Projekt wird umgesetzt; erste Schritte sind getan, das Ende ist absehbar."
    ),
    Status.ONGOING: _(
        "Eine dauerhafte Aufgabe ohne Enddatum, die regelmäßig wahrgenommen wird (zum Beispiel eine Beratung)."
    ),
    Status.COMPLETED: _("Umgesetzt und beendet. Der letzte Eintrag sagt, was erreicht wurde."),
    Status.DEFERRED: _(
        "Vorerst nicht weiterverfolgt, zum Beispiel mangels Mitteln; kann wieder aufgenommen werden. "
        "Der Eintrag nennt den Grund."
    ),
    Status.DROPPED: _("Wird nicht umgesetzt. Der Eintrag nennt den Grund, oft mit dem Beschluss dazu."),
}


class Phase(models.TextChoices):
    """Groups of statuses for the overview's bars, in the order a bar shows them."""

    OPEN = "open", _("noch offen")
    PREPARED = "prepared", _("angestoßen")
    UNDER_WAY = "under_way", _("in Arbeit")
    DONE = "done", _("abgeschlossen")
    STOPPED = "stopped", _("nicht weiterverfolgt")


PHASE_OF = {
    Status.NOT_ASSESSED: Phase.OPEN,
    Status.IDEA: Phase.OPEN,
    Status.PLANNED: Phase.PREPARED,
    Status.PREPARING: Phase.PREPARED,
    Status.RUNNING: Phase.UNDER_WAY,
    Status.IMPLEMENTING: Phase.UNDER_WAY,
    Status.ONGOING: Phase.UNDER_WAY,
    Status.COMPLETED: Phase.DONE,
    Status.DEFERRED: Phase.STOPPED,
    Status.DROPPED: Phase.STOPPED,
}
# Work is going on ("under way here" on place pages; "no running project" in the coverage).
UNDER_WAY = frozenset(s for s, phase in PHASE_OF.items() if phase == Phase.UNDER_WAY)
# Nothing more will happen: no reminders, no yearly entry.
FINAL = frozenset({Status.COMPLETED, Status.DROPPED})
# An editor records a new state; "noch nicht bewertet" is only ever where nobody recorded one.
RECORDABLE = [(value, label) for value, label in Status.choices if value != Status.NOT_ASSESSED]


class Programme(models.TextChoices):
    """Where the money comes from. EU funds by name; national money by level."""

    LEADER = "leader", "LEADER"
    EFRE = "efre", "EFRE"
    ELER = "eler", "ELER"
    ESF = "esf", "ESF+"
    GRW = "grw", _("GRW (Gemeinschaftsaufgabe Regionale Wirtschaftsstruktur)")
    GAK = "gak", _("GAK (Gemeinschaftsaufgabe Agrarstruktur und Küstenschutz)")
    FEDERAL = "bund", _("Bund")
    STATE = "land", _("Land Mecklenburg-Vorpommern")
    COUNTY = "kreis", _("Landkreis (Eigenmittel)")
    MUNICIPAL = "kommune", _("Gemeinde, Stadt oder Amt")
    OTHER = "sonstige", _("Sonstige (Stiftung, Private, …)")
