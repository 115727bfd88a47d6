<?cs set:Page.title = Sub.unit ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<p class="crumbs"><a href="/review/queue"><?cs var:Lang.Review.queue_title ?></a></p>
<h1><?cs var:Sub.unit ?> – <?cs var:Sub.period ?></h1>
<dl class="facts">
  <dt><?cs var:Lang.status ?></dt><dd><span class="status st-<?cs var:Sub.status ?>" id="sub-status"><?cs var:Lang.Status[Sub.status] ?></span></dd>
  <dt><?cs var:Lang.due_date ?></dt><dd><?cs var:Sub.due ?></dd>
  <dt><?cs var:Lang.Review.submitted_at ?></dt><dd><?cs var:Sub.submitted_at ?> <?cs var:Sub.submitted_by ?></dd>
  <dt><?cs var:Lang.Review.history ?></dt><dd><a href="/review/audit?entity=submission&amp;entity_id=<?cs var:Sub.id ?>"><?cs var:Lang.Review.timeline ?></a> · <a href="/review/unit?id=<?cs var:Sub.unit_id ?>"><?cs var:Lang.Review.unit_history ?></a></dd>
</dl>
<?cs if:Sub.done ?><p class="ok" role="status" id="flash"><?cs var:Lang.Review.Done[Sub.done] ?></p><?cs /if ?>
<?cs if:Sub.error ?><p class="error" role="alert" id="sub-error"><?cs var:Lang.Review.Err[Sub.error] ?><?cs alt:Lang.Err[Sub.error] ?><?cs /alt ?></p><?cs /if ?>
<?cs if:Sub.locked == 1 ?><p class="notice"><?cs var:Lang.period_locked_note ?></p><?cs /if ?>
<?cs if:Sub.flagged > 0 ?><p class="notice" id="flag-count"><?cs var:Lang.Review.flagged ?>: <?cs var:Sub.flagged ?></p><?cs /if ?>
<?cs if:subcount(Sub.rules) > 0 ?><ul class="error-summary" id="rule-flags"><?cs each:ru = Sub.rules ?><li><?cs var:ru.code ?>: <?cs var:ru.message ?></li><?cs /each ?></ul><?cs /if ?>
<table class="form review">
<thead><tr><th scope="col"><?cs var:Lang.indicator ?></th><th scope="col" class="num"><?cs var:Lang.prev_value ?></th><th scope="col" class="num"><?cs var:Lang.value ?></th><th scope="col"><?cs var:Lang.note ?></th><th scope="col"><?cs var:Lang.Review.flags ?></th></tr></thead>
<tbody>
<?cs each:w = Sub.rows ?>
<tr id="row-<?cs var:w.code ?>"<?cs if:subcount(w.flags) > 0 ?> class="has-error"<?cs /if ?>>
  <th scope="row"><?cs var:w.name ?><span class="meta"><?cs var:w.code ?> · <?cs var:w.uom ?><?cs if:w.vtype != "yesno" && (w.min || w.max) ?> · <?cs var:Lang.range ?> <?cs var:w.min ?>–<?cs var:w.max ?><?cs /if ?></span></th>
  <td class="num"><?cs var:w.prev ?></td>
  <td class="num"><?cs if:w.na == 1 ?><?cs var:Lang.not_applicable_short ?><?cs elif:w.vtype == "yesno" && w.value != "" ?><?cs if:w.value == "1" ?><?cs var:Lang.yes ?><?cs else ?><?cs var:Lang.no ?><?cs /if ?><?cs else ?><?cs var:w.value ?><?cs /if ?>
    <?cs if:w.corrected ?><span class="flag info"><?cs var:Lang.Review.corrected ?> (<?cs var:Lang.Review.officer_value ?>: <?cs var:w.officer_value ?>)</span><?cs /if ?></td>
  <td><?cs var:w.note ?></td>
  <td><?cs if:w.flags.missing ?><span class="flag"><?cs var:Lang.Review.flag_missing ?></span><?cs /if ?><?cs if:w.flags.range ?><span class="flag"><?cs var:Lang.Review.flag_range ?></span><?cs /if ?><?cs if:w.flags.rule ?><span class="flag"><?cs var:Lang.Review.flag_rule ?></span><?cs /if ?><?cs if:w.flags.jump ?><span class="flag"><?cs var:Lang.Review.flag_jump ?> <?cs var:w.flags.jump ?>%</span><?cs /if ?><?cs if:Sub.evidence.by_code[w.code] ?><a class="flag info" href="#evidence"><?cs var:Lang.Review.has_evidence ?> (<?cs var:Sub.evidence.by_code[w.code] ?>)</a><?cs /if ?></td>
</tr>
<?cs /each ?>
</tbody>
</table>
<section id="evidence">
<h2><?cs var:Lang.Evidence.title ?> (<?cs if:Sub.evidence.count ?><?cs var:Sub.evidence.count ?><?cs else ?>0<?cs /if ?>)</h2>
<?cs if:Sub.evidence.count > 0 ?>
<table class="evidence">
  <thead><tr><th scope="col"><?cs var:Lang.Evidence.for ?></th><th scope="col"><?cs var:Lang.Evidence.name ?></th><th scope="col"><?cs var:Lang.Evidence.type ?></th><th scope="col" class="num"><?cs var:Lang.Evidence.size ?></th><th scope="col"><?cs var:Lang.Evidence.by ?></th><th scope="col"><?cs var:Lang.Evidence.date ?></th></tr></thead>
  <tbody>
  <?cs each:e = Sub.evidence.list ?>
  <tr><td><?cs if:e.code ?><?cs var:e.code ?> – <?cs var:e.indicator ?><?cs else ?><?cs var:Lang.Evidence.whole ?><?cs /if ?></td>
  <td><a href="/review/evidence?id=<?cs var:e.id ?>"><?cs var:e.name ?></a></td><td><?cs var:e.type ?></td><td class="num"><?cs var:e.size_kb ?> KB</td><td><?cs var:e.by ?></td><td><?cs var:e.date ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p class="muted"><?cs var:Lang.Evidence.none ?></p><?cs /if ?>
</section>
<h2><?cs var:Lang.unit_remarks ?></h2>
<h3><?cs var:Lang.problems ?></h3><p class="pre"><?cs var:Sub.problems ?></p>
<h3><?cs var:Lang.proposals ?></h3><p class="pre"><?cs var:Sub.proposals ?></p>
<?cs if:Sub.review_comment ?><h3><?cs var:Lang.review_comment ?></h3><p class="pre" id="review-comment"><?cs var:Sub.review_comment ?></p><?cs /if ?>
<?cs if:Sub.locked != 1 ?>
<?cs if:Sub.raw_status == "submitted" || Sub.raw_status == "accepted" ?>
<section class="decide">
<h2><?cs var:Lang.Review.decision ?></h2>
<form method="post" action="/review/decide">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="id" value="<?cs var:Sub.id ?>">
  <input type="hidden" name="version" value="<?cs var:Sub.version ?>">
  <p><label for="comment"><?cs var:Lang.Review.comment ?></label>
  <textarea id="comment" name="comment" rows="3"></textarea></p>
  <p class="actions">
  <?cs if:Sub.raw_status == "submitted" ?>
    <button type="submit" name="decision" value="accept" id="btn-accept" class="primary"><?cs var:Lang.Review.accept ?></button>
    <button type="submit" name="decision" value="return" id="btn-return"><?cs var:Lang.Review.return ?></button>
  <?cs else ?>
    <button type="submit" name="decision" value="reopen" id="btn-reopen"><?cs var:Lang.Review.reopen ?></button>
  <?cs /if ?>
  </p>
</form>
</section>
<section class="correct">
<h2><?cs var:Lang.Review.correct_title ?></h2>
<p class="muted"><?cs var:Lang.Review.correct_hint ?></p>
<form method="post" action="/review/correct">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="id" value="<?cs var:Sub.id ?>">
  <input type="hidden" name="version" value="<?cs var:Sub.version ?>">
  <p><label for="c-indicator"><?cs var:Lang.indicator ?></label>
  <select id="c-indicator" name="indicator"><?cs each:w = Sub.rows ?><option value="<?cs var:w.code ?>"<?cs if:Sub.error_code == w.code ?> selected<?cs /if ?>><?cs var:w.code ?> – <?cs var:w.name ?></option><?cs /each ?></select></p>
  <p><label for="c-value"><?cs var:Lang.Review.new_value ?></label>
  <input id="c-value" name="value" type="text" value="<?cs var:Sub.typed_value ?>"></p>
  <p><label for="c-reason"><?cs var:Lang.Review.reason ?></label>
  <textarea id="c-reason" name="reason" rows="2"><?cs var:Sub.typed_reason ?></textarea></p>
  <p class="actions"><button type="submit" id="btn-correct"><?cs var:Lang.Review.correct ?></button></p>
</form>
</section>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
