<?cs # An evidence upload or delete that was refused: why, and the way back. ?>
<?cs set:Page.title = Lang.Evidence.Err.title ?><?cs include:"header.cs" ?>
<section class="error-page" role="alert" id="ev-error">
  <h1><?cs var:Lang.Evidence.Err.title ?></h1>
  <p class="error" id="ev-reason"><?cs alt:Lang.Evidence.Err[Ev.err] ?><?cs var:Lang.Err.bad_request ?><?cs /alt ?>
  <?cs if:Ev.err == "too_big" ?><?cs var:Lang.Evidence.max ?> <?cs var:Ev.max_mb ?> MB.<?cs /if ?>
  <?cs if:Ev.err == "quota" ?><?cs var:Lang.Evidence.quota_used ?> <?cs var:Ev.used_mb ?> / <?cs var:Ev.quota_mb ?> MB.<?cs /if ?>
  <?cs if:Ev.err == "ext" ?><?cs var:Lang.Evidence.detected ?> <?cs var:Ev.type ?>.<?cs /if ?></p>
  <p class="muted"><?cs var:Lang.Evidence.nothing_stored ?></p>
  <?cs if:Ev.period ?><p><a href="/report/form?period=<?cs var:Ev.period ?>#evidence"><?cs var:Lang.Evidence.back ?></a></p>
  <?cs else ?><p><a href="/report/"><?cs var:Lang.report_home_title ?></a></p><?cs /if ?>
  <p class="muted"><?cs var:Lang.error_id ?>: <code><?cs var:Page.reqid ?></code></p>
</section>
<?cs include:"footer.cs" ?>
