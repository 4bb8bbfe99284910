"""Starting texts of the service pages. Editors change them in the CMS; these only fill a new site."""

EASY_LANGUAGE = """
<p>Das ist die Internet-Seite vom <b>Kreis-Entwicklungs-Konzept</b>. Die Abkürzung ist: KEK.</p>
<p>Das Konzept ist ein Plan. Der Plan ist für den Land-Kreis Ludwigslust-Parchim. Der Plan sagt: So soll der Land-Kreis im Jahr 2030 sein.</p>
<p>Politiker, Bürger und die Kreis-Verwaltung haben den Plan zusammen gemacht. Der Kreis-Tag hat den Plan am 12. Oktober 2017 beschlossen.</p>
<h2>Was steht auf dieser Internet-Seite?</h2>
<p>Der Plan hat 3 große Themen. Die Themen heißen: <b>Handlungs-Felder</b>.</p>
<ul><li>Starker Wirtschafts-Standort: Arbeit und Firmen im Land-Kreis.</li>
<li>Nachhaltiger Lebens-Raum: Natur, Energie und Orte zum Wohnen.</li>
<li>Lebenswerte Orte: Familie, Gesundheit, Schule, Freizeit und Bus und Bahn.</li></ul>
<p>Zu jedem Thema gibt es Ziele. Zu jedem Ziel gibt es Ideen und Projekte.</p>
<h2>Wie finde ich mich zurecht?</h2>
<p>Oben auf jeder Seite ist ein Menü. Im Menü stehen die 3 Themen. Sie können auf ein Thema klicken. Dann sehen Sie die Ziele zu dem Thema.</p>
<p>Sie können die Seite auch mit der Tastatur benutzen. Drücken Sie die Tab-Taste. Dann springen Sie von Link zu Link.</p>
<h2>Ist die Internet-Seite barriere-frei?</h2>
<p>Wir wollen, dass alle Menschen die Seite benutzen können. Die Seite ist noch nicht ganz barriere-frei.</p>
<p>Haben Sie ein Problem mit der Seite? Dann schreiben Sie uns. Auf der Seite <b>Barriere-Freiheit</b> gibt es ein Formular. Wir antworten Ihnen in 6 Wochen.</p>
"""

SIGN_LANGUAGE = """
<p>Diese Seite ist für Videos in Deutscher Gebärdensprache (DGS) gedacht. Welche Videos es schon gibt, steht unten. Die Videos sollen erklären:</p>
<ul><li>was auf dieser Website steht: das Kreisentwicklungskonzept mit seinen Handlungsfeldern,</li>
<li>wie Sie sich auf der Website zurechtfinden: Hauptmenü, Brotkrümel-Navigation und Suche nach Themen,</li>
<li>wie barrierefrei die Website ist, und</li>
<li>wie Sie uns eine Barriere melden können: mit dem Formular auf der Seite „Erklärung zur Barrierefreiheit“.</li></ul>
"""

ACCESSIBILITY_USAGE = """
<ul><li>Alle Seiten lassen sich mit der Tastatur bedienen. Der Link „Zum Inhalt springen“ am Seitenanfang führt direkt zum Inhalt.</li>
<li>Die Schrift lässt sich mit den Mitteln des Browsers vergrößern (Strg und +). Bis 400 % Vergrößerung passt sich die Seite an.</li>
<li>Die Seiten brauchen kein JavaScript. Wo der Browser es anbietet, liest die Schaltfläche „Vorlesen“ den Text vor.</li>
<li>Informationen gibt es auch in Leichter Sprache. Für Videos in Deutscher Gebärdensprache gibt es eine eigene Seite; was dort schon vorliegt, steht auf ihr.</li></ul>
"""

ACCESSIBILITY_NON_ACCESSIBLE = """
<p>Videos in Deutscher Gebärdensprache gibt es noch nicht für alle Inhalte.</p>
"""

ACCESSIBILITY_METHOD = """
<p>Die Erklärung beruht auf automatisierten Prüfungen jeder Seitenart mit axe-core (Regeln der WCAG 2.0, 2.1 und 2.2, Stufen A und AA) bei 375 und 1280 Pixel Breite sowie auf einer Selbstbewertung der Tastaturbedienung.</p>
"""
