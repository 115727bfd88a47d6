<?cs set:Page.title = Hist.unit.name ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Hist.unit.name ?></h1>
<p><?cs var:Lang.Kinds[Hist.unit.kind] ?> · <?cs var:Hist.unit.code ?> · <?cs var:Lang.Review.valid ?> <?cs var:Hist.unit.valid_from ?> – <?cs if:Hist.unit.valid_to ?><?cs var:Hist.unit.valid_to ?><?cs else ?>…<?cs /if ?></p>
<table class="history" id="history">
  <caption><?cs var:Lang.Review.history_caption ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.period ?></th><th scope="col"><?cs var:Lang.due_date ?></th><th scope="col"><?cs var:Lang.status ?></th><th scope="col" class="num"><?cs var:Lang.days_late ?></th></tr></thead>
  <tbody>
  <?cs each:p = Hist.periods ?>
  <tr><th scope="row"><?cs var:p.label ?></th><td><?cs var:p.due ?></td>
  <td><span class="status st-<?cs var:p.status ?>"><?cs if:p.sub ?><a href="/review/submission?id=<?cs var:p.sub ?>"><?cs var:Lang.Status[p.status] ?></a><?cs else ?><?cs var:Lang.Status[p.status] ?><?cs /if ?></span></td>
  <td class="num"><?cs var:p.days_late ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs include:"footer.cs" ?>
