<?cs set:Page.title = Lang.Export.title ?><?cs include:"header.cs" ?>
<h1><?cs var:Lang.Export.title ?></h1>
<section aria-labelledby="raw-h">
<h2 id="raw-h"><?cs var:Lang.Export.raw ?></h2>
<p><?cs var:Lang.Export.raw_intro ?></p>
<?cs if:subcount(Export.periods) == 0 ?>
<p id="no-periods"><?cs var:Lang.Export.no_periods ?></p>
<?cs else ?>
<form method="get" action="/export/raw.csv" id="raw-form" class="filters">
  <p><label for="from"><?cs var:Lang.Export.from ?></label>
  <select name="from" id="from"><?cs each:p = Export.periods ?>
    <option value="<?cs var:p.id ?>"><?cs var:p.label ?> (<?cs var:p.from ?> – <?cs var:p.to ?>)</option><?cs /each ?>
  </select></p>
  <p><label for="to"><?cs var:Lang.Export.to ?></label>
  <select name="to" id="to"><?cs each:p = Export.periods ?>
    <option value="<?cs var:p.id ?>"><?cs var:p.label ?> (<?cs var:p.from ?> – <?cs var:p.to ?>)</option><?cs /each ?>
  </select></p>
  <p><label for="kind"><?cs var:Lang.Export.kind ?></label>
  <select name="kind" id="kind"><option value=""><?cs var:Lang.Export.all ?></option><?cs each:k = Lang.Export.Kind ?>
    <option value="<?cs name:k ?>"><?cs var:k ?></option><?cs /each ?>
  </select></p>
  <p><label for="pillar"><?cs var:Lang.Export.pillar ?></label>
  <select name="pillar" id="pillar"><option value=""><?cs var:Lang.Export.all ?></option><?cs each:p = Export.pillars ?>
    <option value="<?cs var:p.code ?>"><?cs var:p.name ?></option><?cs /each ?>
  </select></p>
  <p><label for="status"><?cs var:Lang.Export.status ?></label>
  <select name="status" id="status"><?cs each:s = Lang.Export.Status ?>
    <option value="<?cs name:s ?>"><?cs var:s ?></option><?cs /each ?>
  </select></p>
  <p><button type="submit" id="get-csv"><?cs var:Lang.Export.csv ?></button>
  <button type="submit" id="get-xlsx" formaction="/export/raw.xlsx"><?cs var:Lang.Export.xlsx ?></button></p>
</form>
<?cs /if ?>
</section>
<p><a href="/export/ranking" id="link-ranking"><?cs var:Lang.Ranking.title ?></a></p>
<section aria-labelledby="index-h">
<h2 id="index-h"><?cs var:Lang.ExportIndex.title ?></h2>
<p><a href="/export/index" id="index-link"><?cs var:Lang.ExportIndex.link ?></a></p>
</section>
<?cs include:"footer.cs" ?>
