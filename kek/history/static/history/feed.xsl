<?xml version="1.0" encoding="utf-8"?>
<!-- Shows the Atom feed of the changes as a readable page in the browser; feed readers ignore it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/atom:feed">
    <html lang="de">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/> (Newsfeed)</title>
        <link rel="stylesheet" href="/static/vendor/kern/kern.min.css"/>
        <link rel="stylesheet" href="/static/core/css/kek.css"/>
      </head>
      <body>
        <main id="inhalt" class="kern-container kek-main">
          <h1 class="kern-heading-x-large"><xsl:value-of select="atom:title"/></h1>
          <div class="kern-alert kern-alert--info" role="note">
            <div class="kern-alert__body">
              <p class="kern-body">Dies ist ein Newsfeed im Atom-Format. Kopieren Sie die Adresse dieser Seite in Ihren Feedreader, um über jede Änderung informiert zu werden. Die vollständige Übersicht steht auf der Seite
                <a class="kern-link" href="{atom:link[not(@rel) or @rel='alternate']/@href}">Änderungen am KEK</a>.</p>
            </div>
          </div>
          <p><xsl:value-of select="atom:subtitle"/></p>
          <ol class="kek-feed">
            <xsl:for-each select="atom:entry">
              <li class="kek-section">
                <h2 class="kern-heading-small"><a class="kern-link" href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a></h2>
                <p><xsl:value-of select="substring(atom:updated, 9, 2)"/>.<xsl:value-of select="substring(atom:updated, 6, 2)"/>.<xsl:value-of select="substring(atom:updated, 1, 4)"/></p>
                <p class="kek-prose"><xsl:value-of select="atom:summary"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
