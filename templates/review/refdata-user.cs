<?cs include:"review/refdata-macros.cs" ?>
<?cs if:Acct.new ?><?cs set:Page.title = Lang.RefData.user_new_title ?><?cs else ?><?cs set:Page.title = Acct.login ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"review/nav.cs" ?>
<p class="crumbs"><a href="/review/users"><?cs var:Lang.RefData.user_list_title ?></a></p>
<?cs # one's own roles are shown, not changed (sent unchanged as hidden inputs);
  only an admin ticks the admin role ?>
<?cs def:rd_role(ro) ?><div class="field check"><input type="checkbox" id="f_role_<?cs var:ro ?>" name="roles" value="<?cs var:ro ?>"<?cs if:F.roles[ro] == "1" ?> checked<?cs /if ?><?cs if:Acct.self == 1 || (ro == "admin" && Page.is_admin != 1) ?> disabled<?cs /if ?>> <label for="f_role_<?cs var:ro ?>"><?cs var:Lang.RefData.Role[ro] ?></label><?cs if:Acct.self == 1 && F.roles[ro] == "1" ?><input type="hidden" name="roles" value="<?cs var:ro ?>"><?cs /if ?></div><?cs /def ?>
<?cs def:rd_account_fields() ?>
  <?cs call:rd_text("name", Lang.RefData.L.display_name, 50, 1, "") ?>
  <?cs call:rd_text("email", Lang.RefData.L.email, 40, 0, "") ?>
  <div class="field<?cs if:E.unit ?> has-error<?cs /if ?>">
    <label for="f_unit"><?cs var:Lang.RefData.L.unit ?></label>
    <select id="f_unit" name="unit"<?cs call:fm_aria("unit") ?>>
      <option value=""><?cs var:Lang.RefData.user_no_unit ?></option>
      <?cs if:Acct.unit_ended == 1 ?><?cs call:fm_opt(F.unit, F.unit, Acct.unit_name + " (" + Acct.unit_code + ")") ?><?cs /if ?>
      <?cs each:u = Units ?><?cs call:fm_opt(F.unit, u.id, u.label) ?><?cs /each ?>
    </select>
    <?cs call:rd_error("unit") ?>
  </div>
  <fieldset id="f_roles" tabindex="-1"<?cs if:E.roles ?> class="has-error" aria-describedby="e_roles"<?cs /if ?>>
    <legend><?cs var:Lang.RefData.L.roles ?><?cs call:fm_req(1) ?></legend>
    <?cs call:rd_role("officer") ?><?cs call:rd_role("unit_head") ?><?cs call:rd_role("wg") ?><?cs call:rd_role("wg_lead") ?>
    <?cs call:rd_role("deputy") ?><?cs call:rd_role("head") ?><?cs call:rd_role("admin") ?><?cs call:rd_role("member") ?>
    <?cs call:rd_error("roles") ?>
  </fieldset>
<?cs /def ?>
<?cs if:Acct.new ?>
<h1><?cs var:Lang.RefData.user_new_title ?></h1>
<?cs call:rd_summary() ?>
<form method="post" action="/review/user" novalidate id="form-user" autocomplete="off">
  <?cs call:fm_csrf() ?>
  <?cs call:rd_text("login", Lang.RefData.L.login, 30, 1, Lang.RefData.user_login_hint) ?>
  <?cs call:rd_account_fields() ?>
  <?cs call:rd_password("pw", Lang.RefData.L.pw, Lang.RefData.user_pw_hint) ?>
  <?cs call:rd_password("pw2", Lang.RefData.L.pw2, "") ?>
  <p class="actions"><button type="submit" class="primary" id="btn-create-user"><?cs var:Lang.RefData.user_create ?></button></p>
</form>
<?cs else ?>
<h1><?cs var:Acct.name ?> <span class="meta">(<?cs var:Acct.login ?>)</span></h1>
<dl class="facts">
  <dt><?cs var:Lang.RefData.L.login ?></dt><dd><code id="user-login"><?cs var:Acct.login ?></code> <span class="meta">(<?cs var:Lang.RefData.unchangeable ?>)</span></dd>
  <dt><?cs var:Lang.status ?></dt><dd id="user-state"><?cs if:Acct.active == 1 ?><?cs var:Lang.RefData.user_active ?><?cs else ?><span class="flag"><?cs var:Lang.RefData.user_disabled ?></span><?cs /if ?><?cs if:Acct.locked == 1 ?> <span class="flag"><?cs var:Lang.RefData.user_locked ?></span><?cs /if ?></dd>
  <dt><?cs var:Lang.RefData.user_created ?></dt><dd><?cs var:Acct.created ?></dd>
</dl>
<?cs call:rd_flash() ?>
<?cs if:Acct.protected == 1 ?><p class="notice" id="protected"><?cs var:Lang.RefData.user_protected ?></p><?cs /if ?>
<?cs if:Acct.self == 1 ?><p class="notice"><?cs var:Lang.RefData.user_self ?></p><?cs /if ?>
<?cs if:Acct.unit_ended == 1 ?><p class="notice"><?cs var:Lang.RefData.user_unit_ended ?></p><?cs /if ?>
<?cs if:E.state ?><p class="error" role="alert" id="state-error"><?cs var:Lang.RefData.Err[E.state] ?></p><?cs /if ?>
<?cs call:rd_summary() ?>
<?cs if:Acct.protected != 1 ?>
<section aria-labelledby="h-account">
<h2 id="h-account"><?cs var:Lang.RefData.user_account ?></h2>
<form method="post" action="/review/user" novalidate id="form-user">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="id" value="<?cs var:Acct.id ?>">
  <?cs call:rd_account_fields() ?>
  <p class="actions"><button type="submit" class="primary" id="btn-save-user"><?cs var:Lang.RefData.user_save ?></button></p>
</form>
</section>
<section aria-labelledby="h-state">
<h2 id="h-state"><?cs var:Lang.RefData.user_state ?></h2>
<form method="post" action="/review/user-state">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="id" value="<?cs var:Acct.id ?>">
  <?cs if:Acct.active == 1 ?>
  <p class="muted"><?cs var:Lang.RefData.user_disable_hint ?></p>
  <button type="submit" name="action" value="disable" id="btn-disable"<?cs if:Acct.self == 1 ?> disabled<?cs /if ?>><?cs var:Lang.RefData.user_disable ?></button>
  <?cs else ?>
  <button type="submit" name="action" value="enable" id="btn-enable"><?cs var:Lang.RefData.user_enable ?></button>
  <?cs /if ?>
</form>
</section>
<section aria-labelledby="h-pw">
<h2 id="h-pw"><?cs var:Lang.RefData.user_pw_title ?></h2>
<p class="muted"><?cs var:Lang.RefData.user_pw_intro ?></p>
<form method="post" action="/review/user-password" novalidate id="form-password" autocomplete="off">
  <?cs call:fm_csrf() ?>
  <input type="hidden" name="id" value="<?cs var:Acct.id ?>">
  <?cs call:rd_password("pw", Lang.RefData.L.pw, Lang.RefData.user_pw_hint) ?>
  <?cs call:rd_password("pw2", Lang.RefData.L.pw2, "") ?>
  <p class="actions"><button type="submit" id="btn-reset-password"><?cs var:Lang.RefData.user_pw_button ?></button></p>
</form>
</section>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
