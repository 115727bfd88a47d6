<?cs if:Task.id ?><?cs set:Page.title = Lang.Plan.edit_task ?><?cs else ?><?cs set:Page.title = Lang.Plan.add_task ?><?cs /if ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<p class="crumbs"><a href="/review/plan?year=<?cs var:Task.plan.year ?>"><?cs var:Lang.Plan.back ?></a></p>
<h1><?cs if:Task.id ?><?cs var:Lang.Plan.edit_task ?> <?cs var:Task.v.code ?><?cs else ?><?cs var:Lang.Plan.add_task ?><?cs /if ?></h1>
<p class="muted"><?cs var:Lang.Plan[Task.plan.kind] ?> <?cs var:Task.plan.year ?>: <?cs var:Task.plan.title ?></p>
<?cs if:Task.error ?>
<div class="error-summary" role="alert" id="error-summary" tabindex="-1">
  <p><?cs var:Lang.Dir.errors_title ?></p>
  <ul><li><?cs if:Task.error_field ?><a href="#f_<?cs var:Task.error_field ?>"><?cs var:Lang.Dir.Err[Task.error] ?></a><?cs else ?><?cs var:Lang.Dir.Err[Task.error] ?><?cs /if ?></li></ul>
</div>
<?cs /if ?>
<?cs if:Task.id ?>
<dl class="facts">
  <dt><?cs var:Lang.Plan.status ?></dt><dd><?cs var:Lang.Plan.Status[Task.status] ?></dd>
  <dt><?cs var:Lang.Plan.progress ?></dt><dd><?cs var:Task.progress ?></dd>
  <dt><?cs var:Lang.Plan.spent ?></dt><dd><?cs var:Task.spent ?></dd>
  <?cs if:Task.note ?><dt><?cs var:Lang.Plan.note ?></dt><dd><?cs var:Task.note ?></dd><?cs /if ?>
</dl>
<?cs /if ?>
<form method="post" action="/review/plan-task" novalidate id="form-task">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs if:Task.id ?><input type="hidden" name="id" value="<?cs var:Task.id ?>"><input type="hidden" name="version" value="<?cs var:Task.v.version ?>"><?cs else ?><input type="hidden" name="plan" value="<?cs var:Task.plan.id ?>"><?cs /if ?>
  <div class="field"><label for="f_code"><?cs var:Lang.Plan.code ?> <?cs var:Lang.Dir.required ?></label>
    <input id="f_code" name="code" type="text" size="12" maxlength="32" value="<?cs var:Task.v.code ?>"></div>
  <div class="field"><label for="f_title"><?cs var:Lang.Plan.task ?> <?cs var:Lang.Dir.required ?></label>
    <textarea id="f_title" name="title" rows="3" cols="70"><?cs var:Task.v.title ?></textarea></div>
  <div class="field"><label for="f_owner"><?cs var:Lang.Plan.owner ?> <?cs var:Lang.Dir.required ?></label>
    <select id="f_owner" name="owner"><option value="0">–</option>
    <?cs each:u = Task.units ?><option value="<?cs var:u.id ?>"<?cs if:Task.v.owner == u.id ?> selected<?cs /if ?>><?cs var:u.name ?></option><?cs /each ?></select></div>
  <fieldset id="f_coop" tabindex="-1"><legend><?cs var:Lang.Plan.coop ?></legend><div class="checks">
    <?cs each:u = Task.units ?><span class="check"><input type="checkbox" id="coop-<?cs var:u.id ?>" name="coop" value="<?cs var:u.id ?>"<?cs if:Task.v.coop[u.id] == "1" ?> checked<?cs /if ?>> <label for="coop-<?cs var:u.id ?>"><?cs var:u.name ?></label></span>
    <?cs /each ?></div></fieldset>
  <div class="field"><label for="f_deadline"><?cs var:Lang.Plan.deadline ?> <?cs var:Lang.Dir.required ?></label>
    <input id="f_deadline" name="deadline" type="text" size="10" placeholder="dd/mm/yyyy" value="<?cs var:Task.v.deadline ?>"></div>
  <div class="field"><label for="f_budget_estimated"><?cs var:Lang.Plan.estimated ?></label>
    <input id="f_budget_estimated" name="budget_estimated" type="text" inputmode="decimal" size="12" value="<?cs var:Task.v.budget_estimated ?>" aria-describedby="h_budget"></div>
  <div class="field"><label for="f_budget_allocated"><?cs var:Lang.Plan.allocated ?></label>
    <input id="f_budget_allocated" name="budget_allocated" type="text" inputmode="decimal" size="12" value="<?cs var:Task.v.budget_allocated ?>" aria-describedby="h_budget">
    <span class="hint" id="h_budget"><?cs var:Lang.Plan.budget_hint ?></span></div>
  <p class="actions"><button type="submit" class="primary" id="btn-save-task"><?cs var:Lang.Plan.save ?></button></p>
</form>
<?cs include:"footer.cs" ?>
