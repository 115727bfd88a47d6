<?cs set:Page.title = Lang.DirDash.title ?><?cs set:Page.css.0 = "dashboard.css" ?><?cs include:"header.cs" ?>
<?cs include:"dashboard/macros.cs" ?>
<?cs call:dash_nav() ?>
<h1><?cs var:Lang.DirDash.title ?></h1>
<?cs include:"dashboard/directions-overdue.cs" ?>
<section aria-labelledby="per-unit-h">
<h2 id="per-unit-h"><?cs var:Lang.DirDash.per_unit ?></h2>
<?cs if:subcount(Dash.dirs.per_unit) > 0 ?>
<table class="figures" id="dirs-per-unit">
  <thead><tr><th scope="col"><?cs var:Lang.Dir.unit ?></th><th scope="col" class="num"><?cs var:Lang.DirDash.overdue ?></th><th scope="col" class="num"><?cs var:Lang.DirDash.open ?></th><th scope="col" class="num"><?cs var:Lang.DirDash.reported ?></th><th scope="col" class="num"><?cs var:Lang.DirDash.done ?></th><th scope="col" class="num"><?cs var:Lang.DirDash.total ?></th></tr></thead>
  <tbody>
  <?cs each:u = Dash.dirs.per_unit ?>
  <tr id="pu-<?cs var:u.id ?>"><th scope="row"><?cs var:u.name ?></th><td class="num<?cs if:u.overdue > 0 ?> hot<?cs /if ?>"><?cs var:u.overdue ?></td><td class="num"><?cs var:u.open ?></td><td class="num"><?cs var:u.reported ?></td><td class="num"><?cs var:u.done ?></td><td class="num"><?cs var:u.total ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p class="muted"><?cs var:Lang.Dir.none ?></p>
<?cs /if ?>
</section>
<section aria-labelledby="plan-h">
<h2 id="plan-h"><?cs var:Lang.DirDash.plan_title ?> <?cs var:Dash.year ?></h2>
<form method="get" action="/dashboard/directions" class="filters">
  <label for="d-year"><?cs var:Lang.DirDash.year ?></label><input id="d-year" name="year" type="text" inputmode="numeric" size="5" value="<?cs var:Dash.year ?>">
  <button type="submit"><?cs var:Lang.DirDash.show ?></button>
</form>
<?cs if:subcount(Dash.plans) > 0 ?>
<table class="figures" id="dash-plans">
  <thead><tr><th scope="col"><?cs var:Lang.Plan.kind ?></th><th scope="col" class="num"><?cs var:Lang.DirDash.tasks ?></th><th scope="col"><?cs var:Lang.DirDash.progress ?></th><th scope="col" class="num"><?cs var:Lang.DirDash.tasks_done ?></th><th scope="col" class="num"><?cs var:Lang.DirDash.tasks_overdue ?></th><th scope="col" class="num"><?cs var:Lang.DirDash.budget ?></th></tr></thead>
  <tbody>
  <?cs each:p = Dash.plans ?>
  <tr id="dplan-<?cs var:p.kind ?>"><th scope="row"><?cs var:Lang.Plan[p.kind] ?><span class="meta"><?cs var:p.title ?></span></th><td class="num"><?cs var:p.tasks ?></td>
  <td><?cs if:p.progress != "" ?><span class="prog"><progress max="100" value="<?cs var:p.progress ?>" aria-hidden="true"></progress><span class="pct"><?cs var:p.progress ?>%</span></span><?cs else ?>–<?cs /if ?></td>
  <td class="num"><?cs var:p.done ?></td><td class="num<?cs if:p.overdue > 0 ?> hot<?cs /if ?>"><?cs var:p.overdue ?></td>
  <td class="num"><?cs var:p.spent ?> / <?cs var:p.allocated ?><?cs if:p.used != "" ?> (<?cs var:p.used ?>%)<?cs /if ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p class="muted"><?cs var:Lang.DirDash.plan_none ?></p>
<?cs /if ?>
</section>
<?cs include:"footer.cs" ?>
