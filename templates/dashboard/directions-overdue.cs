<?cs # the overdue directions per owner unit, as of today (overview and directions page) ?>
<section aria-labelledby="dirs-h" id="overdue-directions">
<h2 id="dirs-h"><?cs var:Lang.DirDash.overdue_title ?> <span class="count" id="dirs-overdue-count"><?cs var:Dash.dirs.overdue ?></span></h2>
<p class="muted"><?cs var:Lang.DirDash.as_of ?> <?cs var:Dash.dirs.today ?><?cs if:Nav.active != "directions" ?> · <a href="/dashboard/directions"><?cs var:Lang.DirDash.see_all ?></a><?cs /if ?></p>
<?cs if:Dash.dirs.overdue > 0 ?>
<table class="figures" id="dirs-overdue">
  <thead><tr><th scope="col"><?cs var:Lang.Dir.unit ?></th><th scope="col" class="num"><?cs var:Lang.DirDash.overdue ?></th><th scope="col"><?cs var:Lang.Dir.title ?></th></tr></thead>
  <tbody>
  <?cs each:u = Dash.dirs.units ?>
  <tr id="dirs-unit-<?cs var:u.id ?>"><th scope="row"><?cs var:u.name ?></th><td class="num"><?cs var:u.count ?></td>
  <td><ul class="plain"><?cs each:d = u.list ?><li><strong><?cs var:d.code ?></strong> – <?cs var:d.body ?> <span class="meta"><?cs var:Lang.Dir.deadline ?> <?cs var:d.deadline ?>, <?cs var:d.days ?> <?cs var:Lang.DirDash.days ?></span></li><?cs /each ?></ul></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p class="ok" id="dirs-overdue-none"><?cs var:Lang.DirDash.none ?></p>
<?cs /if ?>
</section>
