<?cs include:"review/indices-macros.cs" ?>
<?cs set:Page.title = Lang.Indices.list_title ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<h1><?cs var:Lang.Indices.list_title ?></h1>
<p class="muted"><?cs var:Lang.Indices.list_intro ?></p>
<?cs call:ix_flash() ?>
<?cs call:ix_summary() ?>
<?cs each:x = Indices ?>
<table class="refdata" id="index-<?cs var:x.code ?>">
  <caption><?cs var:x.code ?> – <?cs var:x.name ?><?cs if:x.owner ?> <span class="meta">(<?cs var:x.owner ?>)</span><?cs /if ?></caption>
  <thead><tr>
    <th scope="col"><?cs var:Lang.Indices.L.code ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.name ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.decision ?></th>
    <th scope="col"><?cs var:Lang.Indices.years ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.max_points ?></th>
    <th scope="col"><?cs var:Lang.Indices.criteria_maps ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.verified ?></th>
  </tr></thead>
  <tbody>
  <?cs each:v = x.versions ?>
  <tr id="ver-<?cs var:v.code ?>"<?cs if:v.verified != 1 ?> class="unverified-row"<?cs /if ?>>
    <th scope="row"><a href="/review/index-version?id=<?cs var:v.id ?>"><?cs var:v.code ?></a></th>
    <td><?cs var:v.name ?><?cs if:v.source ?><span class="meta"><?cs var:v.source ?></span><?cs /if ?></td>
    <td><?cs if:v.decision ?><?cs var:v.decision ?><?cs else ?><span class="muted"><?cs var:Lang.Indices.no_decision ?></span><?cs /if ?></td>
    <td><?cs var:v.year_from ?>–<?cs if:v.year_to ?><?cs var:v.year_to ?><?cs else ?><?cs var:Lang.Indices.current ?><?cs /if ?></td>
    <td class="num"><?cs if:v.max_points ?><?cs var:v.max_points ?><?cs else ?>–<?cs /if ?></td>
    <td class="num"><?cs var:v.ncrit ?> / <?cs var:v.nmap ?></td>
    <td><?cs call:ix_verified(v.verified) ?></td>
  </tr>
  <?cs /each ?>
  <?cs if:subcount(x.versions) == 0 ?><tr><td colspan="7"><?cs var:Lang.Indices.no_versions ?></td></tr><?cs /if ?>
  </tbody>
</table>
<?cs /each ?>

<section aria-labelledby="h-add-version">
<h2 id="h-add-version"><?cs var:Lang.Indices.add_version ?></h2>
<p class="muted"><?cs var:Lang.Indices.add_version_intro ?></p>
<form method="post" action="/review/indices" novalidate id="form-version">
  <?cs call:fm_csrf() ?>
  <div class="field<?cs if:E.index_code ?> has-error<?cs /if ?>">
    <label for="f_index_code"><?cs var:Lang.Indices.L.index_code ?><?cs call:fm_req(1) ?></label>
    <select id="f_index_code" name="index_code" aria-required="true"<?cs call:fm_aria("index_code") ?>>
      <option value=""><?cs var:Lang.Indices.choose ?></option>
      <?cs each:x = Indices ?><?cs call:fm_opt(F.index_code, x.code, x.code + " – " + x.name) ?><?cs /each ?>
    </select>
    <?cs call:ix_error("index_code") ?>
  </div>
  <?cs call:ix_text("code", Lang.Indices.L.code, 16, 1, Lang.Indices.version_code_hint) ?>
  <?cs call:ix_version_fields() ?>
  <?cs call:fm_check("verified", Lang.Indices.L.verified) ?>
  <p class="actions"><button type="submit" class="primary" id="btn-add-version"><?cs var:Lang.Indices.add_version ?></button></p>
</form>
</section>
<?cs include:"footer.cs" ?>
