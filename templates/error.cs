<?cs set:Page.title = Lang.Err.title ?><?cs include:"header.cs" ?>
<section class="error-page" role="alert">
  <h1><?cs var:Lang.Err.title ?> (<?cs var:Error.status ?>)</h1>
  <p><?cs alt:Lang.Err[Error.key] ?><?cs var:Lang.Err.internal ?><?cs /alt ?></p>
  <?cs if:Error.field ?><p><?cs var:Lang.Err.field ?>: <code><?cs var:Error.field ?></code></p><?cs /if ?>
  <p class="muted"><?cs var:Lang.error_id ?>: <code><?cs var:Page.reqid ?></code></p>
  <p><a href="/"><?cs var:Lang.back_home ?></a></p>
</section>
<?cs include:"footer.cs" ?>
