<?cs set:Page.title = Lang.Review.audit_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.Review.audit_title ?></h1>
<form method="get" action="/review/audit" class="filters">
  <label for="a-unit"><?cs var:Lang.Review.unit_code ?></label><input id="a-unit" name="unit" type="text" size="12" value="<?cs var:Audit.q.unit ?>">
  <label for="a-ind"><?cs var:Lang.Review.indicator_code ?></label><input id="a-ind" name="indicator" type="text" size="12" value="<?cs var:Audit.q.indicator ?>">
  <label for="a-user"><?cs var:Lang.Review.user_login ?></label><input id="a-user" name="user" type="text" size="14" value="<?cs var:Audit.q.user ?>">
  <label for="a-from"><?cs var:Lang.Review.from ?></label><input id="a-from" name="from" type="text" size="10" placeholder="dd/mm/yyyy" value="<?cs var:Audit.q.from ?>">
  <label for="a-to"><?cs var:Lang.Review.to ?></label><input id="a-to" name="to" type="text" size="10" placeholder="dd/mm/yyyy" value="<?cs var:Audit.q.to ?>">
  <?cs if:Audit.q.entity ?><input type="hidden" name="entity" value="<?cs var:Audit.q.entity ?>"><input type="hidden" name="entity_id" value="<?cs var:Audit.q.entity_id ?>"><?cs /if ?>
  <button type="submit"><?cs var:Lang.Review.search ?></button>
</form>
<?cs if:Audit.q.entity ?><p class="notice"><?cs var:Lang.Review.audit_of ?> <code><?cs var:Audit.q.entity ?> <?cs var:Audit.q.entity_id ?></code> · <a href="/review/audit"><?cs var:Lang.Review.all ?></a></p><?cs /if ?>
<p><a id="csv-link" href="/review/audit.csv?unit=<?cs var:url_escape(Audit.q.unit) ?>&amp;indicator=<?cs var:url_escape(Audit.q.indicator) ?>&amp;user=<?cs var:url_escape(Audit.q.user) ?>&amp;from=<?cs var:url_escape(Audit.q.from) ?>&amp;to=<?cs var:url_escape(Audit.q.to) ?>&amp;entity=<?cs var:url_escape(Audit.q.entity) ?>&amp;entity_id=<?cs var:url_escape(Audit.q.entity_id) ?>"><?cs var:Lang.Review.export_csv ?></a> (<?cs var:Audit.count ?> <?cs var:Lang.Review.rows ?>)</p>
<table class="audit" id="audit">
  <thead><tr><th scope="col"><?cs var:Lang.Review.time ?></th><th scope="col"><?cs var:Lang.Review.who ?></th><th scope="col"><?cs var:Lang.unit ?></th><th scope="col"><?cs var:Lang.Review.what ?></th><th scope="col"><?cs var:Lang.Review.old ?></th><th scope="col"><?cs var:Lang.Review.new ?></th><th scope="col"><?cs var:Lang.Review.reason ?></th></tr></thead>
  <tbody>
  <?cs each:a = Audit.rows ?>
  <tr><td><?cs var:a.at ?></td><td><?cs var:a.user ?> <span class="meta"><?cs var:a.login ?></span></td><td><?cs var:a.unit ?></td>
  <td><?cs alt:Lang.Review.Action[a.action] ?><?cs var:a.action ?><?cs /alt ?> <span class="meta"><a href="/review/audit?entity=<?cs var:url_escape(a.entity) ?>&amp;entity_id=<?cs var:url_escape(a.entity_id) ?>"><?cs var:a.entity ?> <?cs var:a.entity_id ?></a></span></td>
  <td class="pre"><?cs var:a.old ?></td><td class="pre"><?cs var:a.new ?></td><td class="pre"><?cs var:a.reason ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs include:"footer.cs" ?>
