<?cs set:Page.title = Lang.Dir.title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.Dir.title ?></h1>
<?cs if:Dir.done ?><p class="ok" role="status" id="flash"><?cs var:Lang.Dir.Done[Dir.done] ?></p><?cs /if ?>
<p><a href="/review/direction" id="new-direction"><?cs var:Lang.Dir.new ?></a> · <span class="muted"><?cs var:Lang.Dir.today ?>: <?cs var:Dir.today ?></span></p>
<form method="get" action="/review/directions" class="inline-form" id="dir-filter">
  <label for="f-status"><?cs var:Lang.Dir.status ?></label>
  <select id="f-status" name="status">
    <option value=""><?cs var:Lang.Dir.all ?></option>
    <?cs each:s = Lang.Dir.Status ?><option value="<?cs name:s ?>"<?cs if:Dir.f.status == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /each ?>
  </select>
  <label for="f-unit"><?cs var:Lang.Dir.unit ?></label>
  <select id="f-unit" name="unit">
    <option value="0"><?cs var:Lang.Dir.all ?></option>
    <?cs each:u = Dir.units ?><option value="<?cs var:u.id ?>"<?cs if:Dir.f.unit == u.id ?> selected<?cs /if ?>><?cs var:u.name ?></option><?cs /each ?>
  </select>
  <label for="f-giver"><?cs var:Lang.Dir.given_by ?></label>
  <select id="f-giver" name="giver">
    <option value="0"><?cs var:Lang.Dir.all ?></option>
    <?cs each:g = Dir.givers ?><option value="<?cs var:g.id ?>"<?cs if:Dir.f.giver == g.id ?> selected<?cs /if ?>><?cs var:g.name ?></option><?cs /each ?>
  </select>
  <button type="submit"><?cs var:Lang.Dir.filter ?></button>
</form>
<?cs if:Dir.count > 0 ?>
<table class="figures" id="directions">
  <caption><?cs var:Lang.Dir.register_caption ?> (<?cs var:Dir.count ?>)</caption>
  <thead><tr><th scope="col"><?cs var:Lang.Dir.code ?></th><th scope="col"><?cs var:Lang.Dir.body ?></th><th scope="col"><?cs var:Lang.Dir.owners ?></th><th scope="col"><?cs var:Lang.Dir.given_by ?></th><th scope="col"><?cs var:Lang.Dir.deadline ?></th><th scope="col"><?cs var:Lang.Dir.status ?></th></tr></thead>
  <tbody>
  <?cs each:d = Dir.rows ?>
  <tr id="dir-<?cs var:d.id ?>" data-status="<?cs var:d.status ?>" data-overdue="<?cs var:d.overdue ?>">
    <th scope="row"><a href="/review/direction?id=<?cs var:d.id ?>"><?cs var:d.code ?></a></th>
    <td><?cs var:d.body ?><?cs if:d.source ?><span class="meta"><?cs var:d.source ?></span><?cs /if ?></td>
    <td><?cs var:d.units ?></td>
    <td><?cs var:d.giver ?><span class="meta"><?cs var:d.given_on ?></span></td>
    <td><?cs var:d.deadline ?></td>
    <td><?cs var:Lang.Dir.Status[d.status] ?><?cs if:d.overdue == 1 ?> <strong class="flag overdue"><?cs var:Lang.Dir.overdue ?> <?cs var:d.days ?> <?cs var:Lang.Dir.overdue_days ?></strong><?cs /if ?><?cs if:d.done_on ?><span class="meta"><?cs var:d.done_on ?></span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p class="notice" id="directions-none"><?cs var:Lang.Dir.none ?></p>
<?cs /if ?>
<section aria-labelledby="h-overdue">
<h2 id="h-overdue"><?cs var:Lang.Dir.overdue_by_unit ?></h2>
<?cs if:subcount(Dir.overdue_units) > 0 ?>
<table class="figures" id="overdue-units">
  <thead><tr><th scope="col"><?cs var:Lang.Dir.unit ?></th><th scope="col" class="num"><?cs var:Lang.Dir.overdue_count ?></th><th scope="col"><?cs var:Lang.Dir.oldest ?></th></tr></thead>
  <tbody>
  <?cs each:u = Dir.overdue_units ?>
  <tr id="ou-<?cs var:u.id ?>"><th scope="row"><a href="/review/directions?status=overdue&amp;unit=<?cs var:u.id ?>"><?cs var:u.name ?></a></th><td class="num"><?cs var:u.count ?></td><td><?cs var:u.oldest ?> (<?cs var:u.days ?> <?cs var:Lang.Dir.overdue_days ?>)</td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p class="ok" id="overdue-none"><?cs var:Lang.Dir.none_overdue ?></p>
<?cs /if ?>
</section>
<?cs include:"footer.cs" ?>
