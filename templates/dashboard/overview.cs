<?cs set:Page.title = Lang.Dash.overview_title ?><?cs set:Page.css.0 = "dashboard.css" ?><?cs include:"header.cs" ?>
<?cs include:"dashboard/macros.cs" ?>
<?cs call:dash_nav() ?>
<div class="dash-head">
  <h1><?cs var:Lang.Dash.overview_title ?><?cs if:Dash.period.label ?> <span class="period-name"><?cs var:Dash.period.label ?></span><?cs /if ?></h1>
  <?cs call:dash_period_form("/dashboard/", "", "") ?>
</div>
<?cs call:dash_run() ?>
<?cs if:Dash.period.computed == 1 ?>

<section class="kpis" aria-label="<?cs var:Lang.Dash.overview_title ?>">
  <div class="kpi kpi-met" id="kpi-met"><span class="kpi-num"><span class="sym" aria-hidden="true"><?cs var:Lang.Dash.MarkSym.met ?></span> <?cs var:Dash.count.met ?></span>
    <span class="kpi-label"><?cs var:Lang.Dash.Kpi.met ?></span>
    <span class="kpi-sub"><?cs var:Lang.Dash.Kpi.of_headline ?> <?cs var:Dash.count.total ?> <?cs var:Lang.Dash.Kpi.headline_unit ?></span></div>
  <div class="kpi kpi-on_track" id="kpi-on_track"><span class="kpi-num"><span class="sym" aria-hidden="true"><?cs var:Lang.Dash.MarkSym.on_track ?></span> <?cs var:Dash.count.on_track ?></span>
    <span class="kpi-label"><?cs var:Lang.Dash.Kpi.on_track ?></span>
    <span class="kpi-sub"><?cs var:Lang.Dash.legend_on_track_1 ?> <?cs var:Dash.on_track_pct ?><?cs var:Lang.Dash.legend_on_track_2 ?></span></div>
  <div class="kpi kpi-behind" id="kpi-behind"><span class="kpi-num"><span class="sym" aria-hidden="true"><?cs var:Lang.Dash.MarkSym.behind ?></span> <?cs var:Dash.count.behind ?></span>
    <span class="kpi-label"><?cs var:Lang.Dash.Kpi.behind ?></span>
    <span class="kpi-sub"><?cs if:Dash.count.no_data > 0 ?><?cs var:Dash.count.no_data ?> <?cs var:Lang.Dash.Kpi.no_data ?><?cs else ?>&nbsp;<?cs /if ?></span></div>
  <div class="kpi kpi-units" id="kpi-units"><span class="kpi-num"><?cs var:Dash.subs.on_time ?><span class="kpi-of">/<?cs var:Dash.subs.total ?></span></span>
    <span class="kpi-label"><?cs var:Lang.Dash.Kpi.units ?></span>
    <span class="kpi-sub"><?cs var:Dash.subs.late ?> <?cs var:Lang.Dash.Kpi.late ?> · <?cs var:Dash.subs.missing ?> <?cs var:Lang.Dash.Kpi.missing ?><?cs if:Dash.subs.pending > 0 ?> · <?cs var:Dash.subs.pending ?> <?cs var:Lang.Dash.Kpi.pending ?><?cs /if ?></span></div>
</section>

<?cs if:subcount(Dash.pillar_sum) > 0 ?>
<section aria-labelledby="pillars-h">
<h2 id="pillars-h"><?cs var:Lang.Dash.pillars_title ?></h2>
<table class="pillars" id="pillars">
  <caption class="sr"><?cs var:Lang.Dash.pillars_caption ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Dash.pillar ?></th><th scope="col" class="num"><?cs var:Lang.Dash.indicators ?></th>
  <th scope="col" class="num"><?cs call:dash_mark("met") ?></th><th scope="col" class="num"><?cs call:dash_mark("on_track") ?></th><th scope="col" class="num"><?cs call:dash_mark("behind") ?></th>
  <th scope="col"><?cs var:Lang.Dash.avg_progress ?></th></tr></thead>
  <tbody>
  <?cs each:p = Dash.pillar_sum ?>
  <tr id="pillar-<?cs var:p.code ?>"><th scope="row"><a href="/dashboard/pillar?code=<?cs var:url_escape(p.code) ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:p.name ?></a></th>
  <td class="num"><?cs var:p.total ?></td><td class="num"><?cs var:p.met ?></td><td class="num"><?cs var:p.on_track ?></td><td class="num<?cs if:p.behind > 0 ?> hot<?cs /if ?>"><?cs var:p.behind ?></td>
  <td><?cs if:?p.avg ?><span class="prog"><progress class="mark-<?cs var:p.mark ?>" max="100" value="<?cs var:p.avg ?>" aria-hidden="true"></progress><span class="pct"><?cs var:p.avg ?>%</span></span><?cs else ?><span class="muted">–</span><?cs /if ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
</section>
<?cs /if ?>

<section aria-labelledby="headline-h">
<h2 id="headline-h"><?cs var:Lang.Dash.headline_title ?></h2>
<?cs if:subcount(Dash.headline) > 0 ?>
<table class="figures headline" id="headline">
  <caption><?cs var:Lang.Dash.headline_caption ?><?cs if:Dash.prev.label ?>; <?cs var:Lang.Dash.change ?>: <?cs var:Dash.prev.label ?><?cs /if ?>
    <a class="csv" href="/dashboard/csv?table=headline&amp;period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.csv ?></a></caption>
  <colgroup><col class="c-name"><col class="c-val"><col class="c-val"><col class="c-prog"><col class="c-mark"><col class="c-delta"><col class="c-rep"></colgroup>
  <thead><tr><th scope="col"><?cs var:Lang.Dash.indicator ?></th><th scope="col" class="num"><?cs var:Lang.Dash.value ?></th><th scope="col" class="num"><?cs var:Lang.Dash.target ?></th>
  <th scope="col"><?cs var:Lang.Dash.progress ?></th><th scope="col"><?cs var:Lang.Dash.mark ?></th><th scope="col" class="num"><?cs var:Lang.Dash.change ?></th><th scope="col" class="num"><?cs var:Lang.Dash.units_reporting ?></th></tr></thead>
  <tbody>
  <?cs each:h = Dash.headline ?>
  <?cs if:h.first ?><tr class="group"><th colspan="7" scope="rowgroup"><a href="/dashboard/pillar?code=<?cs var:url_escape(h.pillar) ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:h.pillar_name ?></a></th></tr><?cs /if ?>
  <tr id="ind-<?cs var:h.code ?>" data-mark="<?cs var:h.mark ?>">
    <th scope="row"><a href="/dashboard/indicator?id=<?cs var:h.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:h.name ?></a></th>
    <td class="num value"><?cs call:dash_value(h) ?></td>
    <td class="num target"><?cs var:h.target ?></td>
    <td class="progress-cell"><?cs call:dash_progress(h) ?></td>
    <td><?cs call:dash_mark(h.mark) ?></td>
    <td class="num delta"><?cs if:h.delta != "" ?><span class="delta <?cs if:h.better == "1" ?>better<?cs elif:h.better == "0" ?>worse<?cs /if ?>"><?cs if:h.trend == "up" ?><span aria-hidden="true">↑</span> <?cs elif:h.trend == "down" ?><span aria-hidden="true">↓</span> <?cs /if ?><?cs var:h.delta ?><?cs if:h.better == "1" ?> <span class="sr">(<?cs var:Lang.Dash.better ?>)</span><?cs elif:h.better == "0" ?> <span class="sr">(<?cs var:Lang.Dash.worse ?>)</span><?cs /if ?></span><?cs else ?><span class="muted">–</span><?cs /if ?></td>
    <td class="num"><?cs var:h.reporting ?>/<?cs var:h.asked ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p class="notice"><?cs var:Lang.Dash.headline_none ?></p>
<?cs /if ?>
</section>

<div class="two-col">
<section aria-labelledby="lm-h" class="col">
<h2 id="lm-h"><?cs var:Lang.Dash.lm_title ?></h2>
<p class="muted"><?cs var:Lang.Dash.lm_due ?>: <?cs var:Dash.period.due ?> · <a href="/dashboard/timeliness?period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.nav_timeliness ?></a></p>
<?cs if:Dash.nlm > 0 ?>
<?cs if:Dash.nmissing > 0 ?>
<div class="missing" id="missing">
<h3><?cs call:dash_state("missing") ?> <span class="count"><?cs var:Dash.nmissing ?> <?cs var:Lang.Dash.units_uom ?></span> · <?cs var:Dash.missing_days ?> <?cs var:Lang.Dash.days_overdue ?></h3>
<?cs each:k = Dash.missing ?>
<p class="kind-list"><span class="kind-name"><?cs var:Lang.Dash.Kind[k.kind] ?>:</span>
<?cs each:u = k.units ?><span class="unit-item" id="lm-<?cs var:u.code ?>" data-state="missing"><a href="/dashboard/unit?id=<?cs var:u.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:u.name ?></a><?cs if:u.status != "not_started" ?> <span class="meta-inline">(<?cs var:Lang.Dash.StatusWord[u.status] ?>)</span><?cs /if ?><?cs if:!last(u) ?>; <?cs /if ?></span><?cs /each ?></p>
<?cs /each ?>
</div>
<?cs /if ?>
<?cs if:Dash.nlate > 0 ?>
<table class="figures lm" id="late-missing">
  <caption><?cs call:dash_state("late") ?> <span class="count"><?cs var:Dash.nlate ?> <?cs var:Lang.Dash.units_uom ?></span></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Dash.unit ?></th><th scope="col"><?cs var:Lang.Dash.submitted_col ?></th><th scope="col" class="num"><?cs var:Lang.Dash.days_late ?></th></tr></thead>
  <tbody>
  <?cs each:u = Dash.late ?>
  <tr id="lm-<?cs var:u.code ?>" data-state="late">
    <th scope="row"><a href="/dashboard/unit?id=<?cs var:u.id ?>&amp;period=<?cs var:Dash.period.id ?>"><?cs var:u.name ?></a><span class="meta"><?cs var:Lang.Dash.Kind[u.kind] ?></span></th>
    <td><?cs var:u.date ?></td>
    <td class="num"><?cs var:u.days ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<p><a class="csv" href="/dashboard/csv?table=late&amp;period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.csv ?></a></p>
<?cs else ?>
<p class="ok" id="late-missing-none"><?cs if:Dash.subs.pending > 0 ?><?cs var:Lang.Dash.lm_none_yet ?> <?cs var:Dash.subs.pending ?> <?cs var:Lang.Dash.lm_pending ?> <?cs var:Dash.period.due ?>.<?cs else ?><?cs var:Lang.Dash.lm_none ?><?cs /if ?></p>
<?cs /if ?>
</section>

<section aria-labelledby="best-h" class="col">
<h2 id="best-h"><?cs var:Lang.Dash.best_title ?></h2>
<p class="muted"><?cs var:Lang.Dash.best_intro ?> <a href="/dashboard/ranking?period=<?cs var:Dash.period.id ?>"><?cs var:Lang.Dash.see_all ?></a></p>
<?cs if:subcount(Dash.best) > 0 ?>
<?cs each:k = Dash.best ?>
<?cs call:dash_podium(k) ?>
<?cs /each ?>
<p class="muted small"><?cs var:Lang.Dash.score_note ?></p>
<?cs else ?>
<p class="notice"><?cs var:Lang.Dash.best_none ?></p>
<?cs /if ?>
</section>
</div>

<?cs call:dash_legend() ?>
<?cs /if ?>
<?cs include:"dashboard/directions-overdue.cs" ?>
<?cs include:"footer.cs" ?>
