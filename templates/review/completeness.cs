<?cs set:Page.title = Lang.Review.completeness_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.Review.completeness_title ?><?cs if:Compl.period.label ?> – <?cs var:Compl.period.label ?><?cs /if ?></h1>
<form method="get" action="/review/completeness" class="filters">
  <label for="c-period"><?cs var:Lang.period ?></label>
  <select id="c-period" name="period"><?cs each:p = Periods ?><option value="<?cs var:p.id ?>"<?cs if:p.selected ?> selected<?cs /if ?>><?cs var:p.label ?></option><?cs /each ?></select>
  <button type="submit"><?cs var:Lang.Review.show ?></button>
</form>
<?cs if:Compl.period.id ?>
<p><?cs var:Lang.due_date ?>: <?cs var:Compl.period.due ?></p>
<table class="summary" id="summary">
  <caption><?cs var:Lang.Review.summary_caption ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Review.unit_kind ?></th><th scope="col" class="num"><?cs var:Lang.Review.units_asked ?></th>
  <?cs each:st = Lang.Review.Grid ?><th scope="col" class="num"><?cs var:st ?></th><?cs /each ?>
  <th scope="col" class="num"><?cs var:Lang.Review.completeness ?></th></tr></thead>
  <tbody>
  <?cs each:k = Compl.summary ?>
  <tr id="summary-<?cs var:k.kind ?>"><th scope="row"><?cs var:Lang.Kinds[k.kind] ?></th><td class="num"><?cs var:k.total ?></td>
  <?cs each:st = Lang.Review.Grid ?><td class="num" data-status="<?cs name:st ?>"><?cs var:k.count[name(st)] ?></td><?cs /each ?>
  <td class="num" data-pct="1"><?cs var:k.pct ?>%</td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs if:Compl.nlate > 0 ?>
<h2><?cs var:Lang.Review.late_units ?></h2>
<ul id="late-units"><?cs each:l = Compl.late ?><li><?cs var:l.name ?>: <?cs var:Lang.Status[l.status] ?>, <?cs var:l.days ?> <?cs var:Lang.days_late ?></li><?cs /each ?></ul>
<?cs /if ?>
<table class="grid" id="grid">
  <caption><?cs var:Lang.Review.grid_caption ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.unit ?></th><th scope="col"><?cs var:Lang.Review.unit_kind ?></th><th scope="col"><?cs var:Lang.status ?></th><th scope="col" class="num"><?cs var:Lang.days_late ?></th></tr></thead>
  <tbody>
  <?cs each:u = Compl.units ?>
  <tr id="unit-<?cs var:u.code ?>" data-status="<?cs var:u.status ?>">
    <th scope="row"><a href="/review/unit?id=<?cs var:u.id ?>"><?cs var:u.name ?></a></th>
    <td><?cs var:Lang.Kinds[u.kind] ?></td>
    <td><span class="status st-<?cs var:u.status ?>"><?cs if:u.sub ?><a href="/review/submission?id=<?cs var:u.sub ?>"><?cs var:Lang.Status[u.status] ?></a><?cs else ?><?cs var:Lang.Status[u.status] ?><?cs /if ?></span></td>
    <td class="num"><?cs var:u.days_late ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p class="notice"><?cs var:Lang.no_periods ?></p>
<?cs /if ?>
<?cs include:"footer.cs" ?>
