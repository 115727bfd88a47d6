<?cs set:Page.title = Lang.Plan.title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.Plan.title ?> <?cs var:Plan.year ?></h1>
<?cs if:Plan.done ?><p class="ok" role="status" id="flash"><?cs var:Lang.Plan.Done[Plan.done] ?></p><?cs /if ?>
<?cs if:Plan.error ?><p class="error" role="alert" id="plan-error"><?cs var:Lang.Dir.Err[Plan.error] ?></p><?cs /if ?>
<form method="get" action="/review/plan" class="inline-form">
  <label for="p-year"><?cs var:Lang.Plan.year ?></label><input id="p-year" name="year" type="text" inputmode="numeric" size="5" value="<?cs var:Plan.year ?>">
  <button type="submit"><?cs var:Lang.Plan.show ?></button>
  <a href="/export/plan.xlsx?year=<?cs var:Plan.year ?>" id="plan-export"><?cs var:Lang.Plan.export ?></a>
</form>
<?cs def:plan_sums(rows, keylabel, isq) ?>
<thead><tr><th scope="col"><?cs var:keylabel ?></th><th scope="col" class="num"><?cs var:Lang.Plan.tasks_count ?></th><th scope="col" class="num"><?cs var:Lang.Plan.progress ?></th><th scope="col" class="num"><?cs var:Lang.Plan.overdue_tasks ?></th>
<th scope="col" class="num"><?cs var:Lang.Plan.estimated ?></th><th scope="col" class="num"><?cs var:Lang.Plan.allocated ?></th><th scope="col" class="num"><?cs var:Lang.Plan.spent ?></th><th scope="col" class="num"><?cs var:Lang.Plan.used ?></th></tr></thead>
<tbody>
<?cs each:s = rows ?>
<tr><th scope="row"><?cs if:isq == 1 ?><?cs var:Lang.Plan.quarter ?> <?cs /if ?><?cs var:s.key ?></th><td class="num"><?cs var:s.tasks ?></td><td class="num"><?cs var:s.progress ?></td><td class="num<?cs if:s.overdue > 0 ?> hot<?cs /if ?>"><?cs var:s.overdue ?></td>
<td class="num"><?cs var:s.estimated ?></td><td class="num"><?cs var:s.allocated ?></td><td class="num"><?cs var:s.spent ?></td><td class="num"><?cs var:s.used ?></td></tr>
<?cs /each ?>
</tbody>
<?cs /def ?>
<?cs if:subcount(Plan.plans) == 0 ?>
<p class="notice" id="plan-none"><?cs var:Lang.Plan.none ?></p>
<?cs else ?>
<?cs if:subcount(Plan.total) > 0 ?>
<section aria-labelledby="h-summary">
<h2 id="h-summary"><?cs var:Lang.Plan.summary ?></h2>
<dl class="facts" id="plan-summary">
  <dt><?cs var:Lang.Plan.overall ?></dt><dd id="overall-progress"><?cs var:Plan.total.0.progress ?>%</dd>
  <dt><?cs var:Lang.Plan.overdue_tasks ?></dt><dd id="overdue-tasks"><?cs var:Plan.total.0.overdue ?></dd>
  <dt><?cs var:Lang.Plan.budget_used ?></dt><dd id="budget-used"><?cs var:Plan.total.0.spent ?> / <?cs var:Plan.total.0.allocated ?> <?cs var:Lang.Plan.budget_unit ?><?cs if:Plan.total.0.used ?> (<?cs var:Plan.total.0.used ?>%)<?cs /if ?></dd>
</dl>
<table class="figures" id="by-unit"><caption><?cs var:Lang.Plan.by_unit ?> (<?cs var:Lang.Plan.budget_unit ?>)</caption><?cs call:plan_sums(Plan.by_unit, Lang.Plan.owner, 0) ?></table>
<table class="figures" id="by-quarter"><caption><?cs var:Lang.Plan.by_quarter ?> (<?cs var:Lang.Plan.budget_unit ?>)</caption><?cs call:plan_sums(Plan.by_quarter, Lang.Plan.quarter, 1) ?></table>
</section>
<?cs /if ?>
<?cs each:p = Plan.plans ?>
<section aria-labelledby="h-plan-<?cs var:p.id ?>" id="plan-<?cs var:p.id ?>">
<h2 id="h-plan-<?cs var:p.id ?>"><?cs var:Lang.Plan[p.kind] ?>: <?cs var:p.title ?></h2>
<?cs if:p.decision ?><p class="muted"><?cs var:Lang.Plan.decision ?>: <?cs var:p.decision ?></p><?cs /if ?>
<p><a href="/review/plan-task?plan=<?cs var:p.id ?>" id="add-task-<?cs var:p.id ?>"><?cs var:Lang.Plan.add_task ?></a></p>
<?cs if:subcount(p.tasks) > 0 ?>
<table class="figures tasks">
  <thead><tr><th scope="col"><?cs var:Lang.Plan.code ?></th><th scope="col"><?cs var:Lang.Plan.task ?></th><th scope="col"><?cs var:Lang.Plan.owner ?></th><th scope="col"><?cs var:Lang.Plan.coop ?></th><th scope="col"><?cs var:Lang.Plan.deadline ?></th><th scope="col"><?cs var:Lang.Plan.status ?></th><th scope="col" class="num"><?cs var:Lang.Plan.progress ?></th><th scope="col" class="num"><?cs var:Lang.Plan.estimated ?></th><th scope="col" class="num"><?cs var:Lang.Plan.allocated ?></th><th scope="col" class="num"><?cs var:Lang.Plan.spent ?></th></tr></thead>
  <tbody>
  <?cs each:t = p.tasks ?>
  <tr id="task-<?cs var:t.id ?>" data-overdue="<?cs var:t.overdue ?>">
    <th scope="row"><a href="/review/plan-task?id=<?cs var:t.id ?>"><?cs var:t.code ?></a></th>
    <td><?cs var:t.title ?><?cs if:t.note ?><span class="meta"><?cs var:t.note ?></span><?cs /if ?></td>
    <td><?cs var:t.owner ?></td><td><?cs var:t.coop ?></td>
    <td><?cs var:t.deadline ?> <span class="meta"><?cs var:Lang.Plan.quarter ?> <?cs var:t.quarter ?></span></td>
    <td><?cs var:Lang.Plan.Status[t.status] ?><?cs if:t.overdue == 1 ?> <strong class="flag overdue"><?cs var:Lang.Plan.overdue ?></strong><?cs /if ?></td>
    <td class="num"><?cs var:t.progress ?></td><td class="num"><?cs var:t.estimated ?></td><td class="num"><?cs var:t.allocated ?></td><td class="num"><?cs var:t.spent ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p class="muted"><?cs var:Lang.Plan.tasks_none ?></p>
<?cs /if ?>
</section>
<?cs /each ?>
<?cs /if ?>
<section aria-labelledby="h-new-plan">
<h2 id="h-new-plan"><?cs var:Lang.Plan.new_plan ?></h2>
<form method="post" action="/review/plan" class="inline-form" id="form-plan">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="year" value="<?cs var:Plan.year ?>">
  <label for="np-kind"><?cs var:Lang.Plan.kind ?></label>
  <select id="np-kind" name="kind"><?cs if:!Plan.has.work ?><option value="work"><?cs var:Lang.Plan.work ?></option><?cs /if ?><?cs if:!Plan.has.inspection ?><option value="inspection"><?cs var:Lang.Plan.inspection ?></option><?cs /if ?></select>
  <label for="np-title"><?cs var:Lang.Plan.plan_title ?></label><input id="np-title" name="title" type="text" size="40" maxlength="500" value="<?cs var:Plan.v.title ?>">
  <label for="np-decision"><?cs var:Lang.Plan.decision ?></label><input id="np-decision" name="decision" type="text" size="24" maxlength="255" value="<?cs var:Plan.v.decision ?>">
  <button type="submit" id="btn-create-plan"><?cs var:Lang.Dir.create ?></button>
</form>
</section>
<?cs include:"footer.cs" ?>
