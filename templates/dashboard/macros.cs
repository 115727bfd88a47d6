<?cs # Shared pieces of the dashboard pages: navigation, the period form, the
  run line, marks (symbol and text, never colour alone), progress bars and
  charts (an <img> served through /dashboard/chart, or a note when the chart
  job has not drawn it). ?>
<?cs def:dash_mark(m) ?><span class="mark mark-<?cs var:m ?>"><span class="sym" aria-hidden="true"><?cs var:Lang.Dash.MarkSym[m] ?></span> <?cs var:Lang.Dash.Mark[m] ?></span><?cs /def ?>
<?cs def:dash_state(s) ?><span class="state state-<?cs var:s ?>"><span class="sym" aria-hidden="true"><?cs var:Lang.Dash.StateSym[s] ?></span> <?cs var:Lang.Dash.State[s] ?></span><?cs /def ?>
<?cs def:dash_progress(x) ?><?cs if:?x.progress ?><span class="prog"><progress class="mark-<?cs var:x.mark ?>" max="100" value="<?cs var:x.bar ?>" aria-hidden="true"></progress><span class="pct"><?cs var:x.progress ?>%</span></span><?cs else ?><span class="muted">–</span><?cs /if ?><?cs /def ?>
<?cs def:dash_value(x) ?><?cs if:x.value ?><?cs var:x.value ?><?cs else ?><span class="muted"><?cs var:Lang.Dash.not_reported ?></span><?cs /if ?><?cs /def ?>
<?cs def:dash_chart(c, caption) ?>
<figure class="chart">
<?cs if:c.present ?><img src="<?cs var:c.url ?>" alt="<?cs var:c.alt ?>"><?cs else ?><p class="chart-missing"><?cs var:Lang.Dash.chart_missing ?></p><?cs /if ?>
<figcaption><?cs if:c.caption ?><?cs var:c.caption ?><?cs else ?><?cs var:caption ?><?cs /if ?></figcaption>
</figure>
<?cs /def ?>
<?cs def:dash_nav() ?>
<nav class="subnav dash-nav" aria-label="<?cs var:Lang.Dash.nav ?>">
  <a href="/dashboard/?period=<?cs var:Dash.period.id ?>"<?cs if:Nav.active == "overview" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Dash.nav_overview ?></a>
  <a href="/dashboard/ranking?period=<?cs var:Dash.period.id ?>"<?cs if:Nav.active == "ranking" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Dash.nav_ranking ?></a>
  <a href="/dashboard/timeliness?period=<?cs var:Dash.period.id ?>"<?cs if:Nav.active == "timeliness" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Dash.nav_timeliness ?></a>
  <a href="/dashboard/meetings"<?cs if:Nav.active == "meetings" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Dash.nav_meetings ?></a>
  <a href="/dashboard/directions"<?cs if:Nav.active == "directions" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Dash.nav_directions ?></a>
  <?cs if:Dash.period.briefing ?><a class="briefing" href="/dashboard/briefing?period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.briefing ?></a><?cs /if ?>
</nav>
<?cs if:subcount(Dash.pillars) > 0 ?>
<nav class="pillarnav" aria-label="<?cs var:Lang.Dash.nav_pillars ?>">
  <span class="lead"><?cs var:Lang.Dash.nav_pillars ?>:</span>
  <?cs each:p = Dash.pillars ?><a href="/dashboard/pillar?code=<?cs var:url_escape(p.code) ?>&amp;period=<?cs var:Dash.period.id ?>"<?cs if:p.current ?> aria-current="page"<?cs /if ?>><?cs var:p.name ?></a><?cs /each ?>
</nav>
<?cs /if ?>
<?cs /def ?>
<?cs def:dash_period_form(action, hname, hvalue) ?>
<?cs if:subcount(Periods) > 1 ?>
<form method="get" action="<?cs var:action ?>" class="filters period-form">
  <?cs if:hname ?><input type="hidden" name="<?cs var:hname ?>" value="<?cs var:hvalue ?>"><?cs /if ?>
  <label for="period"><?cs var:Lang.Dash.period ?></label>
  <select id="period" name="period"><?cs each:p = Periods ?><option value="<?cs var:p.id ?>"<?cs if:p.selected ?> selected<?cs /if ?>><?cs var:p.label ?></option><?cs /each ?></select>
  <button type="submit"><?cs var:Lang.Dash.show ?></button>
</form>
<?cs /if ?>
<?cs /def ?>
<?cs def:dash_run() ?>
<?cs if:Dash.period.computed == 1 ?>
<p class="run"><?cs var:Lang.Dash.computed ?> <strong><?cs var:Dash.period.run_time ?></strong> <?cs var:Lang.Dash.computed_on ?> <strong><?cs var:Dash.period.run_date ?></strong> <?cs var:Lang.Dash.computed_from ?> <?cs each:s = Dash.period.statuses ?><?cs if:!first(s) ?>, <?cs /if ?><?cs var:Lang.Dash.StatusWord[s] ?><?cs /each ?> (<?cs var:Dash.period.values_read ?> <?cs var:Lang.Dash.computed_values ?>).
<?cs if:Dash.subs.changed > 0 ?><br><?cs var:Dash.subs.changed ?> <?cs var:Lang.Dash.changed_after ?><?cs /if ?></p>
<?cs if:Dash.period.last_run == "failed" ?><p class="notice"><?cs var:Lang.Dash.run_failed ?></p><?cs /if ?>
<?cs if:Dash.period.last_run == "running" ?><p class="notice"><?cs var:Lang.Dash.run_running ?></p><?cs /if ?>
<?cs elif:Dash.period.id ?>
<p class="notice"><?cs var:Lang.Dash.computed_none ?></p>
<?cs else ?>
<p class="notice"><?cs var:Lang.Dash.no_period ?></p>
<?cs /if ?>
<?cs /def ?>
<?cs def:dash_legend() ?>
<section class="legend" aria-labelledby="legend-h">
  <h2 id="legend-h"><?cs var:Lang.Dash.legend_title ?></h2>
  <ul>
    <li><?cs call:dash_mark("met") ?>: <?cs var:Lang.Dash.legend_met ?></li>
    <li><?cs call:dash_mark("on_track") ?>: <?cs var:Lang.Dash.legend_on_track_1 ?> <?cs var:Dash.on_track_pct ?><?cs var:Lang.Dash.legend_on_track_2 ?></li>
    <li><?cs call:dash_mark("behind") ?>: <?cs var:Lang.Dash.legend_behind_1 ?> <?cs var:Dash.on_track_pct ?><?cs var:Lang.Dash.legend_behind_2 ?></li>
  </ul>
  <p class="muted"><?cs var:Lang.Dash.legend_progress ?></p>
</section>
<?cs /def ?>
<?cs def:dash_podium(k) ?>
<table class="figures podium" id="best-<?cs var:k.kind ?>">
  <caption><?cs var:Lang.Dash.Kind[k.kind] ?> <span class="muted">(<?cs var:k.n ?>)</span></caption>
  <thead><tr><th scope="col" class="num"><?cs var:Lang.Dash.rank ?></th><th scope="col"><?cs var:Lang.Dash.unit ?></th><th scope="col" class="num"><?cs var:Lang.Dash.score ?></th></tr></thead>
  <tbody class="ptop">
  <tr class="group"><th colspan="3" scope="rowgroup"><span aria-hidden="true">★</span> <?cs var:Lang.Dash.top ?></th></tr>
  <?cs each:u = k.top ?><tr data-unit="<?cs var:u.code ?>"><td class="num"><?cs var:u.rank ?></td><th scope="row"><a href="/dashboard/unit?id=<?cs var:u.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:u.name ?></a></th><td class="num"><?cs var:u.score ?></td></tr><?cs /each ?>
  </tbody>
  <?cs if:subcount(k.bottom) > 0 ?>
  <tbody class="pbottom">
  <tr class="group"><th colspan="3" scope="rowgroup"><span aria-hidden="true">⚑</span> <?cs var:Lang.Dash.bottom ?></th></tr>
  <?cs each:u = k.bottom ?><tr data-unit="<?cs var:u.code ?>"><td class="num"><?cs var:u.rank ?></td><th scope="row"><a href="/dashboard/unit?id=<?cs var:u.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:u.name ?></a></th><td class="num"><?cs var:u.score ?></td></tr><?cs /each ?>
  </tbody>
  <?cs /if ?>
</table>
<?cs /def ?>
