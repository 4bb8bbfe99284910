"""The synonym groups a new site starts with."""

from wagtail.models import Site

from .models import SynonymGroup

SEED_NOTE = "Startliste der Redaktion (redaktionelle Ergänzung, nicht Teil des Konzepts); bei der Einrichtung angelegt."

# Everyday words for the concept's vocabulary. An editorial aid: the Redaktion changes or deletes
# them in the admin ("Suchwörter"); they are named as such on the page explaining editorial additions.
SEEDS = {
    "Verkehr": ["ÖPNV", "Nahverkehr", "Personennahverkehr", "Bus", "Rufbus", "Bahn", "Mobilität"],
    "Gesundheit": ["Gesundheit", "Arzt", "Ärzte", "Hausarzt", "medizinische Versorgung", "Krankenhaus", "Telemedizin"],
    "Energie": ["Energie", "erneuerbare Energien", "Strom", "Windkraft", "Solar", "Photovoltaik", "Wärme"],
    "Breitband": ["Breitband", "Internet", "Glasfaser", "WLAN", "Mobilfunk"],
    "Kinderbetreuung": ["Kinderbetreuung", "Kita", "Kindertagesstätte", "Kindergarten", "Krippe", "Hort"],
    "Pflege": ["Pflege", "Altenpflege", "Pflegeheim", "Pflegekräfte", "Pflegeberatung"],
    "Tourismus": ["Tourismus", "Urlaub", "Ferien", "Urlauber", "Touristen", "Gäste", "Ausflug"],
}


def ensure_synonyms(site: Site) -> list[SynonymGroup]:
    """The start list for a site that has no synonym groups yet; returns what was created."""
    if SynonymGroup.objects.of_site(site).exists():
        return []
    return SynonymGroup.objects.bulk_create(
        [SynonymGroup(site=site, name=name, words="\n".join(words), note=SEED_NOTE) for name, words in SEEDS.items()]
    )
