<?cs include:"review/indices-macros.cs" ?>
<?cs set:Page.title = Lang.Indices.version_title + " " + Ver.code ?><?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<p class="crumbs"><a href="/review/indices"><?cs var:Lang.Indices.list_title ?></a></p>
<h1><?cs var:Lang.Indices.version_title ?> <?cs var:Ver.code ?></h1>
<p class="lead"><?cs var:Ver.name ?> · <?cs var:Ver.index_name ?></p>
<?cs call:ix_flash() ?>
<?cs call:ix_summary() ?>
<dl class="facts" id="version-facts">
  <dt><?cs var:Lang.Indices.L.decision ?></dt><dd><?cs if:Ver.decision ?><?cs var:Ver.decision ?><?cs else ?><?cs var:Lang.Indices.no_decision ?><?cs /if ?></dd>
  <dt><?cs var:Lang.Indices.years ?></dt><dd><?cs var:Ver.year_from ?>–<?cs if:Ver.year_to ?><?cs var:Ver.year_to ?><?cs else ?><?cs var:Lang.Indices.current ?><?cs /if ?></dd>
  <dt><?cs var:Lang.Indices.L.max_points ?></dt><dd><?cs if:Ver.max_points ?><?cs var:Ver.max_points ?><?cs else ?>–<?cs /if ?><?cs if:Ver.mainsum ?> <span class="meta">(<?cs var:Lang.Indices.mainsum ?>: <span id="mainsum"><?cs var:Ver.mainsum ?></span>)</span><?cs /if ?>
    <?cs if:Ver.over ?><span class="flag warn" id="version-over"><?cs var:Lang.Indices.version_over ?></span><?cs /if ?></dd>
  <dt><?cs var:Lang.Indices.L.verified ?></dt><dd id="version-verified"><?cs call:ix_verified(Ver.verified) ?></dd>
  <dt><?cs var:Lang.Indices.L.source ?></dt><dd><?cs var:Ver.source ?></dd>
</dl>
<form method="post" action="/review/index-version-state" class="inline-form">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="id" value="<?cs var:Ver.id ?>">
  <?cs if:Ver.verified == 1 ?>
  <button type="submit" name="action" value="unverify" id="btn-version-unverify"><?cs var:Lang.Indices.mark_unverified ?></button>
  <?cs else ?>
  <button type="submit" name="action" value="verify" id="btn-version-verify"><?cs var:Lang.Indices.mark_verified ?></button>
  <?cs /if ?>
</form>

<details id="version-edit"<?cs if:Page.nerr || Page.conflict ?> open<?cs /if ?>>
<summary><?cs var:Lang.Indices.edit_version ?></summary>
<form method="post" action="/review/index-version" novalidate id="form-version-edit">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="id" value="<?cs var:Ver.id ?>">
  <input type="hidden" name="fp" value="<?cs var:Ver.fp ?>">
  <p class="field"><?cs var:Lang.Indices.L.code ?>: <code><?cs var:Ver.code ?></code> <span class="meta">(<?cs var:Lang.Indices.unchangeable ?>)</span></p>
  <?cs call:ix_version_fields() ?>
  <p class="actions"><button type="submit" class="primary" id="btn-save-version"><?cs var:Lang.Indices.save_version ?></button></p>
</form>
</details>

<section aria-labelledby="h-tree">
<h2 id="h-tree"><?cs var:Lang.Indices.tree_title ?></h2>
<p id="tree-summary"><?cs var:Lang.Indices.ncrit ?>: <strong id="ncrit"><?cs var:Ver.ncrit ?></strong> ·
  <?cs var:Lang.Indices.ngaps ?>: <strong id="ngaps"><?cs var:Ver.ngaps ?></strong> ·
  <?cs var:Lang.Indices.nunverified ?>: <strong id="nunverified"><?cs var:Ver.nunverified ?></strong>
  <?cs if:Ver.nwarn > 0 ?> · <span class="flag warn" id="nwarn"><?cs var:Lang.Indices.nwarn ?>: <?cs var:Ver.nwarn ?></span><?cs /if ?></p>
<p class="muted"><?cs var:Lang.Indices.tree_intro ?></p>
<p><a href="/review/index-criterion?version=<?cs var:Ver.id ?>" id="link-new-criterion"><?cs var:Lang.Indices.add_criterion ?></a></p>
<?cs if:subcount(Crit) == 0 ?><p id="no-criteria"><?cs var:Lang.Indices.no_criteria ?></p><?cs else ?>
<table class="refdata" id="criteria">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Indices.L.code ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.name ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.max_points ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.scoring ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.evidence_text ?> · <?cs var:Lang.Indices.L.data_source ?></th>
    <th scope="col"><?cs var:Lang.Indices.indicators ?></th>
    <th scope="col"><?cs var:Lang.Indices.L.verified ?></th>
  </tr></thead>
  <tbody>
  <?cs each:c = Crit ?>
  <tr id="crit-<?cs var:c.id ?>" class="depth-<?cs var:c.depth ?><?cs if:c.active != 1 ?> retired<?cs /if ?><?cs if:c.gap ?> gap<?cs /if ?><?cs if:c.verified != 1 ?> unverified-row<?cs /if ?>">
    <th scope="row"><?cs if:c.depth >= 1 ?><span aria-hidden="true">↳</span><?cs /if ?><?cs if:c.depth >= 2 ?><span aria-hidden="true">↳</span><?cs /if ?><?cs if:c.depth >= 3 ?><span aria-hidden="true">↳</span><?cs /if ?>
      <a href="/review/index-criterion?id=<?cs var:c.id ?>"><?cs var:c.code ?></a></th>
    <td><?cs var:c.name ?><?cs if:c.active != 1 ?> <span class="flag"><?cs var:Lang.Indices.retired ?></span><?cs /if ?>
      <?cs if:c.source ?><span class="meta"><?cs var:Lang.Indices.L.source ?>: <?cs var:c.source ?></span><?cs /if ?></td>
    <td class="num"><?cs if:c.max_points ?><?cs var:c.max_points ?><?cs else ?>–<?cs /if ?>
      <?cs if:c.childsum ?><span class="flag warn childsum"><?cs var:Lang.Indices.children_over ?> <?cs var:c.childsum ?></span><?cs /if ?></td>
    <td><?cs var:Lang.Indices.Scoring[c.scoring] ?><?cs if:c.scoring_text ?><span class="meta"><?cs var:c.scoring_text ?></span><?cs /if ?></td>
    <td><?cs if:c.evidence_text ?><?cs var:c.evidence_text ?><?cs /if ?><?cs if:c.data_source ?><span class="meta"><?cs var:c.data_source ?></span><?cs /if ?><?cs if:c.verifier ?><span class="meta"><?cs var:Lang.Indices.L.verifier ?>: <?cs var:c.verifier ?></span><?cs /if ?></td>
    <td><?cs if:c.gap ?><span class="flag gap" id="gap-<?cs var:c.id ?>"><?cs var:Lang.Indices.gap ?></span><?cs /if ?>
      <?cs if:subcount(c.maps) > 0 ?><ul class="plain">
      <?cs each:m = c.maps ?><li><a href="/review/indicator?id=<?cs var:m.ind_id ?>"><?cs var:m.ind_code ?></a> <?cs var:m.ind_name ?>
        <span class="meta">× <?cs var:m.factor ?><?cs if:m.offset != "0" ?> + <?cs var:m.offset ?><?cs /if ?><?cs if:m.uom ?> → <?cs var:m.uom ?><?cs /if ?><?cs if:m.note ?> · <?cs var:m.note ?><?cs /if ?></span>
        <?cs if:m.ind_active != 1 ?><span class="flag"><?cs var:Lang.Indices.ind_retired ?></span><?cs /if ?>
        <?cs if:m.verified != 1 ?><span class="flag unverified">⚠ <?cs var:Lang.Indices.unverified ?></span><?cs /if ?></li>
      <?cs /each ?></ul><?cs /if ?></td>
    <td><?cs call:ix_verified(c.verified) ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
</section>
<?cs include:"footer.cs" ?>
