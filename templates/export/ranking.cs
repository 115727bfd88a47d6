<?cs set:Page.title = Lang.Ranking.title ?><?cs include:"header.cs" ?>
<h1><?cs var:Lang.Ranking.title ?></h1>
<p><?cs var:Lang.Ranking.intro ?></p>
<section aria-labelledby="rk-period-h">
<h2 id="rk-period-h"><?cs var:Lang.Ranking.by_period ?></h2>
<?cs if:subcount(Rank.periods) == 0 ?>
<p id="no-periods"><?cs var:Lang.Export.no_periods ?></p>
<?cs else ?>
<form method="get" action="/export/ranking.xlsx" id="rk-period-form" class="filters">
  <p><label for="rk-period"><?cs var:Lang.Ranking.period ?></label>
  <select name="period" id="rk-period"><?cs each:p = Rank.periods ?>
    <option value="<?cs var:p.id ?>"><?cs var:p.label ?></option><?cs /each ?>
  </select></p>
  <p><label for="rk-pkind"><?cs var:Lang.Ranking.kind ?></label>
  <select name="kind" id="rk-pkind"><?cs each:k = Lang.Ranking.Kind ?>
    <option value="<?cs name:k ?>"><?cs var:k ?></option><?cs /each ?>
  </select></p>
  <p><button type="submit" id="rk-period-xlsx"><?cs var:Lang.Ranking.xlsx ?></button>
  <button type="submit" id="rk-period-csv" formaction="/export/ranking.csv"><?cs var:Lang.Ranking.csv ?></button></p>
</form>
<?cs /if ?>
</section>
<section aria-labelledby="rk-year-h">
<h2 id="rk-year-h"><?cs var:Lang.Ranking.by_year ?></h2>
<?cs if:subcount(Rank.years) > 0 ?>
<form method="get" action="/export/ranking.xlsx" id="rk-year-form" class="filters">
  <p><label for="rk-year"><?cs var:Lang.Ranking.year ?></label>
  <select name="year" id="rk-year"><?cs each:y = Rank.years ?>
    <option value="<?cs var:y ?>"><?cs var:y ?></option><?cs /each ?>
  </select></p>
  <p><label for="rk-ykind"><?cs var:Lang.Ranking.kind ?></label>
  <select name="kind" id="rk-ykind"><?cs each:k = Lang.Ranking.Kind ?>
    <option value="<?cs name:k ?>"><?cs var:k ?></option><?cs /each ?>
  </select></p>
  <p><button type="submit" id="rk-year-xlsx"><?cs var:Lang.Ranking.xlsx ?></button>
  <button type="submit" id="rk-year-csv" formaction="/export/ranking.csv"><?cs var:Lang.Ranking.csv ?></button></p>
</form>
<?cs /if ?>
</section>
<section aria-labelledby="rk-formula-h">
<h2 id="rk-formula-h"><?cs var:Lang.Ranking.formula_title ?></h2>
<p id="rk-formula"><?cs var:Rank.formula ?></p>
</section>
<?cs include:"footer.cs" ?>
