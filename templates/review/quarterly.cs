<?cs set:Page.title = Lang.Quarterly.title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.Quarterly.title ?><?cs if:Qr.period.label ?> – <?cs var:Qr.period.label ?><?cs /if ?></h1>
<p class="muted"><?cs var:Lang.Quarterly.intro ?></p>
<?cs if:Qr.done == "started" ?><p class="ok" role="status" id="flash"><?cs var:Lang.Quarterly.started ?></p><?cs /if ?>
<?cs if:Qr.error ?><p class="error" role="alert" id="qr-error"><?cs var:Lang.Quarterly.Err[Qr.error] ?></p><?cs /if ?>
<?cs if:subcount(Periods) == 0 ?><p><?cs var:Lang.Quarterly.no_periods ?></p><?cs else ?>
<form method="get" action="/review/quarterly" class="filters">
  <label for="q-period"><?cs var:Lang.Quarterly.period ?></label>
  <select id="q-period" name="period"><?cs each:p = Periods ?><option value="<?cs var:p.id ?>"<?cs if:p.selected ?> selected<?cs /if ?>><?cs var:p.label ?></option><?cs /each ?></select>
  <button type="submit"><?cs var:Lang.Quarterly.show ?></button>
</form>
<?cs /if ?>
<?cs if:Qr.period.id ?>
<section>
<h2><?cs var:Lang.Quarterly.documents ?></h2>
<?cs if:Qr.running == 1 ?><p class="ok" role="status" id="qr-running"><?cs var:Lang.Quarterly.running ?></p><?cs /if ?>
<?cs if:subcount(Qr.docs) == 0 ?>
<p id="qr-none"><?cs var:Lang.Quarterly.none ?></p>
<?cs else ?>
<table class="periods" id="qr-docs">
  <caption><?cs var:Lang.Quarterly.doc_caption ?> <?cs var:Qr.period.label ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Quarterly.format ?></th><th scope="col"><?cs var:Lang.Quarterly.generated ?></th><th scope="col" class="num"><?cs var:Lang.Quarterly.size ?></th><th scope="col"><span class="sr"><?cs var:Lang.Quarterly.download ?></span></th></tr></thead>
  <tbody>
  <?cs each:d = Qr.docs ?>
  <tr id="doc-<?cs var:d.format ?>">
    <th scope="row"><?cs var:Lang.Quarterly["fmt_" + d.format] ?></th>
    <td><?cs var:d.when ?></td>
    <td class="num"><?cs var:d.size ?></td>
    <td><a href="/review/quarterly-file?period=<?cs var:Qr.period.id ?>&amp;format=<?cs var:d.format ?>"><?cs var:Lang.Quarterly.download ?> <?cs var:d.format ?></a></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs if:Qr.last && Qr.running != 1 ?><p id="qr-last" data-outcome="<?cs var:Qr.last ?>"<?cs if:Qr.last != "done" ?> class="error"<?cs /if ?>><?cs var:Lang.Quarterly.last_run ?> (<?cs var:Qr.last_when ?>): <?cs var:Lang.Quarterly.Last[Qr.last] ?></p><?cs /if ?>
<form method="post" action="/review/quarterly" class="inline-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="period" value="<?cs var:Qr.period.id ?>">
  <button type="submit" id="btn-make" aria-describedby="qr-hint"><?cs if:subcount(Qr.docs) == 0 ?><?cs var:Lang.Quarterly.make ?><?cs else ?><?cs var:Lang.Quarterly.remake ?><?cs /if ?></button>
</form>
<p class="muted" id="qr-hint"><?cs var:Lang.Quarterly.make_hint ?></p>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
