<?cs # An import from an Excel file that was refused before anything was saved:
   why (with the cell and the codes concerned), and the way back. ?>
<?cs set:Page.title = Lang.Import.Err.title ?><?cs include:"header.cs" ?>
<section class="error-page" role="alert" id="imp-error">
  <h1><?cs var:Lang.Import.Err.title ?></h1>
  <p class="error" id="imp-reason"><?cs if:Lang.Import.Err[Imp.err] ?><?cs var:Lang.Import.Err[Imp.err] ?><?cs else ?><?cs var:Lang.Err.bad_request ?><?cs /if ?>
  <?cs if:Imp.err == "too_big" ?><?cs var:Lang.Import.hint ?> <?cs var:Imp.max_mb ?> MB.<?cs /if ?></p>
  <?cs if:Imp.cell ?><p id="imp-cell"><?cs var:Lang.Import.cell ?> <strong><?cs var:Imp.cell ?></strong><?cs if:Imp.code ?> (<?cs var:Lang.Import.indicator ?> <?cs var:Imp.code ?>)<?cs /if ?></p><?cs /if ?>
  <?cs if:Imp.nunknown ?><p><?cs var:Lang.Import.codes ?> (<?cs var:Imp.nunknown ?>):</p>
  <ul id="imp-codes"><?cs each:c = Imp.codes ?><li><code><?cs var:c ?></code></li><?cs /each ?></ul><?cs /if ?>
  <p class="muted"><?cs var:Lang.Import.nothing_stored ?></p>
  <?cs if:Imp.period ?><p><a href="/report/form?period=<?cs var:Imp.period ?>#import"><?cs var:Lang.Import.back ?></a></p>
  <?cs else ?><p><a href="/report/"><?cs var:Lang.report_home_title ?></a></p><?cs /if ?>
  <p class="muted"><?cs var:Lang.error_id ?>: <code><?cs var:Page.reqid ?></code></p>
</section>
<?cs include:"footer.cs" ?>
