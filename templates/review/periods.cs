<?cs set:Page.title = Lang.Review.periods_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.Review.periods_title ?></h1>
<?cs if:Cal.done ?><p class="ok" role="status" id="flash"><?cs var:Lang.Review.CalDone[Cal.done] ?></p><?cs /if ?>
<?cs if:Cal.error ?><p class="error" role="alert" id="cal-error"><?cs alt:Lang.Review.Err[Cal.error] ?><?cs var:Lang.Err[Cal.error] ?><?cs /alt ?></p><?cs /if ?>
<table class="periods">
  <caption><?cs var:Lang.Review.periods_caption ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.period ?></th><th scope="col"><?cs var:Lang.cutoff ?></th><th scope="col"><?cs var:Lang.Review.opens ?></th><th scope="col"><?cs var:Lang.due_date ?></th><th scope="col"><?cs var:Lang.status ?></th><th scope="col"><?cs var:Lang.Review.actions ?></th></tr></thead>
  <tbody>
  <?cs each:p = Cal.periods ?>
  <tr id="period-<?cs var:p.id ?>">
    <th scope="row"><?cs var:p.label ?></th>
    <td><?cs var:p.cutoff_start ?> – <?cs var:p.cutoff_end ?></td>
    <td><?cs var:p.opens ?></td>
    <td><?cs var:p.due ?></td>
    <td><?cs if:p.locked == 1 ?><?cs var:Lang.Review.locked ?><?cs elif:p.open == 1 ?><?cs var:Lang.Review.open ?><?cs else ?><?cs var:Lang.Review.closed ?><?cs /if ?></td>
    <td>
      <form method="post" action="/review/period-state" class="inline-form">
        <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
        <input type="hidden" name="id" value="<?cs var:p.id ?>">
        <?cs if:p.locked == 1 ?>
          <label for="reason-<?cs var:p.id ?>" class="sr"><?cs var:Lang.Review.unlock_reason ?></label>
          <input type="text" id="reason-<?cs var:p.id ?>" name="reason" placeholder="<?cs var:Lang.Review.unlock_reason ?>" size="24">
          <button type="submit" name="action" value="unlock"><?cs var:Lang.Review.unlock ?></button>
        <?cs else ?>
          <?cs if:p.open == 1 ?><button type="submit" name="action" value="close"><?cs var:Lang.Review.close ?></button><?cs else ?><button type="submit" name="action" value="open"><?cs var:Lang.Review.open_action ?></button><?cs /if ?>
          <button type="submit" name="action" value="lock"><?cs var:Lang.Review.lock ?></button>
        <?cs /if ?>
      </form>
      <a href="/review/period-indicators?period=<?cs var:p.id ?>"><?cs var:Lang.Review.asked ?> (<?cs var:p.asked ?>)</a>
    </td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<section>
<h2><?cs var:Lang.Review.new_period ?></h2>
<p class="muted"><?cs var:Lang.Review.new_period_hint ?> (<?cs var:Cal.due_days ?>)</p>
<form method="post" action="/review/periods" class="inline-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <label for="p-kind"><?cs var:Lang.Review.period_kind ?></label>
  <select id="p-kind" name="kind"><option value="Q"<?cs if:Cal.kind == "Q" ?> selected<?cs /if ?>><?cs var:Lang.Review.quarter ?></option><option value="H"<?cs if:Cal.kind == "H" ?> selected<?cs /if ?>><?cs var:Lang.Review.half ?></option><option value="Y"<?cs if:Cal.kind == "Y" ?> selected<?cs /if ?>><?cs var:Lang.Review.year ?></option></select>
  <label for="p-year"><?cs var:Lang.Review.year ?></label><input id="p-year" name="year" type="text" inputmode="numeric" size="5" value="<?cs var:Cal.year ?>">
  <label for="p-seq"><?cs var:Lang.Review.seq ?></label><input id="p-seq" name="seq" type="text" inputmode="numeric" size="2" value="<?cs var:Cal.seq ?>">
  <label for="p-opens"><?cs var:Lang.Review.opens ?></label><input id="p-opens" name="opens" type="text" size="10" placeholder="dd/mm/yyyy" value="<?cs var:Cal.opens ?>">
  <label for="p-due"><?cs var:Lang.due_date ?></label><input id="p-due" name="due" type="text" size="10" placeholder="dd/mm/yyyy" value="<?cs var:Cal.due ?>">
  <button type="submit" id="btn-create-period"><?cs var:Lang.Review.create ?></button>
</form>
</section>
<?cs include:"footer.cs" ?>
