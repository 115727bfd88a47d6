<?cs set:Page.title = Lang.Dir.Report.title ?><?cs include:"header.cs" ?>
<h1><?cs var:Lang.Dir.Report.title ?></h1>
<nav class="subnav" aria-label="<?cs var:Lang.report_nav ?>">
  <a href="/report/"><?cs var:Lang.report_nav_forms ?></a>
  <a href="/report/directions" aria-current="page"><?cs var:Lang.report_nav_directions ?></a>
  <a href="/report/meetings"><?cs var:Lang.report_nav_meetings ?></a>
</nav>
<?cs if:Rep.done ?><p class="ok" role="status" id="flash"><?cs var:Lang.Dir.Done[Rep.done] ?></p><?cs /if ?>
<?cs if:Rep.error ?>
<div class="error-summary" role="alert" id="error-summary" tabindex="-1">
  <p><?cs var:Lang.Dir.errors_title ?></p>
  <ul><li><a href="#<?cs var:Rep.error_what ?>-<?cs var:Rep.error_id ?>"><?cs var:Lang.Dir.Err[Rep.error] ?></a></li></ul>
</div>
<?cs /if ?>
<?cs if:Rep.no_unit ?>
<p class="notice"><?cs var:Lang.no_unit ?></p>
<?cs else ?>
<section aria-labelledby="h-dirs">
<h2 id="h-dirs"><?cs var:Lang.Dir.Report.directions ?></h2>
<?cs if:subcount(Rep.dirs) == 0 ?><p class="muted" id="dirs-none"><?cs var:Lang.Dir.Report.directions_none ?></p><?cs /if ?>
<?cs each:d = Rep.dirs ?>
<?cs set:mine = Rep.error_what == "dir" && Rep.error_id == d.id ?>
<article class="direction" id="dir-<?cs var:d.id ?>" data-overdue="<?cs var:d.overdue ?>">
  <h3><?cs var:d.code ?> · <?cs var:Lang.Dir.Status[d.status] ?><?cs if:d.overdue == 1 ?> <strong class="flag overdue"><?cs var:Lang.Dir.overdue ?> <?cs var:d.days ?> <?cs var:Lang.Dir.overdue_days ?></strong><?cs /if ?></h3>
  <p><?cs var:d.body ?></p>
  <p class="meta"><?cs var:Lang.Dir.given_by ?>: <?cs var:d.giver ?> (<?cs var:d.given_on ?>)<?cs if:d.source ?> · <?cs var:d.source ?><?cs /if ?> · <?cs var:Lang.Dir.deadline ?>: <strong><?cs var:d.deadline ?></strong></p>
  <?cs if:d.last.note ?><p class="meta"><?cs var:Lang.Dir.Report.last_note ?> (<?cs var:d.last.at ?>, <?cs var:Lang.Dir.Status[d.last.status] ?>): <?cs var:d.last.note ?></p><?cs /if ?>
  <form method="post" action="/report/direction-progress" class="inline-form" novalidate>
    <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
    <input type="hidden" name="id" value="<?cs var:d.id ?>">
    <input type="hidden" name="version" value="<?cs var:d.version ?>">
    <label for="ds-<?cs var:d.id ?>"><?cs var:Lang.Dir.Report.new_status ?></label>
    <select id="ds-<?cs var:d.id ?>" name="status">
      <option value="in_progress"<?cs if:d.status == "in_progress" ?> selected<?cs /if ?>><?cs var:Lang.Dir.Status.in_progress ?></option>
      <option value="reported"<?cs if:d.status == "reported" ?> selected<?cs /if ?>><?cs var:Lang.Dir.Status.reported ?></option>
    </select>
    <label for="dn-<?cs var:d.id ?>"><?cs var:Lang.Dir.note ?> <?cs var:Lang.Dir.required ?></label>
    <textarea id="dn-<?cs var:d.id ?>" name="note" rows="2" cols="50" aria-describedby="dh-<?cs var:d.id ?>"><?cs if:mine ?><?cs var:Rep.typed.note ?><?cs /if ?></textarea>
    <span class="hint" id="dh-<?cs var:d.id ?>"><?cs var:Lang.Dir.Report.note_hint ?></span>
    <button type="submit"><?cs var:Lang.Dir.Report.send ?></button>
  </form>
</article>
<?cs /each ?>
</section>
<section aria-labelledby="h-tasks">
<h2 id="h-tasks"><?cs var:Lang.Dir.Report.tasks ?></h2>
<?cs if:subcount(Rep.tasks) == 0 ?><p class="muted" id="tasks-none"><?cs var:Lang.Dir.Report.tasks_none ?></p><?cs else ?>
<table class="figures tasks" id="own-tasks">
  <thead><tr><th scope="col"><?cs var:Lang.Plan.task ?></th><th scope="col"><?cs var:Lang.Plan.deadline ?></th><th scope="col"><?cs var:Lang.Plan.allocated ?> (<?cs var:Lang.Plan.budget_unit ?>)</th><th scope="col"><?cs var:Lang.Dir.Report.update ?></th></tr></thead>
  <tbody>
  <?cs each:t = Rep.tasks ?>
  <?cs set:mine = Rep.error_what == "task" && Rep.error_id == t.id ?>
  <tr id="task-<?cs var:t.id ?>" data-overdue="<?cs var:t.overdue ?>">
    <th scope="row"><?cs var:t.code ?> · <?cs var:t.title ?><span class="meta"><?cs var:Lang.Plan[t.kind] ?> <?cs var:t.year ?></span></th>
    <td><?cs var:t.deadline ?><?cs if:t.overdue == 1 ?> <strong class="flag overdue"><?cs var:Lang.Plan.overdue ?></strong><?cs /if ?></td>
    <td class="num"><?cs var:t.allocated ?></td>
    <td><form method="post" action="/report/task-progress" class="inline-form" novalidate>
      <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
      <input type="hidden" name="id" value="<?cs var:t.id ?>">
      <input type="hidden" name="version" value="<?cs var:t.version ?>">
      <label for="ts-<?cs var:t.id ?>"><?cs var:Lang.Plan.status ?></label>
      <select id="ts-<?cs var:t.id ?>" name="status"><?cs each:s = Lang.Plan.Status ?><?cs if:name(s) != "dropped" ?><option value="<?cs name:s ?>"<?cs if:t.status == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /if ?><?cs /each ?></select>
      <label for="tp-<?cs var:t.id ?>"><?cs var:Lang.Plan.progress ?></label>
      <input id="tp-<?cs var:t.id ?>" name="progress" type="text" inputmode="numeric" size="4" value="<?cs if:mine ?><?cs var:Rep.typed.progress ?><?cs else ?><?cs var:t.progress ?><?cs /if ?>">
      <label for="tb-<?cs var:t.id ?>"><?cs var:Lang.Plan.spent ?></label>
      <input id="tb-<?cs var:t.id ?>" name="spent" type="text" inputmode="decimal" size="10" value="<?cs if:mine ?><?cs var:Rep.typed.spent ?><?cs else ?><?cs var:t.spent ?><?cs /if ?>">
      <label for="tn-<?cs var:t.id ?>"><?cs var:Lang.Plan.note ?></label>
      <input id="tn-<?cs var:t.id ?>" name="note" type="text" size="30" maxlength="2000" value="<?cs if:mine ?><?cs var:Rep.typed.note ?><?cs else ?><?cs var:t.note ?><?cs /if ?>">
      <button type="submit"><?cs var:Lang.Dir.Report.update ?></button>
    </form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
</section>
<section aria-labelledby="h-coop">
<h2 id="h-coop"><?cs var:Lang.Dir.Report.coop ?></h2>
<?cs if:subcount(Rep.coop) == 0 ?><p class="muted"><?cs var:Lang.Dir.Report.coop_none ?></p><?cs else ?>
<table class="figures tasks" id="coop-tasks">
  <thead><tr><th scope="col"><?cs var:Lang.Plan.task ?></th><th scope="col"><?cs var:Lang.Plan.owner ?></th><th scope="col"><?cs var:Lang.Plan.deadline ?></th><th scope="col"><?cs var:Lang.Plan.status ?></th><th scope="col" class="num"><?cs var:Lang.Plan.progress ?></th></tr></thead>
  <tbody>
  <?cs each:t = Rep.coop ?>
  <tr id="coop-<?cs var:t.id ?>"><th scope="row"><?cs var:t.code ?> · <?cs var:t.title ?></th><td><?cs var:t.owner ?></td><td><?cs var:t.deadline ?><?cs if:t.overdue == 1 ?> <strong class="flag overdue"><?cs var:Lang.Plan.overdue ?></strong><?cs /if ?></td><td><?cs var:Lang.Plan.Status[t.status] ?></td><td class="num"><?cs var:t.progress ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
