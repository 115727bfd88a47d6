<?cs set:Page.title = Lang.ExportIndex.title ?><?cs include:"header.cs" ?>
<h1><?cs var:Lang.ExportIndex.title ?></h1>
<p><?cs var:Lang.ExportIndex.intro ?></p>
<?cs if:subcount(Ix.versions) == 0 ?>
<p id="no-versions"><?cs var:Lang.ExportIndex.no_versions ?></p>
<?cs elif:subcount(Ix.periods) == 0 ?>
<p id="no-periods"><?cs var:Lang.ExportIndex.no_periods ?></p>
<?cs else ?>
<section aria-labelledby="by-period-h">
<h2 id="by-period-h"><?cs var:Lang.ExportIndex.by_period ?></h2>
<p><?cs var:Lang.ExportIndex.by_period_intro ?></p>
<form method="get" action="/export/index.xlsx" id="period-form" class="filters">
  <p><label for="p-version"><?cs var:Lang.ExportIndex.version ?></label>
  <select name="version" id="p-version"><?cs each:v = Ix.versions ?>
    <option value="<?cs var:v.code ?>"><?cs var:v.code ?> — <?cs var:v.name ?> (<?cs var:v.from ?>–<?cs if:v.to ?><?cs var:v.to ?><?cs /if ?>)<?cs if:v.verified == 0 ?> [<?cs var:Lang.ExportIndex.unverified ?>]<?cs /if ?></option><?cs /each ?>
  </select></p>
  <p><label for="period"><?cs var:Lang.ExportIndex.period ?></label>
  <select name="period" id="period"><?cs each:p = Ix.periods ?>
    <option value="<?cs var:p.id ?>"><?cs var:p.label ?> (<?cs var:p.from ?> – <?cs var:p.to ?>)</option><?cs /each ?>
  </select></p>
  <p><button type="submit" id="p-xlsx"><?cs var:Lang.ExportIndex.xlsx ?></button>
  <button type="submit" id="p-zip" formaction="/export/index.zip"><?cs var:Lang.ExportIndex.zip ?></button>
  <button type="submit" id="p-json" formaction="/export/index.json"><?cs var:Lang.ExportIndex.json ?></button></p>
</form>
</section>
<section aria-labelledby="by-year-h">
<h2 id="by-year-h"><?cs var:Lang.ExportIndex.by_year ?></h2>
<p><?cs var:Lang.ExportIndex.by_year_intro ?></p>
<form method="get" action="/export/index.xlsx" id="year-form" class="filters">
  <p><label for="y-version"><?cs var:Lang.ExportIndex.version ?></label>
  <select name="version" id="y-version"><?cs each:v = Ix.versions ?>
    <option value="<?cs var:v.code ?>"><?cs var:v.code ?> — <?cs var:v.name ?> (<?cs var:v.from ?>–<?cs if:v.to ?><?cs var:v.to ?><?cs /if ?>)<?cs if:v.verified == 0 ?> [<?cs var:Lang.ExportIndex.unverified ?>]<?cs /if ?></option><?cs /each ?>
  </select></p>
  <p><label for="year"><?cs var:Lang.ExportIndex.year ?></label>
  <select name="year" id="year"><?cs each:y = Ix.years ?>
    <option value="<?cs var:y ?>"><?cs var:y ?></option><?cs /each ?>
  </select></p>
  <p><button type="submit" id="y-xlsx"><?cs var:Lang.ExportIndex.xlsx ?></button>
  <button type="submit" id="y-zip" formaction="/export/index.zip"><?cs var:Lang.ExportIndex.zip ?></button>
  <button type="submit" id="y-json" formaction="/export/index.json"><?cs var:Lang.ExportIndex.json ?></button></p>
</form>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
