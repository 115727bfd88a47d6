<?cs set:Page.title = Lang.Review.queue_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.Review.queue_title ?></h1>
<form method="get" action="/review/queue" class="filters">
  <label for="f-period"><?cs var:Lang.period ?></label>
  <select id="f-period" name="period"><option value="0"><?cs var:Lang.Review.all ?></option>
  <?cs each:p = Periods ?><option value="<?cs var:p.id ?>"<?cs if:p.selected ?> selected<?cs /if ?>><?cs var:p.label ?></option><?cs /each ?></select>
  <label for="f-kind"><?cs var:Lang.Review.unit_kind ?></label>
  <select id="f-kind" name="kind"><option value=""><?cs var:Lang.Review.all ?></option>
  <?cs each:k = Lang.Kinds ?><option value="<?cs name:k ?>"<?cs if:Queue.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select>
  <label for="f-status"><?cs var:Lang.status ?></label>
  <select id="f-status" name="status">
  <?cs each:st = Lang.Review.QueueStatus ?><option value="<?cs name:st ?>"<?cs if:Queue.status == name(st) ?> selected<?cs /if ?>><?cs var:st ?></option><?cs /each ?></select>
  <button type="submit"><?cs var:Lang.Review.filter ?></button>
</form>
<?cs if:Queue.count == 0 ?>
<p class="notice" id="queue-empty"><?cs var:Lang.Review.queue_empty ?></p>
<?cs else ?>
<table class="queue">
  <caption><?cs var:Lang.Review.queue_caption ?> (<?cs var:Queue.count ?>)</caption>
  <thead><tr><th scope="col"><?cs var:Lang.unit ?></th><th scope="col"><?cs var:Lang.period ?></th><th scope="col"><?cs var:Lang.Review.submitted_at ?></th><th scope="col"><?cs var:Lang.status ?></th><th scope="col"><span class="sr"><?cs var:Lang.action ?></span></th></tr></thead>
  <tbody>
  <?cs each:q = Queue.rows ?>
  <tr>
    <th scope="row"><?cs var:q.unit ?> <span class="meta"><?cs var:Lang.Kinds[q.kind] ?></span></th>
    <td><?cs var:q.period ?></td>
    <td><?cs var:q.submitted_at ?><?cs if:q.submitted_by ?> <span class="meta"><?cs var:q.submitted_by ?></span><?cs /if ?></td>
    <td><span class="status st-<?cs var:q.status ?>"><?cs var:Lang.Status[q.status] ?></span><?cs if:q.days_late ?> (<?cs var:q.days_late ?> <?cs var:Lang.days_late ?>)<?cs /if ?></td>
    <td><a href="/review/submission?id=<?cs var:q.id ?>"><?cs var:Lang.Review.open_submission ?></a></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs include:"footer.cs" ?>
