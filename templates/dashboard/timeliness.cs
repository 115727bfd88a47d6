<?cs set:Page.title = Lang.Dash.timeliness_title ?><?cs set:Page.css.0 = "dashboard.css" ?><?cs include:"header.cs" ?>
<?cs include:"dashboard/macros.cs" ?>
<?cs call:dash_nav() ?>
<div class="dash-head">
  <h1><?cs var:Lang.Dash.timeliness_title ?><?cs if:Dash.period.label ?> <span class="period-name"><?cs var:Dash.period.label ?></span><?cs /if ?></h1>
  <?cs call:dash_period_form("/dashboard/timeliness", "", "") ?>
</div>
<?cs if:Dash.period.id ?>
<p class="muted"><?cs var:Lang.Dash.lm_due ?>: <?cs var:Dash.period.due ?></p>
<?cs if:Dash.nstatus > 0 ?>
<?cs call:dash_chart(Dash.chart, Lang.Dash.status_chart) ?>
<ul class="st-legend" aria-label="<?cs var:Lang.Dash.legend_title ?>">
  <?cs each:st = Lang.Dash.StateSym ?><li><span class="st st-<?cs name:st ?>" aria-hidden="true"><?cs var:st ?></span> <?cs var:Lang.Dash.State[name(st)] ?><?cs if:name(st) == "late" || name(st) == "missing" ?> (<?cs var:Lang.Dash.days_after_due ?>)<?cs /if ?></li><?cs /each ?>
</ul>
<div class="wide">
<table class="figures status-grid" id="status">
  <caption><?cs var:Lang.Dash.status_caption ?> <a class="csv" href="/dashboard/csv?table=status&amp;period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.csv ?></a></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Dash.unit ?></th><?cs each:c = Dash.scols ?><th scope="col" class="st-col"><?cs var:c.label ?></th><?cs /each ?></tr></thead>
  <tbody>
  <?cs each:u = Dash.status ?>
  <?cs if:u.first ?><tr class="group"><th colspan="<?cs var:subcount(Dash.scols) + 1 ?>" scope="rowgroup"><?cs var:u.kind_name ?></th></tr><?cs /if ?>
  <tr id="st-<?cs var:u.code ?>"><th scope="row"><a href="/dashboard/unit?id=<?cs var:u.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:u.name ?></a></th>
    <?cs each:c = u.c ?><td class="st st-<?cs var:c.state ?>" data-state="<?cs var:c.state ?>" title="<?cs var:Lang.Dash.State[c.state] ?><?cs if:c.days > 0 ?> (<?cs var:c.days ?> <?cs var:Lang.Dash.days ?>)<?cs /if ?>"><span aria-hidden="true"><?cs var:Lang.Dash.StateSym[c.state] ?><?cs if:c.days > 0 ?> <?cs var:c.days ?><?cs /if ?></span><span class="sr"><?cs var:Lang.Dash.State[c.state] ?><?cs if:c.days > 0 ?> (<?cs var:c.days ?> <?cs var:Lang.Dash.days ?>)<?cs /if ?></span></td><?cs /each ?></tr>
  <?cs /each ?>
  </tbody>
  <tfoot>
  <tr><th scope="row"><?cs var:Lang.Dash.totals ?></th><?cs each:c = Dash.scols ?><td class="st-total"><span title="<?cs var:Lang.Dash.State.on_time ?>"><?cs var:Lang.Dash.StateSym.on_time ?> <?cs var:c.on_time ?></span><br><span title="<?cs var:Lang.Dash.State.late ?>"><?cs var:Lang.Dash.StateSym.late ?> <?cs var:c.late ?></span><br><span title="<?cs var:Lang.Dash.State.missing ?>"><?cs var:Lang.Dash.StateSym.missing ?> <?cs var:c.missing ?></span></td><?cs /each ?></tr>
  </tfoot>
</table>
</div>
<?cs else ?>
<p class="notice"><?cs var:Lang.Dash.status_none ?></p>
<?cs /if ?>
<?cs else ?>
<p class="notice"><?cs var:Lang.Dash.no_period ?></p>
<?cs /if ?>
<?cs include:"footer.cs" ?>
